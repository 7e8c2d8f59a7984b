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

/** An agent's settlement of a system call (the screen pop): the events that come after keep it. */
export const SETTLED_OUTCOMES = ["settled", "request_opened"] as const;

/**
 * The call as its events now say: made at its first event, rewritten at each — one statement. Its
 * outcome follows the call's status until an agent settles it from the screen pop (settled,
 * request_opened); a later event (`ended`) leaves that outcome as the agent set it.
 */
export async function saveEventCall(tx: Tx, externalId: string, data: EventCallData): Promise<{ id: string }> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO phone_call AS c (id, external_id, channel, outcome, service_id, audience_id, line_id, received_at, answered_at, abandoned_at, ended_at,
                                 call_status, target_id, due_at, agent_id, agent_ref, caller_number)
    VALUES (gen_random_uuid(), ${externalId}, 'phone', ${data.callStatus}, ${data.serviceId}, ${data.audienceId}, ${data.lineId}, ${data.receivedAt}, ${data.answeredAt},
            ${data.abandonedAt}, ${data.endedAt}, ${data.callStatus}, ${data.targetId}, ${data.dueAt}, ${data.agentId}::uuid, ${data.agentRef}, ${data.callerNumber})
    ON CONFLICT (external_id) DO UPDATE SET
      outcome = CASE WHEN c.outcome IN (${Prisma.join(SETTLED_OUTCOMES)}) THEN c.outcome ELSE EXCLUDED.outcome END,
      service_id = EXCLUDED.service_id, audience_id = EXCLUDED.audience_id, line_id = EXCLUDED.line_id,
      received_at = EXCLUDED.received_at, answered_at = EXCLUDED.answered_at, abandoned_at = EXCLUDED.abandoned_at, ended_at = EXCLUDED.ended_at,
      call_status = EXCLUDED.call_status, target_id = EXCLUDED.target_id, due_at = EXCLUDED.due_at,
      agent_id = EXCLUDED.agent_id, agent_ref = EXCLUDED.agent_ref, caller_number = EXCLUDED.caller_number
    RETURNING id`;
  return rows[0]!;
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

/** A past request of a caller, for the screen pop. */
export type CallerRequestRow = { number: string; subject: string; status: string; type: string; receivedAt: Date };

export type CurrentCallRow = {
  id: string;
  serviceId: string;
  lineId: string;
  audienceId: string;
  callerNumber: string | null;
  receivedAt: Date;
  answeredAt: Date;
  endedAt: Date | null;
  dueAt: Date | null;
  pastRequests: CallerRequestRow[];
  /** How many calls the agent has to settle in all (more than are listed when over POP_LIMIT). */
  total: number;
};

/** The screen pop lists this many calls (those still on the line first), and says how many more. */
export const POP_LIMIT = 5;

/**
 * An agent's calls the telephone system says they answered since `since` and that they have not
 * settled yet (the screen pop), those still on the line first, then the latest — POP_LIMIT of them —
 * each with its caller's five latest requests of the call's service: requests the number's calls opened (voicemails included) and requests giving
 * it as their contact phone — matched by guichet_phone_key (the migration 20261129183000). With
 * `callId`, that call only.
 */
export async function listUnsettledCalls(db: Db, agentId: string, serviceIds: readonly string[], since: Date, callId?: string): Promise<CurrentCallRow[]> {
  if (!serviceIds.length) return [];
  const rows = await db.$queryRaw<
    { id: string; service_id: string; line_id: string; audience_id: string; caller_number: string | null; received_at: Date; answered_at: Date; ended_at: Date | null; due_at: Date | null; total: bigint; past: { number: string; subject: string; status: string; type: string; received_at: string }[] }[]
  >`
    SELECT c.id, c.service_id, c.line_id, c.audience_id, c.caller_number, c.received_at, c.answered_at, c.ended_at, c.due_at, count(*) OVER () AS total,
           coalesce((
             SELECT json_agg(p ORDER BY p.received_at DESC)
             FROM (SELECT r.number, r.subject, r.status, r.type, r.received_at
                   FROM request r
                   WHERE r.service_id = c.service_id AND r.id IN (
                           SELECT o.request_id FROM phone_call o
                           WHERE o.caller_number IS NOT NULL AND guichet_phone_key(o.caller_number) = guichet_phone_key(c.caller_number) AND o.request_id IS NOT NULL
                           UNION ALL
                           SELECT q.id FROM request q
                           WHERE q.service_id = c.service_id AND q.details ? 'contactPhone' AND guichet_phone_key(q.details ->> 'contactPhone') = guichet_phone_key(c.caller_number))
                   ORDER BY r.received_at DESC
                   LIMIT 5) p), '[]'::json) AS past
    FROM phone_call c
    WHERE c.agent_id = ${agentId}::uuid AND c.external_id IS NOT NULL AND c.received_at >= ${since}
      AND c.service_id IN (${Prisma.join(serviceIds)})
      AND c.call_status = 'answered' AND c.outcome NOT IN (${Prisma.join(SETTLED_OUTCOMES)})
      ${callId ? Prisma.sql`AND c.id = ${callId}::uuid` : Prisma.empty}
    ORDER BY (c.ended_at IS NULL) DESC, c.answered_at DESC
    LIMIT ${POP_LIMIT}`;
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    lineId: r.line_id,
    audienceId: r.audience_id,
    callerNumber: r.caller_number,
    receivedAt: r.received_at,
    answeredAt: r.answered_at,
    endedAt: r.ended_at,
    dueAt: r.due_at,
    pastRequests: r.past.map((p) => ({ number: p.number, subject: p.subject, status: p.status, type: p.type, receivedAt: new Date(p.received_at) })),
    total: Number(r.total),
  }));
}

/** A system call an agent settles: as its events made it. */
export type SystemCallRow = {
  id: string;
  externalId: string;
  serviceId: string;
  audienceId: string;
  lineId: string;
  callStatus: string;
  outcome: string;
  agentId: string | null;
  callerNumber: string | null;
  receivedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  targetId: string | null;
  dueAt: Date | null;
};

export async function findSystemCall(db: Db | Tx, id: string): Promise<SystemCallRow | null> {
  const row = await db.phoneCall.findUnique({
    where: { id },
    select: { id: true, externalId: true, serviceId: true, audienceId: true, lineId: true, callStatus: true, outcome: true, agentId: true, callerNumber: true, receivedAt: true, answeredAt: true, endedAt: true, targetId: true, dueAt: true },
  });
  if (!row || row.externalId === null || row.lineId === null || row.callStatus === null) return null;
  return { ...row, externalId: row.externalId, lineId: row.lineId, callStatus: row.callStatus };
}

/** The agent's settlement of a system call: how it ended for the caller, and the request it opened. */
export async function settleSystemCall(tx: Tx, id: string, data: { outcome: (typeof SETTLED_OUTCOMES)[number]; requestId: string | null; urgent: boolean }): Promise<void> {
  await tx.phoneCall.update({ where: { id }, data, select: { id: true } });
}

export type ReceivedEventRow = {
  stored: boolean;
  callId: string | null;
  /** The line the call is already on, when it is not this event's (nothing was stored). */
  otherLine: string | null;
  status: string | null;
  queuedAt: Date | null;
  answeredAt: Date | null;
  abandonedAt: Date | null;
  endedAt: Date | null;
  waitMs: number | null;
  dueAt: Date | null;
  met: boolean | null;
};

export type EventToReceive = {
  externalId: string;
  kind: string;
  lineId: string;
  serviceId: string;
  audienceId: string;
  at: Date;
  agentRef: string | null;
  callerNumber: string | null;
  receivedAt: Date;
  targetId: string | null;
  targetMs: number | null;
  abandonThresholdMs: number;
};

type ReceivedSqlRow = { n: bigint; stored: boolean; call_id: string | null; other_line: string | null; status: string | null; queued_at: Date | null; answered_at: Date | null; abandoned_at: Date | null; ended_at: Date | null; wait_ms: bigint | null; due_at: Date | null; met: boolean | null };

/**
 * Events stored and their calls recomputed, several in one statement and one commit:
 * guichet_receive_call_event (the migration 20261129190000), the domain's callState in SQL under
 * each call's advisory lock, once per event. The events are taken in the order of their calls'
 * lock keys — the same order in every batch, so two batches never wait on each other in a circle —
 * and, for one call, in the order they came. The answers come back in the order given.
 */
export async function receiveEventsInSql(db: Db, events: readonly EventToReceive[]): Promise<ReceivedEventRow[]> {
  const given = events.map((e) => ({ ...e, targetMs: e.targetMs === null ? null : String(e.targetMs), abandonThresholdMs: String(e.abandonThresholdMs) }));
  const rows = await db.$queryRaw<ReceivedSqlRow[]>`
    SELECT e.n, r.* FROM (
      SELECT j.value AS v, j.n FROM jsonb_array_elements(${JSON.stringify(given)}::jsonb) WITH ORDINALITY AS j(value, n)
      ORDER BY hashtextextended('call:' || (j.value->>'externalId'), 0), j.n
    ) AS e
    CROSS JOIN LATERAL guichet_receive_call_event(e.v->>'externalId', e.v->>'kind', e.v->>'lineId', e.v->>'serviceId', e.v->>'audienceId',
      (e.v->>'at')::timestamptz, e.v->>'agentRef', e.v->>'callerNumber', '{}'::jsonb, (e.v->>'receivedAt')::timestamptz,
      e.v->>'targetId', (e.v->>'targetMs')::bigint, (e.v->>'abandonThresholdMs')::bigint) AS r`;
  const byPosition = new Map(rows.map((r) => [Number(r.n), r]));
  return events.map((_, i) => {
    const r = byPosition.get(i + 1)!;
    return {
      stored: r.stored,
      callId: r.call_id,
      otherLine: r.other_line,
      status: r.status,
      queuedAt: r.queued_at,
      answeredAt: r.answered_at,
      abandonedAt: r.abandoned_at,
      endedAt: r.ended_at,
      waitMs: r.wait_ms === null ? null : Number(r.wait_ms),
      dueAt: r.due_at,
      met: r.met,
    };
  });
}
