import "server-only";
// The counters of src/domain/auth/sign-in-throttle.ts, keyed by the sha-256 of their key (no e-mail
// or address in clear). Updated under a transaction-scoped advisory lock per key, so concurrent
// failures all count.
import { createHash } from "node:crypto";
import type { ThrottleCounter } from "@/domain/auth/sign-in-throttle";
import type { Db } from "@/server/db/client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const hashThrottleKey = (key: string) => createHash("sha256").update(key).digest("hex");

export async function readThrottleCounters(db: Db | Tx, keys: readonly string[]): Promise<Map<string, ThrottleCounter>> {
  const hashed = keys.map(hashThrottleKey);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: hashed } } });
  const byHash = new Map(rows.map((r) => [r.key, { failures: r.failures, lastFailureAt: r.lastFailureAt, lockedUntil: r.lockedUntil }]));
  const result = new Map<string, ThrottleCounter>();
  keys.forEach((key, i) => {
    const row = byHash.get(hashed[i]!);
    if (row) result.set(key, row);
  });
  return result;
}

/** Reads, changes and writes the counters of `keys` one transaction, each key locked meanwhile. */
export async function updateThrottleCounters(
  db: Db,
  keys: readonly string[],
  change: (key: string, counter: ThrottleCounter | null) => ThrottleCounter,
): Promise<void> {
  await db.$transaction(async (tx) => {
    // Sorted: two attempts never wait on each other's locks in opposite orders.
    for (const hash of keys.map(hashThrottleKey).sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${hash}))`;
    const current = await readThrottleCounters(tx, keys);
    for (const key of keys) {
      const next = change(key, current.get(key) ?? null);
      const hash = hashThrottleKey(key);
      await tx.signInThrottle.upsert({
        where: { key: hash },
        create: { key: hash, ...next },
        update: next,
      });
    }
  });
}

export async function deleteThrottleCounters(db: Db, keys: readonly string[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys.map(hashThrottleKey) } } });
}

/** Counters forgotten by the policy, deleted (called by the minute cycle). */
export async function deleteStaleThrottleCounters(db: Db, before: Date): Promise<number> {
  const { count } = await db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: before }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: before } }] } });
  return count;
}
