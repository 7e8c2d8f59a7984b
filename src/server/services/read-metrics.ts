import "server-only";
// GET /api/metrics: the Prometheus text, with the state gauges read now. Guarded by
// GUICHET_METRICS_TOKEN (a bearer token compared in constant time); unset, the route does not exist.
import { timingSafeEqual, createHash } from "node:crypto";
import { databaseAvailable } from "@/server/db/availability";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { metrics } from "@/server/metrics";

const digest = (text: string) => createHash("sha256").update(text).digest();

export function checkMetricsToken(authorization: string | null): void {
  const token = process.env.GUICHET_METRICS_TOKEN;
  if (!token) throw new AppError("NOT_FOUND", "metrics disabled");
  const given = /^Bearer (.+)$/.exec(authorization ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(token))) throw new AppError("UNAUTHENTICATED", "bad metrics token");
}

/** The at-risk and breached counts match the dashboards' definitions (risk passed, not due; past due), on open requests. */
async function readState(now: Date): Promise<void> {
  const m = metrics();
  m.database.set(databaseAvailable() ? 1 : 0);
  if (!databaseAvailable()) return;
  const db = getDb();
  const [targets, queues] = await Promise.all([
    db.$queryRaw<{ service_id: string; at_risk: bigint; breached: bigint }[]>`
      SELECT s.id AS service_id,
             count(t.request_id) FILTER (WHERE t.due_at >= ${now} AND t.risk_at <= ${now}) AS at_risk,
             count(t.request_id) FILTER (WHERE t.due_at < ${now}) AS breached
      FROM service s
      LEFT JOIN request_target t ON t.service_id = s.id AND t.met_at IS NULL
        AND EXISTS (SELECT 1 FROM request r WHERE r.id = t.request_id AND r.status IN ('new', 'in_progress', 'waiting_requester'))
      GROUP BY s.id`,
    db.$queryRaw<{ inbound: bigint; outbox: bigint; boss: boolean }[]>`
      SELECT (SELECT count(*) FROM inbound_email WHERE processed_at IS NULL) AS inbound,
             (SELECT count(*) FROM email_outbox WHERE sent_at IS NULL) AS outbox,
             to_regclass('pgboss.job') IS NOT NULL AS boss`,
  ]);
  for (const row of targets) {
    m.targets.set({ service_id: row.service_id, state: "at-risk" }, Number(row.at_risk));
    m.targets.set({ service_id: row.service_id, state: "breached" }, Number(row.breached));
  }
  const q = queues[0]!;
  // pg-boss makes its schema when the jobs first start: none yet, nothing waits.
  const jobs = q.boss ? await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry')` : [{ n: 0n }];
  m.queue.set({ queue: "jobs" }, Number(jobs[0]!.n));
  m.queue.set({ queue: "inbound_email" }, Number(q.inbound));
  m.queue.set({ queue: "email_outbox" }, Number(q.outbox));
}

export async function readMetrics(authorization: string | null, now: Date): Promise<{ body: string; contentType: string }> {
  checkMetricsToken(authorization);
  await readState(now);
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
