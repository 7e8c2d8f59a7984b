import "server-only";
// The managers' dashboards: the rows each figure is computed from, for one service, a period of
// receipt [from, to) and optional audience and channel filters. Read through the indexes
// `request_service_received_idx` and `request_target_service_received_idx` (service, received_at;
// a target carries its request's service, audience, channel and receipt). Each figure is a domain function of
// src/domain/dashboard/statistics.ts written as one SQL aggregate (a month of a service is tens of
// thousands of rows: summed where they are); the tests recompute every figure with the domain
// functions from the event log and compare.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { AGE_BOUNDS_DAYS, AGE_CLASSES, PROMISE_ROW, type AgeClass, type CallSummary, type TargetSummary } from "@/domain/dashboard/statistics";
import { PROMISE_METRIC } from "@/domain/requests/targets";

export type DashboardScope = {
  serviceId: string;
  from: Date;
  to: Date;
  audienceId?: string | undefined;
  channel?: string | undefined;
};

function requestConditions(scope: DashboardScope, alias = Prisma.sql`r`): Prisma.Sql {
  const where = [
    Prisma.sql`${alias}.service_id = ${scope.serviceId}`,
    Prisma.sql`${alias}.received_at >= ${scope.from}`,
    Prisma.sql`${alias}.received_at < ${scope.to}`,
  ];
  if (scope.audienceId) where.push(Prisma.sql`${alias}.audience_id = ${scope.audienceId}`);
  if (scope.channel) where.push(Prisma.sql`${alias}.channel = ${scope.channel}`);
  return Prisma.join(where, " AND ");
}

/**
 * The targets of the requests received in the period, one row per catalogue target (every promise
 * in one row): the domain's `summarizeTargets` over `evaluateTarget`, written in SQL on the stored
 * met, due and at-risk instants and met clock times (tests/integration/dashboard.test.ts checks
 * both give the same figures). Percentiles are nearest-rank (percentile_disc), as the domain's.
 */
export async function summarizePeriodTargets(db: Db, scope: DashboardScope, now: Date): Promise<TargetSummary[]> {
  const rows = await db.$queryRaw<
    {
      key: string; metric: string; clock: string; calendar_id: string; total: bigint; met_on_time: bigint; met_late: bigint; overdue: bigint;
      pending: bigint; at_risk: bigint; clock_p50: bigint | null; clock_p90: bigint | null; elapsed_p50: number | null; elapsed_p90: number | null;
    }[]
  >`
    SELECT CASE WHEN t.metric = ${PROMISE_METRIC} THEN ${PROMISE_ROW} ELSE t.target_id END AS key,
           min(t.metric) AS metric, min(t.clock) AS clock, min(t.calendar_id) AS calendar_id,
           count(*) AS total,
           count(*) FILTER (WHERE t.met_at <= t.due_at) AS met_on_time,
           count(*) FILTER (WHERE t.met_at > t.due_at) AS met_late,
           count(*) FILTER (WHERE t.met_at IS NULL AND t.due_at < ${now}) AS overdue,
           count(*) FILTER (WHERE t.met_at IS NULL AND t.due_at >= ${now}) AS pending,
           count(*) FILTER (WHERE t.met_at IS NULL AND t.due_at >= ${now} AND t.risk_at <= ${now}) AS at_risk,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY t.met_clock_ms) AS clock_p50,
           percentile_disc(0.9) WITHIN GROUP (ORDER BY t.met_clock_ms) AS clock_p90,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM t.met_at - t.starts_at) * 1000)::float8) AS elapsed_p50,
           percentile_disc(0.9) WITHIN GROUP (ORDER BY (extract(epoch FROM t.met_at - t.starts_at) * 1000)::float8) AS elapsed_p90
    FROM request_target t
    WHERE ${requestConditions(scope, Prisma.sql`t`)}
      -- A merged duplicate's unmet targets are withdrawn (the surviving request carries them).
      AND (t.met_at IS NOT NULL OR t.request_id NOT IN (SELECT m.id FROM request m WHERE m.merged_into_id IS NOT NULL))
    GROUP BY 1`;
  const n = (v: bigint | number | null) => (v === null ? null : Number(v));
  return rows.map((r) => {
    const [metOnTime, metLate, overdue] = [Number(r.met_on_time), Number(r.met_late), Number(r.overdue)];
    const decided = metOnTime + metLate + overdue;
    return {
      key: r.key,
      metric: r.metric,
      clock: r.clock,
      calendarId: r.calendar_id,
      total: Number(r.total),
      metOnTime,
      metLate,
      overdue,
      pending: Number(r.pending),
      atRisk: Number(r.at_risk),
      shareMet: decided === 0 ? null : metOnTime / decided,
      clockMedianMs: n(r.clock_p50),
      clockP90Ms: n(r.clock_p90),
      elapsedMedianMs: n(r.elapsed_p50),
      elapsedP90Ms: n(r.elapsed_p90),
    };
  });
}

