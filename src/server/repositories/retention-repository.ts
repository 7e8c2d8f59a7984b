import "server-only";
// Loi 25 retention: the closed requests past their service's period, erased one by one by the
// database's guichet_erase_request (see the retention migration), and the erasure log.
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

/**
 * Claims up to `limit` closed requests whose service's retention period has passed since their
 * closing and whose personal information is still held; locked (SKIP LOCKED) so that two workers
 * never take the same one.
 */
export async function claimExpiredRequests(tx: Tx, now: Date, limit: number): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT r.id::text AS id
    FROM request r JOIN service s ON s.id = r.service_id
    WHERE r.status = 'closed' AND r.personal_data_erased_at IS NULL
      AND r.closed_at < ${now}::timestamptz - make_interval(days => s.retention_days)
    ORDER BY r.closed_at
    LIMIT ${limit}
    FOR UPDATE OF r SKIP LOCKED`;
  return rows.map((r) => r.id);
}

/** Erases one request's personal information (once: false when it already was). */
export async function eraseRequest(tx: Tx, requestId: string, rule: "retention" | "access_request", actorUserId: string | null, at: Date): Promise<boolean> {
  const rows = await tx.$queryRaw<{ counts: unknown }[]>`SELECT guichet_erase_request(${requestId}::uuid, ${rule}, ${actorUserId}::uuid, ${at}) AS counts`;
  return rows[0]?.counts != null;
}

/**
 * Erases the callers' numbers of the telephone system's calls received before their service's
 * retention period (a call ends the day it is made: the period runs from its receipt) — on the call
 * and on each of its events; and the call detail record files a manager previewed a day ago or more
 * and did not import. Returns how many calls lost their number.
 */
export async function eraseExpiredCallerNumbers(db: Db | Tx, now: Date): Promise<number> {
  const calls = await db.$queryRaw<{ external_id: string }[]>`
    UPDATE phone_call c SET caller_number = NULL
    FROM service s
    WHERE s.id = c.service_id AND c.caller_number IS NOT NULL
      AND c.received_at < ${now}::timestamptz - make_interval(days => s.retention_days)
    RETURNING c.external_id`;
  const ids = calls.map((c) => c.external_id).filter((id): id is string => id !== null);
  if (ids.length) await db.$executeRaw`UPDATE call_event SET caller_number = NULL WHERE external_id = ANY(${ids}) AND caller_number IS NOT NULL`;
  // Call detail record files previewed and never imported (they hold callers' numbers): a day at most.
  await db.$executeRaw`DELETE FROM call_import WHERE committed_at IS NULL AND created_at < ${now}::timestamptz - interval '1 day'`;
  return calls.length;
}

export function findRetentionSettings(db: Db | Tx): Promise<{ id: string; retentionDays: number }[]> {
  return db.service.findMany({ select: { id: true, retentionDays: true }, orderBy: { sortOrder: "asc" } });
}

export async function setRetentionDays(db: Db | Tx, serviceId: string, days: number): Promise<number | null> {
  const before = await db.service.findUnique({ where: { id: serviceId }, select: { retentionDays: true } });
  if (!before) return null;
  await db.service.update({ where: { id: serviceId }, data: { retentionDays: days }, select: { id: true } });
  return before.retentionDays;
}

export function listErasures(db: Db, serviceIds: readonly string[], take: number) {
  return db.erasureLog.findMany({ where: { serviceId: { in: [...serviceIds] } }, orderBy: { id: "desc" }, take, select: { id: true, at: true, rule: true, number: true, serviceId: true, counts: true } });
}
