// npm run -s bench:dashboard — every query of a manager's dashboard for one month of one service,
// on the database `bench:queue:generate` filled (a million requests, their targets, calls and
// promises; met clock times filled by prepareDatabase the first time): each repository query alone, then the whole dashboard (queries in parallel and the
// domain's figures). Prints p50 and p95 per query with its row count; the target is ≤ 300 ms p95
// (issue 5).
import os from "node:os";
import { ZDashboardQuery } from "../../src/schemas/dashboard";
import { measure } from "../measure";
import { openBenchDatabase } from "../queue/database";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = 300;
const { stop } = await openBenchDatabase();
// Imported after the database is chosen: the app's client reads DATABASE_URL.
const { getDb } = await import("../../src/server/db/client");
const { countBacklog, countVolumes, summarizePeriodCalls, summarizePeriodTargets } = await import("../../src/server/repositories/dashboard-repository");
const { countQueue, listQueue } = await import("../../src/server/repositories/queue-repository");
const { periodOf, readDashboard } = await import("../../src/server/services/dashboard");

const db = getDb();
const total = await db.request.count();
if (total < 1000) console.warn(`Only ${total} requests: run \`npm run -s bench:queue:generate\` first.`);
const manager = await db.user.findUniqueOrThrow({ where: { email: "gestionnaire@cspq.exemple.qc.ca" }, select: { id: true, name: true, email: true } });
const user = { ...manager, role: "manager" as const, services: ["ca-dotation", "sagir"], organization: null };
const now = new Date();
// The last complete month (the generated traffic covers the three years before now).
const lastMonth = new Date(now.getTime() - 31 * 86_400_000).toISOString().slice(0, 10);
const query = ZDashboardQuery.parse({ period: "month", date: lastMonth });
const period = periodOf(query, "America/Toronto", now, true);

console.log(`bench:dashboard — ${total.toLocaleString("fr-CA")} requêtes; mois du ${new Date(period.from).toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}; Node ${process.version}; ${RUNS} mesures par requête`);
console.log("service      | requête                               | lignes  | p50 (ms) | p95 (ms) | ≤ 300 ms");
let worst = 0;
for (const serviceId of ["ca-dotation", "sagir"]) {
  const scope = { serviceId, from: new Date(period.from), to: new Date(period.to) };
  const open = { serviceId, status: "open" as const };
  const context = { userId: user.id, now };
  const cases: [string, () => Promise<number>][] = [
    ["engagements (summarizePeriodTargets)", async () => (await summarizePeriodTargets(db, scope, now)).reduce((a, t) => a + t.total, 0)],
    ["volumes par jour et canal (countVolumes)", async () => (await countVolumes(db, scope, { timeZone: "America/Toronto", bucket: "day" })).length],
    ["appels (summarizePeriodCalls)", async () => Object.values((await summarizePeriodCalls(db, scope)).byChannel).reduce((a, b) => a + b, 0)],
    ["arriéré par âge (countBacklog)", async () => Object.values(await countBacklog(db, scope, now)).reduce((a, b) => a + b, 0)],
    ["à risque maintenant (liste + compte)", async () => (await listQueue(db, { ...open, state: "at-risk" }, { ...context, limit: 20 })).rows.length + (await countQueue(db, { ...open, state: "at-risk" }, { ...context, cap: 1000 }))],
    ["en retard maintenant (liste + compte)", async () => (await listQueue(db, { ...open, state: "breached" }, { ...context, limit: 20 })).rows.length + (await countQueue(db, { ...open, state: "breached" }, { ...context, cap: 1000 }))],
    ["tableau de bord complet (readDashboard)", async () => (await readDashboard({ user, serviceId, query, now })).requests],
    ["même, canal téléphone", async () => (await readDashboard({ user, serviceId, query: { ...query, channel: "phone" }, now })).requests],
  ];
  for (const [label, run] of cases) {
    const { result: rows, p50, p95 } = await measure(run, RUNS);
    worst = Math.max(worst, p95);
    console.log(`${serviceId.padEnd(12)} | ${label.padEnd(37)} | ${String(rows).padStart(7)} | ${p50.toFixed(1).padStart(8)} | ${p95.toFixed(1).padStart(8)} | ${p95 <= TARGET_MS ? "oui" : "NON"}`);
  }
}
console.log(`Pire p95 : ${worst.toFixed(1)} ms (${worst <= TARGET_MS ? "objectif atteint" : "objectif manqué"}).`);
await db.$disconnect();
await stop();