/** Requests received per chart bucket (local day `YYYY-MM-DD` or month `YYYY-MM`) and channel. */
export async function countVolumes(
  db: Db,
  scope: DashboardScope,
  options: { timeZone: string; bucket: "day" | "month" },
): Promise<{ bucket: string; channel: string; count: number }[]> {
  const format = options.bucket === "day" ? "YYYY-MM-DD" : "YYYY-MM";
  const rows = await db.$queryRaw<{ bucket: string; channel: string; n: bigint }[]>`
    SELECT to_char(r.received_at AT TIME ZONE ${options.timeZone}, ${format}) AS bucket, r.channel, count(*) AS n
    FROM request r
    WHERE ${requestConditions(scope)}
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return rows.map((r) => ({ bucket: r.bucket, channel: r.channel, count: Number(r.n) }));
}

/** Calls, voicemails, faxes and e-mails logged as received in the period: the domain's `summarizeCalls` in SQL. */
export async function summarizePeriodCalls(db: Db, scope: DashboardScope): Promise<CallSummary> {
  const rows = await db.$queryRaw<
    { channel: string; n: bigint; answered: bigint; with_target: bigint; within: bigint; wait_p50: number | null; wait_p90: number | null }[]
  >`
    SELECT c.channel, count(*) AS n,
           count(c.answered_at) AS answered,
           count(c.due_at) AS with_target,
           count(*) FILTER (WHERE c.answered_at <= c.due_at) AS within,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM c.answered_at - c.received_at) * 1000)::float8) AS wait_p50,
           percentile_disc(0.9) WITHIN GROUP (ORDER BY (extract(epoch FROM c.answered_at - c.received_at) * 1000)::float8) AS wait_p90
    FROM phone_call c
    WHERE ${requestConditions(scope, Prisma.sql`c`)}
    GROUP BY c.channel`;
  const phone = rows.find((r) => r.channel === "phone");
  const withTarget = Number(phone?.with_target ?? 0);
  return {
    calls: Number(phone?.n ?? 0),
    answered: Number(phone?.answered ?? 0),
    answeredWithinTarget: Number(phone?.within ?? 0),
    shareWithinTarget: withTarget === 0 ? null : Number(phone!.within) / withTarget,
    waitMedianMs: phone?.wait_p50 ?? null,
    waitP90Ms: phone?.wait_p90 ?? null,
    byChannel: Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)])),
  };
}

/** Open requests of the service now, by age class (the domain's ageClass, written in SQL). */
export async function countBacklog(
  db: Db,
  scope: Pick<DashboardScope, "serviceId" | "audienceId" | "channel">,
  now: Date,
): Promise<Record<AgeClass, number>> {
  const where = [Prisma.sql`r.service_id = ${scope.serviceId}`, Prisma.sql`r.status IN ('new', 'in_progress', 'waiting_requester')`];
  if (scope.audienceId) where.push(Prisma.sql`r.audience_id = ${scope.audienceId}`);
  if (scope.channel) where.push(Prisma.sql`r.channel = ${scope.channel}`);
  const age = Prisma.sql`(${now}::timestamptz - r.received_at)`;
  const cases = AGE_BOUNDS_DAYS.map((days, i) => Prisma.sql`WHEN ${age} < make_interval(days => ${days}) THEN ${AGE_CLASSES[i]!}`);
  const rows = await db.$queryRaw<{ age_class: AgeClass; n: bigint }[]>`
    SELECT CASE ${Prisma.join(cases, " ")} ELSE ${AGE_CLASSES.at(-1)!} END AS age_class, count(*) AS n
    FROM request r
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1`;
  const counts = Object.fromEntries(AGE_CLASSES.map((c) => [c, 0])) as Record<AgeClass, number>;
  for (const r of rows) counts[r.age_class] = Number(r.n);
  return counts;
}
