import "server-only";
// The telephone system's call events and the calls recomputed from them (phone_call rows with an
// external id). See src/server/services/call-events.ts.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

export type StoredCallEvent = { kind: string; lineId: string; at: Date; agentRef: string | null; callerNumber: string | null };

/** Holds the call until the transaction ends: its events are recomputed by one writer at a time. */
export async function lockCall(tx: Tx, externalId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`call:${externalId}`}, 0))`;
}

/** Stores the event unless the call has one of that kind already (a retried webhook); true when stored. */
export async function insertCallEvent(
  tx: Tx,
  event: { externalId: string; kind: string; lineId: string; at: Date; agentRef: string | null; callerNumber: string | null; details: Prisma.InputJsonValue; receivedAt: Date },
): Promise<boolean> {
  const { count } = await tx.callEvent.createMany({ data: [event], skipDuplicates: true });
  return count === 1;
}

export async function listCallEvents(tx: Tx, externalId: string): Promise<StoredCallEvent[]> {
  return tx.callEvent.findMany({ where: { externalId }, select: { kind: true, lineId: true, at: true, agentRef: true, callerNumber: true }, orderBy: { id: "asc" } });
}

export type EventCallData = {
  serviceId: string;
  audienceId: string;
  lineId: string;
  receivedAt: Date;
  answeredAt: Date | null;
  abandonedAt: Date | null;
  endedAt: Date | null;
  callStatus: string;
  targetId: string | null;
  dueAt: Date | null;
  agentId: string | null;
  agentRef: string | null;
  callerNumber: string | null;
};

/** The call as its events now say: made at its first event, rewritten at each. */
export async function saveEventCall(tx: Tx, externalId: string, data: EventCallData): Promise<{ id: string }> {
  const row = { ...data, channel: "phone", outcome: data.callStatus };
  return tx.phoneCall.upsert({ where: { externalId }, create: { externalId, ...row }, update: row, select: { id: true } });
}

/** The written request a call's voicemail opened. */
export async function linkCallRequest(tx: Tx, callId: string, requestId: string): Promise<void> {
  await tx.phoneCall.update({ where: { id: callId }, data: { requestId }, select: { id: true } });
}

export type LineBoardRow = {
  lineId: string;
  waiting: number;
  oldestWaitingAt: Date | null;
  answered: number;
  abandoned: number;
  counted: number;
  within: number;
  onCall: number;
};

/**
 * Each line's figures for the wallboard, in one query: calls waiting now (queued since `staleAfter`:
 * an older « waiting » call is one whose end the system never sent), the longest wait, and since
 * `dayStart` the calls answered, abandoned, counted for the target and answered in time, and the
 * agents on a call (answered, not ended).
 */
export async function readLineBoards(db: Db, lineIds: readonly string[], dayStart: Date, staleAfter: Date): Promise<LineBoardRow[]> {
  const rows = await db.$queryRaw<
    { line_id: string; waiting: bigint; oldest: Date | null; answered: bigint; abandoned: bigint; counted: bigint; within: bigint; on_call: bigint }[]
  >`
    SELECT c.line_id,
           count(*) FILTER (WHERE c.call_status = 'waiting' AND c.received_at >= ${staleAfter}) AS waiting,
           min(c.received_at) FILTER (WHERE c.call_status = 'waiting' AND c.received_at >= ${staleAfter}) AS oldest,
           count(*) FILTER (WHERE c.call_status = 'answered' AND c.received_at >= ${dayStart}) AS answered,
           count(*) FILTER (WHERE c.call_status = 'abandoned' AND c.received_at >= ${dayStart}) AS abandoned,
           count(*) FILTER (WHERE c.due_at IS NOT NULL AND c.received_at >= ${dayStart}) AS counted,
           count(*) FILTER (WHERE c.due_at IS NOT NULL AND c.answered_at <= c.due_at AND c.received_at >= ${dayStart}) AS within,
           count(DISTINCT coalesce(c.agent_id::text, c.agent_ref)) FILTER (WHERE c.call_status = 'answered' AND c.ended_at IS NULL AND c.received_at >= ${staleAfter}) AS on_call
    FROM phone_call c
    WHERE c.line_id IN (${Prisma.join(lineIds)}) AND c.received_at >= LEAST(${dayStart}::timestamptz, ${staleAfter}::timestamptz)
    GROUP BY c.line_id`;
  return rows.map((r) => ({
    lineId: r.line_id,
    waiting: Number(r.waiting),
    oldestWaitingAt: r.oldest,
    answered: Number(r.answered),
    abandoned: Number(r.abandoned),
    counted: Number(r.counted),
    within: Number(r.within),
    onCall: Number(r.on_call),
  }));
}
