import "server-only";
// Fixed-window counters in PostgreSQL, so that every app instance shares one limit.
import type { Db } from "@/server/db/client";

/** Counts one hit in the window and returns the window's count so far. */
export async function countHit(db: Db, key: string, windowStart: Date): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit.count + 1
    RETURNING count`;
  return rows[0]!.count;
}

export async function deleteWindowsBefore(db: Db, before: Date): Promise<void> {
  await db.rateLimit.deleteMany({ where: { windowStart: { lt: before } } });
}
