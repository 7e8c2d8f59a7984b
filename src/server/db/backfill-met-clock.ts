import "server-only";
// Fills `request_target.met_clock_ms` for targets met before the column existed (or written by a
// path that does not derive it, like the benchmark's generator): the time each took in its own
// clock, computed by the catalogue engine, in batches. A no-op once every met target has it (the
// partial index `request_target_met_clock_missing_idx` is then empty).
import { createCatalogueEngine } from "@/domain/catalogue/engine";
import type { ClockId } from "@/domain/catalogue/types";
import type { Db } from "@/server/db/client";
import { loadCatalogue } from "@/server/repositories/catalogue-repository";

const BATCH = 20_000;

export async function backfillMetClockTimes(db: Db): Promise<number> {
  let filled = 0;
  let engine: ReturnType<typeof createCatalogueEngine> | null = null;
  for (;;) {
    const rows = await db.$queryRaw<{ request_id: string; target_id: string; clock: string; calendar_id: string; starts_at: Date; met_at: Date }[]>`
      SELECT request_id::text AS request_id, target_id, clock, calendar_id, starts_at, met_at
      FROM request_target WHERE met_at IS NOT NULL AND met_clock_ms IS NULL
      LIMIT ${BATCH}`;
    if (rows.length === 0) return filled;
    engine ??= createCatalogueEngine((await loadCatalogue(db)).definition);
    const ms = rows.map((r) => Math.round(engine!.clockTimeBetween({ clock: r.clock as ClockId, calendarId: r.calendar_id }, r.starts_at.getTime(), r.met_at.getTime())));
    await db.$executeRaw`
      UPDATE request_target t SET met_clock_ms = v.ms
      FROM unnest(${rows.map((r) => r.request_id)}::uuid[], ${rows.map((r) => r.target_id)}::text[], ${ms}::bigint[]) AS v(request_id, target_id, ms)
      WHERE t.request_id = v.request_id AND t.target_id = v.target_id`;
    filled += rows.length;
  }
}
