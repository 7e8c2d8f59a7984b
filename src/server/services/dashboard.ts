import { reviewFigures, secondLevelFigures, type ReviewFigures, type SecondLevelFigures } from "@/server/repositories/second-level-repository";
import "server-only";
// The managers' dashboards (per service, audience, channel and period) and the monthly report:
// the figures of the domain's statistics, aggregated by the dashboard repository in SQL (target
// states as the domain's evaluateTarget gives them; a test recomputes them from the event log).
import { bucketKeys, resolvePeriod, shiftPeriod, type Period } from "@/domain/dashboard/period";
import { overallOutcome, PROMISE_ROW, type AgeClass, type CallSummary, type TargetSummary } from "@/domain/dashboard/statistics";
import { dayNumberFromIsoDate, getZone } from "@/domain/catalogue/zone";
import type { DashboardQuery } from "@/schemas/dashboard";
import { isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import {
  countBacklog,
  countVolumes,
  summarizePeriodCalls,
  summarizePeriodTargets,
  type DashboardScope,
} from "@/server/repositories/dashboard-repository";
import { countQueue, listQueue } from "@/server/repositories/queue-repository";
import { guideFigures, type GuideFigureRow } from "@/server/repositories/satisfaction-repository";
import { getCatalogue, type Catalogue } from "@/server/services/get-catalogue";
import { satisfactionFigures, type SatisfactionFigures } from "@/server/services/satisfaction";

/** The live list of requests at risk or overdue shows this many (the counts are exact up to AT_RISK_COUNT_CAP). */
export const AT_RISK_LIST_SIZE = 20;
export const AT_RISK_COUNT_CAP = 1000;

export function requireManagerOf(user: CurrentUser | null, serviceId: string): CurrentUser {
  if (!isManagerOf(user, serviceId)) throw new AppError("NOT_FOUND", "not a manager of this service");
  return user;
}

/** The service's time zone (its calendars': one zone per service). */
export function serviceTimeZone(catalogue: Catalogue, serviceId: string): string {
  const service = catalogue.engine.getService(serviceId);
  return catalogue.engine.calendarFor(serviceId, service.audiences[0]!.id).timeZone;
}

/** The period the query asks for; the current month when it cannot be read (the form shows why). */
export function periodOf(query: DashboardQuery, timeZone: string, now: Date, valid: boolean): Period {
  const zone = getZone(timeZone);
  const today = zone.dayOf(now.getTime());
  if (!valid) return resolvePeriod(zone, "month", today);
  if (query.period === "range") {
    return resolvePeriod(zone, "range", today, { first: dayNumberFromIsoDate(query.from!)!, last: dayNumberFromIsoDate(query.to!)! });
  }
  return resolvePeriod(zone, query.period, query.date ? dayNumberFromIsoDate(query.date)! : today);
}

/** An open request at risk, or overdue (`breached`: a pending target past its due instant). */
export type AtRiskItem = { number: string; subject: string; assigneeName: string | null; dueAt: Date | null; breached: boolean };

export type DashboardData = {
  serviceId: string;
  timeZone: string;
  period: Period;
  previous: Period;
  next: Period;
  filters: { audienceId: string | undefined; channel: string | undefined };
  audiences: string[];
  channels: string[];
  requests: number;
  targets: TargetSummary[];
  /** The catalogue commitments together (promises apart). */
  overall: { shareMet: number | null; breaches: number };
  promises: TargetSummary | null;
  volumes: { keys: string[]; channels: string[]; rows: { bucket: string; byChannel: Record<string, number>; total: number }[] };
  calls: CallSummary;
  backlog: Record<AgeClass, number>;
  atRisk: { items: AtRiskItem[]; atRisk: number; breached: number; capped: number };
  secondLevel: SecondLevelFigures;
  reviews: ReviewFigures;
  /** The requesters' satisfaction with the requests resolved in the period (asked at resolution). */
  satisfaction: SatisfactionFigures;
  /** The guides' suggestions, openings and « answered » in the period, per article (audience filter only). */
  guides: GuideFigureRow[];
};

/** Every figure of a service's dashboard for a period, as of `now`. */
export async function readDashboard({
  user,
  serviceId,
  query,
  valid = true,
  now,
}: {
  user: CurrentUser | null;
  serviceId: string;
  query: DashboardQuery;
  valid?: boolean;
  now: Date;
}): Promise<DashboardData> {
  const manager = requireManagerOf(user, serviceId);
  const catalogue = await getCatalogue();
  const service = catalogue.engine.getService(serviceId);
  const audiences = service.audiences.map((a) => a.id as string);
  const channels = [...new Set(service.audiences.flatMap((a) => a.channels as readonly string[]))];
  const filters = {
    audienceId: query.audience && audiences.includes(query.audience) ? query.audience : undefined,
    channel: query.channel && channels.includes(query.channel) ? query.channel : undefined,
  };
  const timeZone = serviceTimeZone(catalogue, serviceId);
  const period = periodOf(query, timeZone, now, valid);
  const zone = getZone(timeZone);
  const scope: DashboardScope = { serviceId, from: new Date(period.from), to: new Date(period.to), ...filters };
  const db = getDb();
  const queueFilters = { serviceId, status: "open" as const, ...filters };
  const context = { userId: manager.id, now };
  const [summaries, volumeRows, calls, backlog, atRiskPage, breachedPage, atRiskCount, breachedCount, secondLevel, reviews, satisfaction, guides] = await Promise.all([
    summarizePeriodTargets(db, scope, now),
    countVolumes(db, scope, { timeZone, bucket: period.bucket }),
    summarizePeriodCalls(db, scope),
    countBacklog(db, { serviceId, ...filters }, now),
    // What needs acting on now: overdue (a pending target past due) or at risk. A request whose
    // target was met late has nothing due: it counts in the period's « Dépassements », not here.
    listQueue(db, { ...queueFilters, state: "at-risk-now" }, { ...context, limit: AT_RISK_LIST_SIZE }),
    listQueue(db, { ...queueFilters, state: "overdue-now" }, { ...context, limit: AT_RISK_LIST_SIZE }),
    countQueue(db, { ...queueFilters, state: "at-risk-now" }, { ...context, cap: AT_RISK_COUNT_CAP }),
    countQueue(db, { ...queueFilters, state: "overdue-now" }, { ...context, cap: AT_RISK_COUNT_CAP }),
    // The service's, whatever the audience and channel filters (a forward is the request's, not a channel's).
    secondLevelFigures(db, serviceId, scope.from, scope.to, now),
    reviewFigures(db, serviceId, scope.from, scope.to),
    satisfactionFigures(scope),
    guideFigures(db, { serviceId, audienceId: filters.audienceId, from: scope.from, to: scope.to }),
  ]);

  const catalogueOrder = catalogue.definition.targets.map((t) => t.id as string);
  const targets = summaries
    .filter((s) => s.key !== PROMISE_ROW)
    .sort((a, b) => catalogueOrder.indexOf(a.key) - catalogueOrder.indexOf(b.key));

  const keys = bucketKeys(period);
  const volumeChannels = [...new Set(volumeRows.map((v) => v.channel))].sort((a, b) => channels.indexOf(a) - channels.indexOf(b));
  const rows = keys.map((bucket) => {
    const byChannel: Record<string, number> = {};
    for (const v of volumeRows) if (v.bucket === bucket) byChannel[v.channel] = v.count;
    return { bucket, byChannel, total: Object.values(byChannel).reduce((a, b) => a + b, 0) };
  });

  const atRiskItems = [...breachedPage.rows.map((r) => ({ r, breached: true })), ...atRiskPage.rows.map((r) => ({ r, breached: false }))]
    .slice(0, AT_RISK_LIST_SIZE)
    .map(({ r, breached }) => ({ number: r.number, subject: r.subject, assigneeName: r.assignee_name, dueAt: r.next_due_at, breached }));

  return {
    serviceId,
    timeZone,
    period,
    previous: shiftPeriod(zone, period, -1),
    next: shiftPeriod(zone, period, 1),
    filters,
    audiences,
    channels,
    requests: rows.reduce((a, r) => a + r.total, 0),
    targets,
    overall: overallOutcome(targets),
    promises: summaries.find((s) => s.key === PROMISE_ROW) ?? null,
    volumes: { keys, channels: volumeChannels, rows },
    calls,
    backlog,
    atRisk: { items: atRiskItems, atRisk: atRiskCount, breached: breachedCount, capped: AT_RISK_COUNT_CAP },
    secondLevel,
    reviews,
    satisfaction,
    guides,
  };
}

/** A fiscal quarter of the Québec government (April to June is the first), as the committee reads it. */
export function fiscalQuarterOf(year: number, month: number): { quarter: 1 | 2 | 3 | 4; fiscalYear: number; first: { year: number; month: number }; last: { year: number; month: number } } {
  const index = Math.floor(((month + 8) % 12) / 3);
  const firstMonth = ((index * 3 + 3) % 12) + 1;
  return { quarter: (index + 1) as 1 | 2 | 3 | 4, fiscalYear: month >= 4 ? year : year - 1, first: { year, month: firstMonth }, last: { year, month: firstMonth + 2 } };
}

/** The satisfaction of a service's requests resolved in a quarter (the monthly report's committee section). */
export async function readQuarterSatisfaction({ user, serviceId, year, month }: { user: CurrentUser | null; serviceId: string; year: number; month: number }): Promise<{ quarter: ReturnType<typeof fiscalQuarterOf>; figures: SatisfactionFigures }> {
  requireManagerOf(user, serviceId);
  const catalogue = await getCatalogue();
  const zone = getZone(serviceTimeZone(catalogue, serviceId));
  const quarter = fiscalQuarterOf(year, month);
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const lastDay = new Date(Date.UTC(quarter.last.year, quarter.last.month, 0)).getUTCDate();
  const period = resolvePeriod(zone, "range", dayNumberFromIsoDate(iso(year, month, 1))!, {
    first: dayNumberFromIsoDate(iso(quarter.first.year, quarter.first.month, 1))!,
    last: dayNumberFromIsoDate(iso(quarter.last.year, quarter.last.month, lastDay))!,
  });
  return { quarter, figures: await satisfactionFigures({ serviceId, from: new Date(period.from), to: new Date(period.to) }) };
}
