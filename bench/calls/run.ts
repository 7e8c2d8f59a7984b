// npm run -s bench:calls [-- <seconds>]   (default 60)
// The telephone system's events at 1,000 per second into the production build (front door,
// Next.js) on the benchmark's database of a million requests (bench:queue:generate), with a key of
// the call events scope: each call sends queued, answered, ended. Then: were all of them stored (0
// lost), the p95 of an event's answer, and the wallboard's query p95 (its service function, 100
// readings after 5 warm-ups) with those calls in the table. The calls are removed at the end.
// Issue 19's targets: 1,000 events/s sustained, 0 lost, p95 ≤ 50 ms; the wallboard p95 ≤ 20 ms.
// Read the figures with the machine they ran on.
import { createHash, randomBytes } from "node:crypto";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { startProductionApp } from "../../scripts/production-app";
import { measure, percentile } from "../measure";
import { openBenchDatabase } from "../queue/database";

const SECONDS = Number(process.argv[2] ?? 60);
const RATE = 1000;
const { url, stop: stopDb } = await openBenchDatabase();
const client = new pg.Client({ connectionString: url });
await client.connect();
const requests = Number((await client.query("SELECT count(*) AS n FROM request")).rows[0].n);
const removeCalls = async () => {
  await client.query("DELETE FROM call_event WHERE external_id LIKE 'bench-%'");
  await client.query("DELETE FROM phone_call WHERE external_id LIKE 'bench-%'");
};
await removeCalls();
// A key of the call events scope, made as /admin/cles makes one (only its hash kept).
const prefix = randomBytes(5).toString("hex").slice(0, 10);
const key = `gk_${prefix}_${randomBytes(32).toString("base64url")}`;
await client.query(
  `INSERT INTO api_key (id, name, prefix, hash, scope, expires_at, created_at, created_by_id)
   SELECT gen_random_uuid(), 'bench:calls', $1, $2, 'call_events', now() + interval '1 day', now(), id FROM app_user WHERE email = 'admin@cspq.exemple.qc.ca'`,
  [prefix, createHash("sha256").update(key).digest("hex")],
);

const { base, stop: stopApp } = await startProductionApp({
  DATABASE_URL: url,
  GUICHET_DB_EPHEMERAL: "",
  NEXTAUTH_SECRET: "bench-calls",
  GUICHET_RATE_LIMIT_PER_MINUTE: "1000000000",
  // BENCH_CPU_PROF=<dir>: the server's CPU profile, written there when it stops.
  ...(process.env.BENCH_CPU_PROF ? { GUICHET_CPU_PROFILE_DIR: process.env.BENCH_CPU_PROF } : {}),
});
const KINDS = ["queued", "answered", "ended"] as const;
const LINES = ["cad-candidates", "cad-mo", "sagir"] as const;
let sequence = 0;
const started = Date.now();
const bodyOf = (n: number) => {
  const call = Math.floor(n / 3);
  const kind = KINDS[n % 3]!;
  // A call's events follow one another by seconds; the instants stay just behind the real clock.
  const at = new Date(started - 120_000 + call * 5 + (n % 3) * 1000).toISOString();
  return JSON.stringify({ callId: `bench-${call}`, event: kind, line: LINES[call % 3], at, ...(kind === "queued" ? { caller: "418 555-0100" } : {}), ...(kind === "answered" ? { agent: "agent.dotation@cspq.exemple.qc.ca" } : {}) });
};

const times: number[] = [];
const statuses = new Map<number, number>();
let result: autocannon.Result;
try {
  result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}/api/v1/calls/events`,
        method: "POST",
        connections: 64,
        overallRate: RATE,
        duration: SECONDS,
        timeout: 10,
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        requests: [{ setupRequest: (request) => ({ ...request, body: bodyOf(sequence++) }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      times.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
} finally {
  stopApp();
}
times.sort((a, b) => a - b);
const stored = Number((await client.query("SELECT count(*) AS n FROM call_event WHERE external_id LIKE 'bench-%'")).rows[0].n);
const accepted = (statuses.get(201) ?? 0) + (statuses.get(200) ?? 0);

// The wallboard's reading with these calls in the table (the service, as the page calls it).
const { readWallboard } = await import("../../src/server/services/call-events");
const { currentUserFor } = await import("../../tests/support/users");
const { getDb } = await import("../../src/server/db/client");
const admin = await currentUserFor(getDb(), "admin@cspq.exemple.qc.ca");
const wallboard = await measure(() => readWallboard({ user: admin, serviceId: "ca-dotation", now: new Date() }), 100);
await removeCalls();
await client.query("DELETE FROM api_key WHERE name = 'bench:calls'");
await client.end();
await getDb().$disconnect();
await stopDb();

const cpu = os.cpus();
console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim()}, Node ${process.version}; database: ${requests.toLocaleString("en-CA")} requests`);
console.log(`events sent: ${sequence.toLocaleString("en-CA")} in ${SECONDS} s (target rate ${RATE}/s) — answered ${times.length.toLocaleString("en-CA")}, ${Math.round(times.length / SECONDS)}/s`);
console.log(`statuses: ${[...statuses].map(([code, n]) => `${n}×${code}`).join(", ")}; socket errors ${result.errors}, timeouts ${result.timeouts}`);
console.log(`stored ${stored.toLocaleString("en-CA")} for ${accepted.toLocaleString("en-CA")} accepted answers: ${stored >= accepted ? "0 lost" : `${accepted - stored} LOST`} (an event sent as the run ends may be stored without its answer counted)`);
console.log(`event answer: p50 ${Math.round(percentile(times, 0.5))} ms, p95 ${Math.round(percentile(times, 0.95))} ms, p99 ${Math.round(percentile(times, 0.99))} ms (target p95 ≤ 50 ms)`);
console.log(`wallboard query: p50 ${wallboard.p50.toFixed(1)} ms, p95 ${wallboard.p95.toFixed(1)} ms (target ≤ 20 ms)`);
