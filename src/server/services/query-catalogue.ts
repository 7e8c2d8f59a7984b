import "server-only";
// The status and due-date queries of spec §7, shared by the HTTP API and the CLI so that both
// print the same JSON.
import type { CatalogueEngine } from "@/domain/catalogue/engine";
import type { TCatalogueDueQuery, TCatalogueStatusQuery } from "@/schemas/catalogue";

export type StatusDto = { open: boolean; closesAt: string | null; nextOpening: string | null };

export type DueTargetDto = {
  id: string;
  metric: string;
  clock: string;
  amount: number;
  unit: string;
  calendar: string;
  dueAt: string;
};

export type DueDto = { targets: DueTargetDto[] };

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function queryStatus(engine: CatalogueEngine, query: TCatalogueStatusQuery, now: Date): StatusDto {
  const s = engine.status(query.service, query.audience, (query.at ?? now).getTime());
  return { open: s.open, closesAt: isoOrNull(s.closesAt), nextOpening: isoOrNull(s.nextOpening) };
}

export function queryDue(engine: CatalogueEngine, query: TCatalogueDueQuery, now: Date): DueDto {
  const receivedAt = (query.receivedAt ?? now).getTime();
  return {
    targets: engine.dueTargets(query.service, query.audience, query.channel, receivedAt).map(({ target, dueAt }) => ({
      id: target.id,
      metric: target.metric,
      clock: target.clock,
      amount: target.amount,
      unit: target.unit,
      calendar: target.calendarId,
      dueAt: new Date(dueAt).toISOString(),
    })),
  };
}
