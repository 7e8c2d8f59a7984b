// npm run -s bench:lighthouse [-- runs]   (default 3)
// Lighthouse (mobile: its default emulated phone, simulated slow 4G and 4× CPU slowdown) on the
// public pages a candidate meets — home, service, audience, inquiry form — of the production build
// with its own database (scripts/production-app.ts), in Debian's Chromium (CHROME_PATH, default
// /usr/bin/chromium). Prints each run's performance and accessibility scores and their metrics, then
// each page's lowest score. Issue 13's targets: performance ≥ 95, accessibility 100.
// Lighthouse is not a dependency of the project (about 200 packages for a measure taken by hand):
// npx fetches the pinned version from the npm registry the first time.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startProductionApp } from "../../scripts/production-app";

const LIGHTHOUSE = "lighthouse@12.8.2";
const RUNS = Number(process.argv[2] ?? 3);
const PAGES = ["/", "/services/ca-dotation", "/services/ca-dotation/candidate", "/services/ca-dotation/candidate/ecrire"];
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";

type Report = {
  categories: Record<"performance" | "accessibility", { score: number }>;
  audits: Record<string, { numericValue?: number }>;
  environment: { benchmarkIndex: number };
};

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "guichet-lighthouse-"));
const { base, stop } = await startProductionApp();
const lowest = new Map<string, { performance: number; accessibility: number }>();
try {
  console.log(`bench:lighthouse — ${LIGHTHOUSE}, mobile, ${RUNS === 1 ? "1 run" : `${RUNS} runs`} a page, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
  console.log("page                                      perf  a11y   FCP ms   LCP ms   TBT ms     CLS   benchmarkIndex");
  for (let i = 0; i < RUNS; i++) {
    for (const page of PAGES) {
      const output = path.join(dir, "report.json");
      await run("npx", ["--yes", LIGHTHOUSE, `${base}${page}`, "--quiet", `--chrome-flags=${CHROME_FLAGS}`, "--only-categories=performance,accessibility", "--output=json", `--output-path=${output}`], {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
        maxBuffer: 64 * 1024 * 1024,
      });
      const report = JSON.parse(readFileSync(output, "utf8")) as Report;
      const score = (c: "performance" | "accessibility") => Math.round(report.categories[c].score * 100);
      const ms = (audit: string) => String(Math.round(report.audits[audit]?.numericValue ?? NaN)).padStart(8);
      const cls = (report.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3).padStart(7);
      console.log(`${page.padEnd(40)} ${String(score("performance")).padStart(5)} ${String(score("accessibility")).padStart(5)} ${ms("first-contentful-paint")} ${ms("largest-contentful-paint")} ${ms("total-blocking-time")} ${cls}   ${Math.round(report.environment.benchmarkIndex)}`);
      const before = lowest.get(page);
      lowest.set(page, { performance: Math.min(before?.performance ?? 100, score("performance")), accessibility: Math.min(before?.accessibility ?? 100, score("accessibility")) });
    }
  }
  console.log("\nlowest of the runs (targets: performance ≥ 95, accessibility 100)");
  for (const [page, s] of lowest) console.log(`${page.padEnd(40)} ${String(s.performance).padStart(5)} ${String(s.accessibility).padStart(5)}${s.performance >= 95 && s.accessibility === 100 ? "" : "   ← below the target"}`);
} finally {
  stop();
  rmSync(dir, { recursive: true, force: true });
}
