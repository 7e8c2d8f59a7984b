// npm run -s bench:http [-- <seconds per run>]   (default 10)
// The production build as people meet it (front door, Next.js, embedded PostgreSQL of its own),
// loaded by autocannon: candidate inquiries (POST /api/v1/inquiries), a public service page
// (GET /services/ca-dotation/candidate) and the catalogue status (GET /api/v1/catalogue/status, close
// to what the framework serves at best), each at 50 then 200 connections, one after the other in
// one run. Prints, side by side: requests/s, p95 and p99 latency (from every answer's time), and
// errors (non-2xx, socket errors, timeouts). Builds the app first when there is no build.
// Issue 13's targets: ≥ 300 inquiries/s; the service page ≥ 80 % of the status route's rate, with
// p99 < 1 s and 0 errors at 200 connections. Read the figures as ratios: they depend on the machine.
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { percentile } from "../measure";

const SECONDS = Number(process.argv[2] ?? 10);
const root = path.join(import.meta.dirname, "..", "..");

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("bench:http: no build yet — npm run build");
  execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = spawn("npm", ["run", "-s", "start"], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
  env: {
    ...process.env,
    DATABASE_URL: "",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: base,
    GUICHET_DB_EPHEMERAL: "1",
    GUICHET_DB_PORT: String(await freePort()),
    GUICHET_SMTP_PORT: "off",
    GUICHET_JOBS: "off",
    GUICHET_RATE_LIMIT_PER_MINUTE: "1000000000",
    GUICHET_LOG_LEVEL: "warn",
  },
});
const stopApp = () => {
  try {
    process.kill(-app.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopApp);

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/ready`)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 240) throw new Error("the app did not become ready in 2 minutes");
  await new Promise((r) => setTimeout(r, 500));
}

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

type Row = { scenario: string; connections: number; perSecond: number; p95: number; p99: number; errors: number };

async function load(s: Scenario, connections: number, seconds: number): Promise<Row> {
  const times: number[] = [];
  let errors = 0;
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
      if (status < 200 || status >= 300) errors++;
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
  };
}

const rows: Row[] = [];
try {
  for (const s of SCENARIOS) await load(s, 10, 2); // warm-up: compiled routes, pools, caches
  for (const connections of [50, 200]) for (const s of SCENARIOS) rows.push(await load(s, connections, SECONDS));
} finally {
  stopApp();
}

const cpus = os.cpus();
console.log(`\nbench:http — ${SECONDS} s per run, ${cpus.length} × ${cpus[0]?.model.trim()}, Node ${process.version}`);
console.log("scenario            conns   req/s   p95 ms   p99 ms   errors");
for (const r of rows) {
  console.log(`${r.scenario.padEnd(18)} ${String(r.connections).padStart(5)} ${String(r.perSecond).padStart(7)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)}`);
}
for (const connections of [50, 200]) {
  const page = rows.find((r) => r.scenario === "service page" && r.connections === connections)!;
  const status = rows.find((r) => r.scenario === "catalogue status" && r.connections === connections)!;
  console.log(`service page / catalogue status at ${connections}: ${((100 * page.perSecond) / Math.max(1, status.perSecond)).toFixed(0)} % (target ≥ 80 %)`);
}
process.exit(0);
