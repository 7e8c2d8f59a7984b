// A day of calls on one line, drawn from a seed, for the call simulator (npm run -s phone:simulate):
// arrivals spread over the span, waits and callers' patience drawn from exponential laws, some
// callers hanging up, some leaving a voicemail, answered calls talked through and ended. Pure and
// deterministic: the same seed gives the same day (tests, demo data).
import { seededRandom } from "@/domain/seeded-random";
import type { CallEventKind } from "@/domain/telephony/call-events";

export type SimulatedEvent = {
  callId: string;
  event: CallEventKind;
  /** Milliseconds from the day's start. */
  offsetMs: number;
  caller?: string;
  agent?: string;
  voicemail?: { durationSeconds: number };
};

export type SimulationOptions = {
  seed: number;
  calls: number;
  /** Mean time between two arrivals. */
  meanGapMs: number;
  /** Mean wait before an agent is free. */
  meanWaitMs: number;
  /** Mean time a caller waits before hanging up. */
  meanPatienceMs: number;
  /** Share of callers who leave a voicemail instead of waiting (0–1). */
  voicemailShare: number;
  /** Who answers (the agents' e-mail addresses or the system's identifiers), in turn. */
  agents: readonly string[];
  /** Prefix of the calls' ids (unique per run). */
  idPrefix: string;
};

export function simulateCallDay(options: SimulationOptions): SimulatedEvent[] {
  const next = seededRandom(options.seed);
  const exponential = (mean: number) => Math.round(-Math.log(1 - next()) * mean);
  const events: SimulatedEvent[] = [];
  let arrival = 0;
  for (let i = 0; i < options.calls; i++) {
    arrival += exponential(options.meanGapMs);
    const callId = `${options.idPrefix}-${String(i + 1).padStart(4, "0")}`;
    const caller = `418 555-${String(Math.floor(next() * 10_000)).padStart(4, "0")}`;
    events.push({ callId, event: "queued", offsetMs: arrival, caller });
    const wait = exponential(options.meanWaitMs);
    if (next() < options.voicemailShare) {
      const at = arrival + Math.min(wait, 60_000);
      events.push({ callId, event: "voicemail", offsetMs: at, voicemail: { durationSeconds: 10 + Math.floor(next() * 80) } });
      events.push({ callId, event: "ended", offsetMs: at + 90_000 });
      continue;
    }
    const patience = exponential(options.meanPatienceMs);
    if (patience < wait) {
      events.push({ callId, event: "abandoned", offsetMs: arrival + patience });
      events.push({ callId, event: "ended", offsetMs: arrival + patience });
      continue;
    }
    const agent = options.agents.length ? options.agents[i % options.agents.length] : undefined;
    events.push({ callId, event: "answered", offsetMs: arrival + wait, ...(agent ? { agent } : {}) });
    events.push({ callId, event: "ended", offsetMs: arrival + wait + 60_000 + exponential(5 * 60_000) });
  }
  // In the order a telephone system would send them (a call's own events keep theirs at equal instants).
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.offsetMs - b.e.offsetMs || a.i - b.i).map(({ e }) => e);
}
