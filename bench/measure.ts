// The benchmarks' measure: warm-up runs, then `runs` timed ones; nearest-rank percentiles. The
// warm-up is what a server in service has done long before: its pool's connections are open and
// each has read the tables' and indexes' descriptions a reading needs. One run warmed only the
// connections it used: with four readings at once the next runs opened others and read the
// catalogue again (bench:queue, a search: 670 ms, then 53 to 113 ms for eight runs, then 30 to 40).
const WARM_UP = 5;
import { performance } from "node:perf_hooks";

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** The last run's result and the p50 and p95 of the timed runs (ms). */
export async function measure<T>(run: () => Promise<T>, runs: number): Promise<{ result: T; p50: number; p95: number }> {
  let result = await run();
  for (let i = 1; i < WARM_UP; i += 1) result = await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    result = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { result, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}
