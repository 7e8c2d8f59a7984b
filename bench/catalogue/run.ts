// npm run -s bench:catalogue — the catalogue engine against dayjs-business-time on the same
// workload: due instants for random instants of 2026–2027 on the `sagir` calendar (lunch,
// Tuesday 14:00, holidays): 24 h of service hours, and 10 business days. Both must agree on every
// instant compared. Also measures the engine's business-day-time clock (the 48-hour cad-mo target).
//
// Normalizations (documented conventions, not bugs):
//  - dayjs-business-time works in the process's local time: the benchmark runs with
//    TZ=America/Toronto.
//  - it counts whole minutes, and that is a defect, not a convention: from 11:30:30 it counts
//    only 29 minutes to the 12:00 close, then skips the remaining 30 s uncounted, so its due
//    instant is up to a minute late (11:30:30 + 1 h → 13:31:00; the engine: 13:30:30). The
//    benchmark draws instants on whole minutes, where the two must agree exactly.
//  - it has no "end of the last interval of day N": its addBusinessDays(N) gives day N at the same
//    time of day, and its lastBusinessTime() from 23:59 of that day gives the day's last close.
process.env.TZ = "America/Toronto";

import os from "node:os";
import { Worker } from "node:worker_threads";
import { DEFAULT_CATALOGUE } from "../../src/domain/catalogue/default-catalogue";
import { createCatalogueEngine } from "../../src/domain/catalogue/engine";
import { effectiveHolidays } from "../../src/domain/catalogue/holidays";
import type { TargetDefinition } from "../../src/domain/catalogue/types";
import { seededRandom } from "../../src/domain/seeded-random";

const ENGINE_N = 1_000_000;
const PEER_N = Number(process.env.BENCH_PEER_N ?? 50_000);
const FROM = Date.UTC(2026, 0, 1, 5);
const TO = Date.UTC(2028, 0, 1, 5);

const next = seededRandom(20261123);
const instants = new Float64Array(ENGINE_N);
for (let i = 0; i < ENGINE_N; i += 1) instants[i] = Math.floor((FROM + next() * (TO - FROM)) / 60_000) * 60_000;

const engine = createCatalogueEngine(DEFAULT_CATALOGUE);
const sagir = DEFAULT_CATALOGUE.targets.find((t) => t.id === "sagir-written-take-charge")!;
const serviceHours24: TargetDefinition = { ...sagir, id: "bench-service-hours", clock: "service-hours", amount: 24, unit: "hours" };
const businessDays10: TargetDefinition = { ...sagir, id: "bench-business-days", clock: "business-days", amount: 10, unit: "days" };
const cadMo48 = DEFAULT_CATALOGUE.targets.find((t) => t.id === "cad-mo-first-reply")!;

/** ns per computation of `dueAt` over `count` instants (after a warm-up pass). */
function timeEngine(target: TargetDefinition, count: number): { nsPerOp: number; out: Float64Array } {
  const out = new Float64Array(count);
  for (let i = 0; i < Math.min(count, 20_000); i += 1) out[i] = engine.dueAt(target, instants[i]!);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) out[i] = engine.dueAt(target, instants[i]!);
  const ns = Number(process.hrtime.bigint() - start);
  return { nsPerOp: ns / count, out };
}

