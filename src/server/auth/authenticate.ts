import "server-only";
// The credentials check behind sign-in. Unknown e-mail and wrong password look the same, in answer
// and in work done (a hash is checked and the counters written either way); a disabled account is
// named only to someone who gave its right password. Throttled by src/domain/auth/sign-in-throttle.ts:
// an attempt during a wait or a lock is refused before any password is checked, and not counted.
import { afterFailure, throttleKeys, waitBeforeAttempt, type ThrottleKind } from "@/domain/auth/sign-in-throttle";
import { ZSignInInput } from "@/schemas/auth";
import { verifyPassword } from "@/server/auth/password";
import { getDb } from "@/server/db/client";
import { deleteThrottleCounters, readThrottleCounters, updateThrottleCounters } from "@/server/repositories/sign-in-throttle-repository";
import { findUserForSignIn } from "@/server/repositories/user-repository";

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

// Spent on unknown e-mails too, so that timing does not tell which addresses exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

const KINDS: readonly ThrottleKind[] = ["pair", "account", "address"];

export type AttemptContext = {
  /** The client's address (the front door's X-Forwarded-For). */
  address: string;
  now: Date;
};

export async function authenticate(credentials: unknown, { address, now }: AttemptContext): Promise<AuthenticationResult> {
  const parsed = ZSignInInput.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const keys = throttleKeys(parsed.data.email, address);
  const counters = await readThrottleCounters(getDb(), Object.values(keys));
  const wait = Math.max(...KINDS.map((kind) => waitBeforeAttempt(kind, counters.get(keys[kind]) ?? null, now)));
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(wait / 1000) };

  const user = await findUserForSignIn(getDb(), parsed.data.email);
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) {
    const kindOf = new Map(KINDS.map((kind) => [keys[kind], kind]));
    await updateThrottleCounters(getDb(), Object.values(keys), (key, counter) => afterFailure(kindOf.get(key)!, counter, now));
    return { ok: false, reason: "invalid" };
  }
  // The right password: this person's own counters start again (the address's stays).
  await deleteThrottleCounters(getDb(), [keys.pair, keys.account]);
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
