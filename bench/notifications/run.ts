// npm run -s bench:notifications — the notification cycle's queries on the database
// `bench:queue:generate` filled (a million requests and their targets): the scan (which unmet
// targets of open requests entered at risk / breached in the last 7 days, inserted as dispatches),
// the delivery's claim of the due ones with their requests and targets, and the header's unread
// count. Each measured run is rolled back, so the database is left as it was. Prints p50 and p95
// with the row counts; a cycle runs every minute, so the target is ≤ 1 s p95 for scan + claim.
import os from "node:os";
import { measure } from "../measure";
import { openBenchDatabase } from "../queue/database";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = 1000;
const { stop } = await openBenchDatabase();
const { getDb } = await import("../../src/server/db/client");
const { claimDueDispatches, countUnread, insertDispatches } = await import("../../src/server/repositories/notification-repository");
const { SCAN_WINDOW_MS } = await import("../../src/domain/notifications/notifications");

const db = getDb();
const total = await db.request.count();
if (total < 1000) console.warn(`Only ${total} requests: run \`npm run -s bench:queue:generate\` first.`);
const now = new Date();
const since = new Date(now.getTime() - SCAN_WINDOW_MS);
const calendars = (await db.calendar.findMany({ select: { id: true } })).map((c) => ({ calendarId: c.id, at: now }));
const agent = await db.user.findUniqueOrThrow({ where: { email: "agent.dotation@cspq.exemple.qc.ca" }, select: { id: true } });
class Rollback extends Error {}

/** Runs `work` in a transaction always rolled back; its result. */
async function rolledBack<T>(work: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db
    .$transaction(async (tx) => {
      result = await work(tx);
      throw new Rollback();
    }, { timeout: 60_000 })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return result as T;
}

console.log(`bench:notifications — ${total.toLocaleString("fr-CA")} requêtes; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}; Node ${process.version}; ${RUNS} mesures`);
console.log("requête                                         | lignes  | p50 (ms) | p95 (ms)");
let worst = 0;
const cases: [string, () => Promise<number>][] = [
  ["relevé : états entrés en 7 jours (insertDispatches)", () => rolledBack((tx) => insertDispatches(tx, now, since, calendars))],
  ["relevé + réclamation des dus (claimDueDispatches)", () => rolledBack(async (tx) => (await insertDispatches(tx, now, since, calendars)) + (await claimDueDispatches(tx, now, 500)).length)],
  ["compte des non lues (en-tête)", () => countUnread(db, agent.id)],
];
for (const [label, run] of cases) {
  const { result: rows, p50, p95 } = await measure(run, RUNS);
  if (!label.startsWith("compte")) worst = Math.max(worst, p95);
  console.log(`${label.padEnd(47)} | ${String(rows).padStart(7)} | ${p50.toFixed(1).padStart(8)} | ${p95.toFixed(1).padStart(8)}`);
}
console.log(`Pire p95 du cycle : ${worst.toFixed(1)} ms (${worst <= TARGET_MS ? "objectif ≤ 1 s atteint" : "objectif manqué"}).`);
await db.$disconnect();
await stop();
