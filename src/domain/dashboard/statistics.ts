// What the managers' dashboards compute from targets, calls and open requests. One function per
// figure, fed with rows the database returns; the same functions recompute the figures from the
// event log in the tests, so the dashboard and the log cannot drift apart.
import { PROMISE_METRIC, type EvaluatedTarget } from "@/domain/requests/targets";

/** Nearest-rank percentile of ascending values (PostgreSQL's percentile_disc): null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** The row a target adds up under: its catalogue target, or "promise" for every promise made by an avis de délai. */
export const PROMISE_ROW = "promise";
export function summaryKey(target: Pick<EvaluatedTarget, "targetId" | "metric">): string {
  return target.metric === PROMISE_METRIC ? PROMISE_ROW : target.targetId;
}

export type TargetSummary = {
  key: string;
  metric: string;
  clock: string;
  calendarId: string;
  total: number;
  /** Met by the due instant. */
  metOnTime: number;
  /** Met after the due instant. */
  metLate: number;
  /** Not met, due instant passed. */
  overdue: number;
  /** Not met, not due yet (at risk included). */
  pending: number;
  atRisk: number;
  /** metOnTime / (metOnTime + metLate + overdue): the targets whose outcome is known; null if none. */
  shareMet: number | null;
  /** Time from the start to the metric event of the met targets, in the target's own clock and elapsed. */
  clockMedianMs: number | null;
  clockP90Ms: number | null;
  elapsedMedianMs: number | null;
  elapsedP90Ms: number | null;
};

/**
 * The targets of a period's requests, one row per catalogue target (promises together), in the
 * order first seen. Withdrawn targets (a merged duplicate's, not met) are not counted: the
 * surviving request carries the commitment.
 */
export function summarizeTargets(targets: readonly EvaluatedTarget[]): TargetSummary[] {
  const groups = new Map<string, { first: EvaluatedTarget; rows: EvaluatedTarget[] }>();
  for (const t of targets) {
    if (t.withdrawn) continue;
    const key = summaryKey(t);
    const group = groups.get(key);
    if (group) group.rows.push(t);
    else groups.set(key, { first: t, rows: [t] });
  }
  return [...groups.entries()].map(([key, { first, rows }]) => {
    let metOnTime = 0;
    let metLate = 0;
    let overdue = 0;
    let pending = 0;
    let atRisk = 0;
    const clock: number[] = [];
    const elapsed: number[] = [];
    for (const t of rows) {
      if (t.metAt !== null) {
        if (t.state === "met") metOnTime += 1;
        else metLate += 1;
        clock.push(t.elapsedMs);
        elapsed.push(t.metAt - t.startsAt);
      } else if (t.state === "breached") {
        overdue += 1;
      } else {
        pending += 1;
        if (t.state === "at-risk") atRisk += 1;
      }
    }
    clock.sort((a, b) => a - b);
    elapsed.sort((a, b) => a - b);
    const decided = metOnTime + metLate + overdue;
    return {
      key,
      metric: first.metric,
      clock: first.clock,
      calendarId: first.calendarId,
      total: rows.length,
      metOnTime,
      metLate,
      overdue,
      pending,
      atRisk,
      shareMet: decided === 0 ? null : metOnTime / decided,
      clockMedianMs: percentile(clock, 0.5),
      clockP90Ms: percentile(clock, 0.9),
      elapsedMedianMs: percentile(elapsed, 0.5),
      elapsedP90Ms: percentile(elapsed, 0.9),
    };
  });
}

/** Every commitment of a period together (the dashboard's and the report's headline): share met, breaches. */
export function overallOutcome(summaries: readonly TargetSummary[]): { shareMet: number | null; breaches: number } {
  let metOnTime = 0;
  let breaches = 0;
  for (const s of summaries) {
    metOnTime += s.metOnTime;
    breaches += s.metLate + s.overdue;
  }
  return { shareMet: metOnTime + breaches === 0 ? null : metOnTime / (metOnTime + breaches), breaches };
}

export type CallFacts = { channel: string; receivedAt: number; answeredAt: number | null; dueAt: number | null };
export type CallSummary = {
  /** Phone calls (voicemails, faxes and e-mails logged apart). */
  calls: number;
  answered: number;
  /** Answered by the call's own due instant (5 minutes for candidates, 15 for SAGIR). */
  answeredWithinTarget: number;
  /** answeredWithinTarget / calls with a target; null if none. */
  shareWithinTarget: number | null;
  waitMedianMs: number | null;
  waitP90Ms: number | null;
  byChannel: Record<string, number>;
};

export function summarizeCalls(calls: readonly CallFacts[]): CallSummary {
  const byChannel: Record<string, number> = {};
  const waits: number[] = [];
  let phone = 0;
  let answered = 0;
  let withTarget = 0;
  let within = 0;
  for (const c of calls) {
    byChannel[c.channel] = (byChannel[c.channel] ?? 0) + 1;
    if (c.channel !== "phone") continue;
    phone += 1;
    if (c.answeredAt !== null) {
      answered += 1;
      waits.push(c.answeredAt - c.receivedAt);
    }
    if (c.dueAt !== null) {
      withTarget += 1;
      if (c.answeredAt !== null && c.answeredAt <= c.dueAt) within += 1;
    }
  }
  waits.sort((a, b) => a - b);
  return {
    calls: phone,
    answered,
    answeredWithinTarget: within,
    shareWithinTarget: withTarget === 0 ? null : within / withTarget,
    waitMedianMs: percentile(waits, 0.5),
    waitP90Ms: percentile(waits, 0.9),
    byChannel,
  };
}

/** Backlog age classes, in calendar days since receipt: [0, 1), [1, 2), [2, 5), [5, 10), [10, 20), 20 and more. */
export const AGE_BOUNDS_DAYS = [1, 2, 5, 10, 20] as const;
export const AGE_CLASSES = ["lt1", "1to2", "2to5", "5to10", "10to20", "ge20"] as const;
export type AgeClass = (typeof AGE_CLASSES)[number];

export function ageClass(ageMs: number): AgeClass {
  const days = ageMs / 86_400_000;
  const index = AGE_BOUNDS_DAYS.findIndex((bound) => days < bound);
  return AGE_CLASSES[index === -1 ? AGE_CLASSES.length - 1 : index]!;
}
