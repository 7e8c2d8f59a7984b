import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CALL_EVENT_KINDS, callState, type CallEvent } from "./call-events";

const T0 = Date.parse("2026-11-23T15:00:00Z");
const MIN = 60_000;
const FIVE = 5 * MIN;
const ev = (kind: CallEvent["kind"], minutes: number, extra: Partial<CallEvent> = {}): CallEvent => ({ kind, at: T0 + minutes * MIN, ...extra });

describe("callState", () => {
  it.each([
    ["queued only: waiting, no outcome yet", [ev("queued", 0)], { status: "waiting", waitMs: null, dueAt: null, met: null }],
    ["answered in 4 minutes: met", [ev("queued", 0), ev("answered", 4, { agentRef: "agent@x" }), ev("ended", 9)], { status: "answered", waitMs: 4 * MIN, dueAt: T0 + FIVE, met: true, agentRef: "agent@x", endedAt: T0 + 9 * MIN }],
    ["answered at exactly 5 minutes: met", [ev("queued", 0), ev("answered", 5)], { status: "answered", met: true }],
    ["answered in 6 minutes: missed", [ev("queued", 0), ev("answered", 6)], { status: "answered", met: false, dueAt: T0 + FIVE }],
    ["abandoned after 10 s: abandoned, not counted", [ev("queued", 0), ev("abandoned", 10 / 60)], { status: "abandoned", dueAt: null, met: null, waitMs: 10_000 }],
    ["abandoned after 30 s: counted as missed", [ev("queued", 0), ev("abandoned", 0.5)], { status: "abandoned", dueAt: T0 + FIVE, met: false }],
    ["abandoned after 2 minutes: counted as missed", [ev("queued", 0), ev("abandoned", 2), ev("ended", 2)], { status: "abandoned", met: false }],
    ["voicemail: its request's targets apply, not the call's", [ev("queued", 0), ev("voicemail", 3), ev("ended", 4)], { status: "voicemail", dueAt: null, met: null, voicemailAt: T0 + 3 * MIN }],
    ["an answer before a hang-up is an answer", [ev("queued", 0), ev("answered", 2), ev("abandoned", 3)], { status: "answered", met: true }],
    ["no queued event: the first instant starts the clock", [ev("answered", 3), ev("ended", 8)], { status: "answered", queuedAt: T0 + 3 * MIN, waitMs: 0, met: true }],
    ["same instant: queued before answered", [ev("answered", 0), ev("queued", 0)], { status: "answered", waitMs: 0, met: true }],
    ["the caller's number from whichever event carries it", [ev("queued", 0), ev("answered", 1, { callerNumber: "4185550101" })], { callerNumber: "4185550101" }],
  ])("%s", (_, events, expected) => expect(callState(events, FIVE)).toMatchObject(expected));

  it("a line with no answer target: nothing counts", () => {
    expect(callState([ev("queued", 0), ev("answered", 9)], null)).toMatchObject({ status: "answered", dueAt: null, met: null, waitMs: 9 * MIN });
  });

  it("does not depend on the order events arrive in, nor on duplicates", () => {
    const event = fc.record({ kind: fc.constantFrom(...CALL_EVENT_KINDS), at: fc.integer({ min: T0, max: T0 + 30 * MIN }) });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 100 }), (events, seed) => {
        const shuffled = [...events].sort((a, b) => ((a.at * 31 + seed) % 97) - ((b.at * 31 + seed) % 97));
        expect(callState(shuffled, FIVE)).toEqual(callState(events, FIVE));
        expect(callState([...events, ...events], FIVE)).toEqual(callState(events, FIVE));
      }),
    );
  });

  it("counts a call for the target exactly when it is answered or abandoned after 30 s; met only when answered in time", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * MIN }), fc.constantFrom("answered", "abandoned", "voicemail") as fc.Arbitrary<"answered" | "abandoned" | "voicemail">, (wait, kind) => {
        const state = callState([ev("queued", 0), { kind, at: T0 + wait }], FIVE);
        const counts = kind === "answered" || (kind === "abandoned" && wait >= 30_000);
        expect(state.dueAt !== null).toBe(counts);
        expect(state.met).toBe(counts ? kind === "answered" && wait <= FIVE : null);
      }),
    );
  });
});
