// Whether the background jobs' worker started, for GET /api/ready.
// On globalThis: the worker and the route are bundled apart.
const KEY = Symbol.for("guichet.jobs-heartbeat");
type Heartbeat = { startedAt: Date | null };
type Holder = { [KEY]?: Heartbeat };

function heartbeat(): Heartbeat {
  const holder = globalThis as Holder;
  holder[KEY] ??= { startedAt: null };
  return holder[KEY];
}

export function jobsStarted(at: Date): void {
  heartbeat().startedAt = at;
}

export type JobsHealth = "ok" | "off" | "not_started";

/**
 * Whether this instance's worker is running. Not whether it ran a cycle lately: with several
 * instances, pg-boss hands each minute's job to one of them, so an instance may rightly go minutes
 * without one — readiness must not take it out of the balancer for that.
 */
export function jobsHealth(enabled: boolean): JobsHealth {
  if (!enabled) return "off";
  return heartbeat().startedAt ? "ok" : "not_started";
}