// The peer, configured with the same calendar and the same holidays, runs in worker threads of
// this process (one slice per core) so that its sample fits in the minute; each worker measures
// its own time per computation, and the peer's figure is their mean.
const hhmmss = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}:00`;
const calendar = DEFAULT_CATALOGUE.calendars.find((c) => c.id === "sagir")!;
const NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const businessHours = Object.fromEntries(
  NAMES.map((name, i) => {
    const day = calendar.week[i] ?? [];
    return [name, day.length ? day.map((iv) => ({ start: hhmmss(iv.start), end: hhmmss(iv.end) })) : null];
  }),
);
const holidays = effectiveHolidays(DEFAULT_CATALOGUE.holidaySets[0]!, 2026, 2028).map((h) => h.date);
const WORKERS = Math.max(1, Math.min(2, os.availableParallelism()));

async function timePeer(mode: "service-hours" | "business-days", count: number): Promise<{ nsPerOp: number; out: Float64Array }> {
  const size = Math.ceil(count / WORKERS);
  const slices = Array.from({ length: WORKERS }, (_, w) => instants.slice(w * size, Math.min(count, (w + 1) * size)));
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<{ out: Float64Array; nsPerOp: number }>((resolve, reject) => {
          const worker = new Worker(new URL("./peer-worker.mjs", import.meta.url), {
            workerData: { mode, instants: slice, businessHours, holidays },
          });
          worker.once("message", (m) => {
            resolve(m);
            void worker.terminate();
          });
          worker.once("error", reject);
        }),
    ),
  );
  const out = new Float64Array(count);
  let offset = 0;
  for (const r of results) {
    out.set(r.out, offset);
    offset += r.out.length;
  }
  return { out, nsPerOp: results.reduce((sum, r) => sum + r.nsPerOp, 0) / results.length };
}

function compare(name: string, engineOut: Float64Array, peerOut: Float64Array): number {
  let mismatches = 0;
  for (let i = 0; i < peerOut.length; i += 1) {
    if (engineOut[i] !== peerOut[i]) {
      if (mismatches < 5) {
        console.log(
          `  mismatch ${name}: received ${new Date(instants[i]!).toISOString()} engine ${new Date(engineOut[i]!).toISOString()} peer ${new Date(peerOut[i]!).toISOString()}`,
        );
      }
      mismatches += 1;
    }
  }
  return mismatches;
}

const rate = (nsPerOp: number) => Math.round(1e9 / nsPerOp).toLocaleString("en-US");
const fmt = (n: number) => n.toFixed(1);

console.log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(
  `workload: ${ENGINE_N.toLocaleString("en-US")} random whole-minute instants in 2026–2027 (engine, one thread), the first ${PEER_N.toLocaleString("en-US")} of them for the peer (${WORKERS} worker threads)`,
);

const eSH = timeEngine(serviceHours24, ENGINE_N);
const eBD = timeEngine(businessDays10, ENGINE_N);
const eBDT = timeEngine(cadMo48, ENGINE_N);
const pSH = await timePeer("service-hours", PEER_N);
const pBD = await timePeer("business-days", PEER_N);

const mSH = compare("service-hours 24 h", eSH.out, pSH.out);
const mBD = compare("business-days 10", eBD.out, pBD.out);

console.log(`engine service-hours 24 h (sagir): ${fmt(eSH.nsPerOp)} ns/op, ${rate(eSH.nsPerOp)} due instants/s`);
console.log(`engine business-days 10 (sagir): ${fmt(eBD.nsPerOp)} ns/op, ${rate(eBD.nsPerOp)} due instants/s`);
console.log(`dayjs-business-time service-hours 24 h: ${fmt(pSH.nsPerOp)} ns/op, ${rate(pSH.nsPerOp)} due instants/s`);
console.log(`dayjs-business-time business-days 10: ${fmt(pBD.nsPerOp)} ns/op, ${rate(pBD.nsPerOp)} due instants/s`);
console.log(`speedup service-hours 24 h: ${fmt(pSH.nsPerOp / eSH.nsPerOp)}x, mismatches ${mSH} of ${PEER_N.toLocaleString("en-US")}`);
console.log(`speedup business-days 10: ${fmt(pBD.nsPerOp / eBD.nsPerOp)}x, mismatches ${mBD} of ${PEER_N.toLocaleString("en-US")}`);
console.log(`engine business-day-time: ${rate(eBDT.nsPerOp)} due instants/s`);
// Overall: total time per computation over both workloads, each side measured in this run.
const overall = (pSH.nsPerOp + pBD.nsPerOp) / (eSH.nsPerOp + eBD.nsPerOp);
console.log(`catalogue engine vs dayjs-business-time: speedup ${fmt(overall)}x, mismatches ${mSH + mBD}`);
