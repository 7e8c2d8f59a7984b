// The credentials check behind sign-in, on the seeded demo accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../src/server/auth/authenticate";

// One address, the real clock: the throttle (a test of its own) never reaches these few attempts.
const attemptSignIn = (credentials: unknown) => authenticate(credentials, { address: "192.0.2.10", now: new Date() });
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("authenticate", () => {
  it("accepts every demo account with the demo password, whatever the e-mail's case", async () => {
    for (const user of DEMO_USERS) {
      const result = await attemptSignIn({ email: user.email.toUpperCase(), password: DEMO_PASSWORD });
      expect(result).toMatchObject({ ok: true, user: { email: user.email, name: user.name } });
    }
  }, 60_000);

  it.each([
    [{ email: "specialiste@mfq.exemple.qc.ca", password: "mauvais" }, "invalid"],
    [{ email: "personne@exemple.qc.ca", password: DEMO_PASSWORD }, "invalid"],
    [{ email: "pas une adresse", password: DEMO_PASSWORD }, "invalid"],
    [{ email: "specialiste@mfq.exemple.qc.ca" }, "invalid"],
    [null, "invalid"],
  ])("refuses %j as %s", async (credentials, reason) => {
    expect(await attemptSignIn(credentials)).toEqual({ ok: false, reason });
  });

  it("names a disabled account only to someone who knows its password", async () => {
    await db.user.update({ where: { email: "specialiste@mcc.exemple.qc.ca" }, data: { disabledAt: new Date() } });
    expect(await attemptSignIn({ email: "specialiste@mcc.exemple.qc.ca", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "disabled" });
    expect(await attemptSignIn({ email: "specialiste@mcc.exemple.qc.ca", password: "devine" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("stores no password in clear and seeds idempotently", async () => {
    const users = await db.user.findMany({ select: { passwordHash: true } });
    expect(users.every((u) => u.passwordHash?.startsWith("scrypt$"))).toBe(true);
    expect(JSON.stringify(users)).not.toContain(DEMO_PASSWORD);
    expect(await seedDemoData(db)).toEqual({ usersCreated: 0 });
  });
});
