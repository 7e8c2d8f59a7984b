import "server-only";
// Keeps each target's `met_at` and the queue's columns in step with the event log: after every
// event an action appends, the state is derived again by the domain's one definition
// (`metAtFromEvents`, `queueFacts`) — never set by hand.
import type { ClockId, DurationUnit } from "@/domain/catalogue/types";
import { metAtFromEvents, queueFacts, type EventFact, type TargetFacts } from "@/domain/requests/targets";
import { findTargetsAndEvents, saveDerivedTargets, type TargetRow, type Tx } from "@/server/repositories/request-repository";

export function toTargetFacts(row: Omit<TargetRow, "metAt">): TargetFacts {
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
  const { targets, events } = await findTargetsAndEvents(tx, requestId);
  const facts = events.map(toEventFact);
  const changed = new Map<string, Date | null>();
  const derived = targets.map((row) => {
    const metAt = metAtFromEvents(toTargetFacts(row), facts);
    if ((row.metAt?.getTime() ?? null) !== metAt) changed.set(row.targetId, metAt === null ? null : new Date(metAt));
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
