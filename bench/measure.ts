// The benchmarks' measure: one warm-up run, then `runs` timed ones; nearest-rank percentiles.
import { performance } from "node:perf_hooks";

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** The last run's result and the p50 and p95 of the timed runs (ms). */
export async function measure<T>(run: () => Promise<T>, runs: number): Promise<{ result: T; p50: number; p95: number }> {
  let result = await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    result = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { result, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}
