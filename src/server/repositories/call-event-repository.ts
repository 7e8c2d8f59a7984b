import "server-only";
// The telephone system's call events and the calls recomputed from them (phone_call rows with an
// external id). See src/server/services/call-events.ts.
import type { Prisma } from "@/generated/prisma/client";
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
