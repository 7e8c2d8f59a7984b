// Sign-in throttling on the real counters (the probe: 50 wrong passwords in 17 s, none slowed, the
// right one at once), and sessions ended on the server (the probe: a cookie copied before
// signing out still read the MO's requests).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_MS } from "../../src/domain/auth/sign-in-throttle";
import { authenticate } from "../../src/server/auth/authenticate";
import { DEMO_PASSWORD, seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createSession, endSession, endUserSessions, isSessionActive } from "../../src/server/repositories/session-repository";
import { findSignedInUser } from "../../src/server/repositories/user-repository";
import { updateMember } from "../../src/server/services/manage-members";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const t0 = new Date("2026-12-01T15:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, t0);
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const KNOWN = "specialiste@mfq.exemple.qc.ca";

describe("sign-in throttling", () => {
  it("slows, then locks one e-mail from one address; the right password too while locked; the lock ends by itself", async () => {
    const address = "198.51.100.1";
    const results: string[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await authenticate({ email: KNOWN, password: `faux-${i}` }, { address, now: t0 });
      results.push(result.ok ? "ok" : result.reason);
    }
    expect(results).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    // The 4th failure asks for a second's wait: even the right password is refused meanwhile.
    expect(await authenticate({ email: KNOWN, password: DEMO_PASSWORD }, { address, now: at(500) })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
    // Failing as fast as allowed up to the 10th: then a 15-minute lock.
    let now = at(1_000);
    for (let i = 5; i <= 10; i++) {
      const result = await authenticate({ email: KNOWN, password: "faux" }, { address, now });
      expect(result.ok).toBe(false);
      now = new Date(now.getTime() + 1_000 * 2 ** (i - 4));
    }
    const locked = await authenticate({ email: KNOWN, password: DEMO_PASSWORD }, { address, now: at(200_000) });
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(10 * 60);
    // Another address is not locked out by these failures: the person can still sign in.
    expect((await authenticate({ email: KNOWN, password: DEMO_PASSWORD }, { address: "203.0.113.50", now: at(200_000) })).ok).toBe(true);
    // After the lock, the right password works.
    expect((await authenticate({ email: KNOWN, password: DEMO_PASSWORD }, { address, now: at(200_000 + LOCK_MS) })).ok).toBe(true);
  });

  it("treats an unknown e-mail exactly like a known one", async () => {
    const run = async (email: string, address: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 5; i++) seen.push(await authenticate({ email, password: "faux" }, { address, now: at(3_600_000) }));
      return seen;
    };
    expect(await run("personne.inconnue@exemple.qc.ca", "198.51.100.20")).toEqual(await run("specialiste@mcc.exemple.qc.ca", "198.51.100.21"));
    // Counters hold no e-mail or address in clear.
    const keys = (await db.signInThrottle.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
  });

  it("one address trying many accounts is locked at 50 failures, for that address only", async () => {
    const address = "198.51.100.99";
    const now = at(7_200_000);
    for (let i = 0; i < 50; i++) await authenticate({ email: `essai-${i}@exemple.qc.ca`, password: "faux" }, { address, now });
    expect(await authenticate({ email: "specialiste@mcc.exemple.qc.ca", password: DEMO_PASSWORD }, { address, now })).toMatchObject({ reason: "throttled" });
    expect((await authenticate({ email: "specialiste@mcc.exemple.qc.ca", password: DEMO_PASSWORD }, { address: "198.51.100.100", now })).ok).toBe(true);
  });

  it("concurrent failures all count", async () => {
    const address = "198.51.100.150";
    await Promise.all(Array.from({ length: 8 }, () => authenticate({ email: "concurrent@exemple.qc.ca", password: "faux" }, { address, now: at(9_000_000) })));
    const result = await authenticate({ email: "concurrent@exemple.qc.ca", password: "faux" }, { address, now: at(9_000_000) });
    expect(result).toMatchObject({ reason: "throttled" });
  });
});

describe("sessions on the server", () => {
  it("a session counts until it is ended; ending one leaves the person's others", async () => {
    const { id } = await db.user.findUniqueOrThrow({ where: { email: "pilote@mfq.exemple.qc.ca" } });
    const a = await createSession(db, id, t0);
    const b = await createSession(db, id, t0);
    expect(await findSignedInUser(db, id, a)).not.toBeNull();
    await endSession(db, a, "signed_out", at(1));
    expect(await findSignedInUser(db, id, a)).toBeNull();
    expect(await isSessionActive(db, a, id)).toBe(false);
    expect(await findSignedInUser(db, id, b)).not.toBeNull();
    // A session id of someone else, or no id at all, is no session.
    const other = await db.user.findUniqueOrThrow({ where: { email: "sagir@mfq.exemple.qc.ca" } });
    expect(await findSignedInUser(db, other.id, b)).toBeNull();
    expect(await findSignedInUser(db, id, "pas-un-uuid")).toBeNull();
    // A password change ends the others, not the one making it.
    const c = await createSession(db, id, t0);
    expect(await endUserSessions(db, id, "password_changed", at(2), c)).toBe(1);
    expect(await isSessionActive(db, b, id)).toBe(false);
    expect(await isSessionActive(db, c, id)).toBe(true);
  });

  it("disabling a person ends their sessions at once", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const { id } = await db.user.findUniqueOrThrow({ where: { email: "sagir@mfq.exemple.qc.ca" } });
    const session = await createSession(db, id, t0);
    await updateMember({ user: pilot, input: { userId: id, active: false, services: ["sagir"] }, now: at(5) });
    expect(await findSignedInUser(db, id, session)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: session } })).toMatchObject({ endReason: "disabled" });
    // Enabled again, the old cookie still does not count: they sign in again.
    await updateMember({ user: pilot, input: { userId: id, active: true, services: ["sagir"] }, now: at(6) });
    expect(await findSignedInUser(db, id, session)).toBeNull();
  });
});
