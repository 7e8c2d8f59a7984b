// npm run -s bench:http [-- <seconds per run>]   (default 10)
// The production build as people meet it (front door, Next.js, embedded PostgreSQL of its own),
// loaded by autocannon: candidate inquiries (POST /api/v1/inquiries), a public service page
// (GET /services/ca-dotation/candidate) and the catalogue status (GET /api/v1/catalogue/status, close
// to what the framework serves at best), each at 50 then 200 connections, one after the other in
// one run. Prints, side by side: requests/s, p95 and p99 latency (from every answer's time), and
// errors (non-2xx, socket errors, timeouts). Builds the app first when there is no build.
// BENCH_ONLY=<word of a scenario's name> runs that one alone; BENCH_CPU_PROF=<dir> writes the server's CPU profile there.
// Issue 13's targets: ≥ 300 inquiries/s; the service page ≥ 80 % of the status route's rate, with
// p99 < 1 s and 0 errors at 200 connections. Read the figures as ratios: they depend on the machine.
import os from "node:os";
import autocannon from "autocannon";
import { startProductionApp } from "../../scripts/production-app";
import { percentile } from "../measure";

const SECONDS = Number(process.argv[2] ?? 10);
const { base, stop: stopApp } = await startProductionApp({
  GUICHET_RATE_LIMIT_PER_MINUTE: "1000000000",
  ...(process.env.BENCH_CPU_PROF ? { GUICHET_CPU_PROFILE_DIR: process.env.BENCH_CPU_PROF } : {}),
});

type Scenario = { name: string; path: string; method?: "GET" | "POST"; body?: string };
const SCENARIOS: Scenario[] = [
  {
    name: "inquiries (POST)",
    path: "/api/v1/inquiries",
    method: "POST",
    body: JSON.stringify({ name: "Banc Essai", email: "banc@exemple.ca", subject: "Question de banc d'essai", topic: "staffing-general", message: "Une question générale sur la dotation, envoyée par le banc d'essai." }),
  },
  { name: "service page", path: "/services/ca-dotation/candidate" },
  { name: "catalogue status", path: "/api/v1/catalogue/status?service=ca-dotation&audience=candidate" },
];

type Row = { scenario: string; connections: number; perSecond: number; p95: number; p99: number; errors: number; why: string };

async function load(s: Scenario, connections: number, seconds: number): Promise<Row> {
  const times: number[] = [];
  let errors = 0;
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${s.path}`,
        method: s.method ?? "GET",
        connections,
        duration: seconds,
        timeout: 10,
        headers: s.body ? { "content-type": "application/json" } : {},
        ...(s.body ? { body: s.body } : {}),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status >= 300) {
        errors++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    });
  });
  times.sort((a, b) => a - b);
  return {
    scenario: s.name,
    connections,
    perSecond: Math.round(times.length / seconds),
    p95: Math.round(percentile(times, 0.95)),
    p99: Math.round(percentile(times, 0.99)),
    errors: errors + result.errors + result.timeouts,
    why: [...[...statuses].map(([code, n]) => `${n}×${code}`), result.timeouts ? `${result.timeouts} timeouts` : "", result.errors - result.timeouts > 0 ? `${result.errors - result.timeouts} socket errors` : ""].filter(Boolean).join(", "),
  };
}

// BENCH_ONLY=inquiries (a word of the scenario's name) runs that scenario alone, to profile it.
const only = process.env.BENCH_ONLY;
const chosen = only ? SCENARIOS.filter((s) => s.name.includes(only)) : SCENARIOS;
const rows: Row[] = [];
try {
  for (const s of chosen) await load(s, 10, 2); // warm-up: compiled routes, pools, caches
  for (const connections of [50, 200]) for (const s of chosen) rows.push(await load(s, connections, SECONDS));
} finally {
  stopApp();
}

const cpus = os.cpus();
console.log(`\nbench:http — ${SECONDS} s per run, ${cpus.length} × ${cpus[0]?.model.trim()}, Node ${process.version}`);
console.log("scenario            conns   req/s   p95 ms   p99 ms   errors");
for (const r of rows) {
  console.log(`${r.scenario.padEnd(18)} ${String(r.connections).padStart(5)} ${String(r.perSecond).padStart(7)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)}${r.why ? `   (${r.why})` : ""}`);
}
for (const connections of only ? [] : [50, 200]) {
  const page = rows.find((r) => r.scenario === "service page" && r.connections === connections)!;
  const status = rows.find((r) => r.scenario === "catalogue status" && r.connections === connections)!;
  console.log(`service page / catalogue status at ${connections}: ${((100 * page.perSecond) / Math.max(1, status.perSecond)).toFixed(0)} % (target ≥ 80 %)`);
}
process.exit(0);
