import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORGET_AFTER_MS, LOCK_MS, afterFailure, delayAfter, throttleKeys, waitBeforeAttempt, type ThrottleCounter, type ThrottleKind } from "./sign-in-throttle";

const t0 = new Date("2026-12-01T15:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/** `n` failures of one kind, each made as soon as the policy allows. */
function failFast(kind: ThrottleKind, n: number): { counter: ThrottleCounter; now: Date } {
  let counter: ThrottleCounter | null = null;
  let now = t0;
  for (let i = 0; i < n; i++) {
    now = at(now.getTime() - t0.getTime() + waitBeforeAttempt(kind, counter, now));
    counter = afterFailure(kind, counter, now);
  }
  return { counter: counter!, now };
}

describe("sign-in throttle", () => {
  it.each([
    // [failures of a pair, wait before the next attempt]
    [1, 0],
    [3, 0],
    [4, 1_000],
    [5, 2_000],
    [6, 4_000],
    [9, 32_000],
    [10, LOCK_MS],
  ])("after %i quick failures of one e-mail from one address, the next attempt waits %i ms", (n, wait) => {
    const { counter, now } = failFast("pair", n);
    expect(waitBeforeAttempt("pair", counter, now)).toBe(wait);
  });

  it.each([
    ["account", 29, 0],
    ["account", 30, LOCK_MS],
    ["address", 49, 0],
    ["address", 50, LOCK_MS],
  ] as const)("%s: after %i failures the wait is %i ms", (kind, n, wait) => {
    const { counter, now } = failFast(kind, n);
    expect(waitBeforeAttempt(kind, counter, now)).toBe(wait);
  });

  it("a lock ends by itself, and failures are forgotten 15 minutes after the last one", () => {
    const { counter, now } = failFast("pair", 10);
    expect(waitBeforeAttempt("pair", counter, at(now.getTime() - t0.getTime() + LOCK_MS))).toBe(0);
    const later = at(now.getTime() - t0.getTime() + LOCK_MS);
    expect(afterFailure("pair", counter, later)).toEqual({ failures: 1, lastFailureAt: later, lockedUntil: null });
    const { counter: three, now: n3 } = failFast("pair", 3);
    expect(afterFailure("pair", three, at(n3.getTime() - t0.getTime() + FORGET_AFTER_MS)).failures).toBe(1);
  });

  it("no sequence of failures locks anyone out for longer than 15 minutes from now", () => {
    fc.assert(
      fc.property(fc.constantFrom<ThrottleKind>("pair", "account", "address"), fc.array(fc.integer({ min: -20 * 60_000, max: 20 * 60_000 }), { maxLength: 80 }), (kind, gaps) => {
        let counter: ThrottleCounter | null = null;
        let now = t0;
        for (const gap of gaps) {
          now = new Date(now.getTime() + gap);
          if (waitBeforeAttempt(kind, counter, now) > 0) continue; // refused, not counted
          counter = afterFailure(kind, counter, now);
          expect(waitBeforeAttempt(kind, counter, now)).toBeLessThanOrEqual(LOCK_MS);
        }
      }),
    );
  });

  it("a clock that went back (or a test's fixed clock) never makes a wait longer than the policy's", () => {
    const { counter } = failFast("pair", 6);
    expect(waitBeforeAttempt("pair", counter, at(-3 * 24 * 3_600_000))).toBe(0);
    expect(waitBeforeAttempt("pair", counter, at(-60_000))).toBeLessThanOrEqual(delayAfter("pair", 6));
    const { counter: locked } = failFast("pair", 10);
    expect(waitBeforeAttempt("pair", locked, at(-3 * 24 * 3_600_000))).toBeLessThanOrEqual(LOCK_MS);
  });

  it("the delay never shrinks as failures grow", () => {
    for (let n = 1; n < 12; n++) expect(delayAfter("pair", n + 1)).toBeGreaterThanOrEqual(delayAfter("pair", n));
  });

  it("keys read the e-mail as sign-in does (trimmed, lower-cased)", () => {
    expect(throttleKeys("  Sophie@Exemple.CA ", "192.0.2.1")).toEqual({
      pair: "pair:sophie@exemple.ca|192.0.2.1",
      account: "account:sophie@exemple.ca",
      address: "address:192.0.2.1",
    });
  });
});
