// Plays a simulated day of calls (src/domain/telephony/simulate.ts) into a running Guichet's call
// events API, as a telephone system would: live (each event sent when its time comes, `speed` times
// faster than real: the instants are the real ones of sending, so waits shrink by the same factor),
// or in the past (`pastEndMs`: the whole day ending then, sent at once with its own instants — demo
// data and dashboards).
import { simulateCallDay, type SimulatedEvent, type SimulationOptions } from "../../src/domain/telephony/simulate";

export type PlayOptions = { url: string; key: string; line: string; speed: number; pastEndMs?: number | null; log?: (line: string) => void };
export type PlayResult = { sent: number; failed: number; calls: number; outcomes: Record<string, number> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(options: PlayOptions, event: SimulatedEvent, at: number): Promise<boolean> {
  const { offsetMs: _offset, ...body } = event;
  const response = await fetch(`${options.url.replace(/\/$/, "")}/api/v1/calls/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.key}` },
    body: JSON.stringify({ ...body, line: options.line, at: new Date(at).toISOString() }),
  });
  if (!response.ok) options.log?.(`${event.callId} ${event.event}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  return response.ok;
}

export async function playCalls(day: SimulationOptions, options: PlayOptions): Promise<PlayResult> {
  const events = simulateCallDay(day);
  const outcomes: Record<string, number> = {};
  for (const e of events) if (e.event !== "queued" && e.event !== "ended") outcomes[e.event] = (outcomes[e.event] ?? 0) + 1;
  let sent = 0;
  let failed = 0;
  const span = events.at(-1)?.offsetMs ?? 0;
  const start = Date.now();
  for (const event of events) {
    let at: number;
    if (options.pastEndMs != null) at = options.pastEndMs - span + event.offsetMs;
    else {
      at = start + event.offsetMs / options.speed;
      if (at > Date.now()) await sleep(at - Date.now());
    }
    if (await send(options, event, at)) sent += 1;
    else failed += 1;
  }
  return { sent, failed, calls: day.calls, outcomes };
}
