import { describe, expect, it } from "vitest";
import { callState } from "./call-events";
import { simulateCallDay, type SimulationOptions } from "./simulate";

const OPTIONS: SimulationOptions = { seed: 42, calls: 300, meanGapMs: 90_000, meanWaitMs: 150_000, meanPatienceMs: 300_000, voicemailShare: 0.05, agents: ["a@x", "b@x"], idPrefix: "sim" };

describe("simulateCallDay", () => {
  const events = simulateCallDay(OPTIONS);
  const byCall = new Map<string, typeof events>();
  for (const e of events) byCall.set(e.callId, [...(byCall.get(e.callId) ?? []), e]);

  it("is the same day for the same seed, another for another", () => {
    expect(simulateCallDay(OPTIONS)).toEqual(events);
    expect(simulateCallDay({ ...OPTIONS, seed: 43 })).not.toEqual(events);
  });

  it("makes the calls asked for, each queued first, settled once and ended, in time order", () => {
    expect(byCall.size).toBe(300);
    expect(events.map((e) => e.offsetMs)).toEqual([...events.map((e) => e.offsetMs)].sort((a, b) => a - b));
    for (const calls of byCall.values()) {
      expect(calls[0]!.event).toBe("queued");
      expect(calls.filter((e) => ["answered", "abandoned", "voicemail"].includes(e.event))).toHaveLength(1);
      expect(calls.at(-1)!.event).toBe("ended");
    }
  });

  it("gives a realistic mix: mostly answered, some abandoned, a few voicemails; the agents in turn", () => {
    const outcomes = [...byCall.values()].map((calls) => callState(calls.map((e) => ({ kind: e.event, at: e.offsetMs })), 5 * 60_000).status);
    const share = (status: string) => outcomes.filter((o) => o === status).length / outcomes.length;
    expect(share("answered")).toBeGreaterThan(0.5);
    expect(share("abandoned")).toBeGreaterThan(0.05);
    expect(share("voicemail")).toBeGreaterThan(0);
    expect(share("voicemail")).toBeLessThan(0.15);
    expect(new Set(events.filter((e) => e.event === "answered").map((e) => e.agent))).toEqual(new Set(["a@x", "b@x"]));
  });
});
