// When the background jobs last showed signs of life, for GET /api/ready. On globalThis: the worker
// and the route are bundled apart.
const KEY = Symbol.for("guichet.jobs-heartbeat");
type Heartbeat = { startedAt: Date | null; lastCycleAt: Date | null };
type Holder = { [KEY]?: Heartbeat };

function heartbeat(): Heartbeat {
  const holder = globalThis as Holder;
  holder[KEY] ??= { startedAt: null, lastCycleAt: null };
  return holder[KEY];
}

export function jobsStarted(at: Date): void {
  heartbeat().startedAt = at;
}

export function jobsCycled(at: Date): void {
  heartbeat().lastCycleAt = at;
}

/** A cycle is due every minute: three minutes without one (or without a start) is a stall. */
export const JOBS_STALL_MS = 3 * 60_000;

export type JobsHealth = "ok" | "off" | "not_started" | "stalled";

export function jobsHealth(now: Date, enabled: boolean): JobsHealth {
  if (!enabled) return "off";
  const { startedAt, lastCycleAt } = heartbeat();
  if (!startedAt) return "not_started";
  const last = Math.max(startedAt.getTime(), lastCycleAt?.getTime() ?? 0);
  return now.getTime() - last > JOBS_STALL_MS ? "stalled" : "ok";
}
