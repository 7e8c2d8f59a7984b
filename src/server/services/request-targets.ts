import "server-only";
// Keeps each target's `met_at` and the queue's columns in step with the event log: after every
// event an action appends, the state is derived again by the domain's one definition
// (`metAtFromEvents`, `queueFacts`) — never set by hand. A met target also keeps the time it took
// in its own clock (`met_clock_ms`, the engine's clockTimeBetween), for the dashboards.
import type { ClockId, DurationUnit } from "@/domain/catalogue/types";
import { metAtFromEvents, queueFacts, type EventFact, type TargetFacts } from "@/domain/requests/targets";
import { findTargetsAndEvents, saveDerivedTargets, type TargetRow, type Tx } from "@/server/repositories/request-repository";
import { getCatalogue } from "@/server/services/get-catalogue";

export function toTargetFacts(row: Omit<TargetRow, "metAt" | "metClockMs">): TargetFacts {
  return {
    targetId: row.targetId,
    metric: row.metric,
    clock: row.clock as ClockId,
    amount: row.amount,
    unit: row.unit as DurationUnit,
    calendarId: row.calendarId,
    startsAt: row.startsAt.getTime(),
    dueAt: row.dueAt.getTime(),
    riskAt: row.riskAt.getTime(),
  };
}

export function toEventFact(row: { kind: string; at: Date; data: unknown }): EventFact {
  const data = row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  return { kind: row.kind, at: row.at.getTime(), data };
}

export async function refreshTargets(tx: Tx, requestId: string, options: { withdrawn?: boolean } = {}): Promise<void> {
  const [{ targets, events }, { engine }] = await Promise.all([findTargetsAndEvents(tx, requestId), getCatalogue()]);
  const facts = events.map(toEventFact);
  const changed = new Map<string, { metAt: Date | null; metClockMs: number | null }>();
  const derived = targets.map((row) => {
    const target = toTargetFacts(row);
    const metAt = metAtFromEvents(target, facts);
    const metClockMs = metAt === null ? null : engine.clockTimeBetween(target, target.startsAt, metAt);
    const stored = row.metClockMs === null ? null : Number(row.metClockMs);
    if ((row.metAt?.getTime() ?? null) !== metAt || (stored === null) !== (metClockMs === null)) {
      changed.set(row.targetId, { metAt: metAt === null ? null : new Date(metAt), metClockMs });
    }
    return { dueAt: row.dueAt.getTime(), riskAt: row.riskAt.getTime(), metAt };
  });
  const q = queueFacts(derived, options.withdrawn);
  await saveDerivedTargets(tx, requestId, changed, {
    nextDueAt: q.nextDueAt === null ? null : new Date(q.nextDueAt),
    nextRiskAt: q.nextRiskAt === null ? null : new Date(q.nextRiskAt),
    missed: q.missed,
    hasTargets: q.hasTargets,
  });
}
