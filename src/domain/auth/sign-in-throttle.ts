// Sign-in throttling (OWASP ASVS 2.2.1): the policy, clock-free. Three counters of failed
// attempts, each forgotten 15 minutes after its last failure:
// - per e-mail *and* address (someone guessing one account's password from one place): from the
//   4th failure a wait that doubles (1 s, 2 s, 4 s … 32 s), at the 10th a 15-minute lock;
// - per e-mail from anywhere (the same guess spread over many addresses): a 15-minute lock at 30;
// - per address over any e-mails (one place trying many accounts): a 15-minute lock at 50.
// A lock ends by itself and attempts refused during a wait or a lock are not counted, so no one can
// lock a person out for more than 15 minutes at a time — and the account's own lock needs 30
// failures, which a person who mistypes never reaches, while someone else's failures from one
// address lock only that address with that e-mail. Counters are kept on the e-mail as typed,
// whether an account has it or not: an unknown e-mail is throttled exactly like a known one.

export type ThrottleKind = "pair" | "account" | "address";

export type ThrottleCounter = { failures: number; lastFailureAt: Date; lockedUntil: Date | null };

export const FORGET_AFTER_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export const THROTTLE_POLICY: Record<ThrottleKind, { freeFailures: number; lockAt: number }> = {
  pair: { freeFailures: 3, lockAt: 10 },
  account: { freeFailures: Infinity, lockAt: 30 },
  address: { freeFailures: Infinity, lockAt: 50 },
};

/** The wait after `failures` failures of a pair, before the next attempt (0 while free). */
export function delayAfter(kind: ThrottleKind, failures: number): number {
  const free = THROTTLE_POLICY[kind].freeFailures;
  return failures <= free ? 0 : 1000 * 2 ** (failures - free - 1);
}

/** Whether a counter is forgotten at `now` (also when the clock went back that far: a counter never outlives its policy). */
function forgotten(counter: ThrottleCounter, now: Date): boolean {
  return Math.abs(now.getTime() - counter.lastFailureAt.getTime()) >= FORGET_AFTER_MS;
}

/** How long before an attempt may be made (0: now); never more than the lock or the delay itself. */
export function waitBeforeAttempt(kind: ThrottleKind, counter: ThrottleCounter | null, now: Date): number {
  if (!counter) return 0;
  const t = now.getTime();
  if (counter.lockedUntil && counter.lockedUntil.getTime() > t) return Math.min(counter.lockedUntil.getTime() - t, LOCK_MS);
  if (forgotten(counter, now)) return 0;
  const delay = delayAfter(kind, counter.failures);
  return Math.min(delay, Math.max(0, counter.lastFailureAt.getTime() + delay - t));
}

/** The counter after one more failure at `now`. */
export function afterFailure(kind: ThrottleKind, counter: ThrottleCounter | null, now: Date): ThrottleCounter {
  const fresh = !counter || forgotten(counter, now);
  const failures = fresh ? 1 : counter.failures + 1;
  const lockedUntil = failures >= THROTTLE_POLICY[kind].lockAt ? new Date(now.getTime() + LOCK_MS) : fresh ? null : counter.lockedUntil;
  return { failures, lastFailureAt: now, lockedUntil };
}

/** The keys of one attempt (the e-mail lower-cased and trimmed, as sign-in reads it). */
export function throttleKeys(email: string, address: string): Record<ThrottleKind, string> {
  const e = email.trim().toLowerCase();
  return { pair: `pair:${e}|${address}`, account: `account:${e}`, address: `address:${address}` };
}
