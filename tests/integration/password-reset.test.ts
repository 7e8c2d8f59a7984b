// « Mot de passe oublié » on the real database: the same answer for any address, a link by the
// outbox only for an active account, valid one hour and once, and a new password that ends every
// session of the account.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/server/auth/password";
import { DEMO_PASSWORD, seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createSession, isSessionActive } from "../../src/server/repositories/session-repository";
import { completePasswordReset, readPasswordReset, requestPasswordReset } from "../../src/server/services/password-reset";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
const t0 = new Date("2026-12-01T15:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const KNOWN = "specialiste@mfq.exemple.qc.ca";
const mail = { baseUrl: "https://guichet.exemple", locale: "fr" as const };
const NEW = { password: "une phrase de passe assez longue", confirmation: "une phrase de passe assez longue" };

beforeEach(async () => {
  await truncateAll(db);
  await seedDatabase(db, t0);
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

async function ask(email: string, now = t0, clientAddress = "198.51.100.20") {
  return requestPasswordReset({ input: { email }, now, clientAddress, mail });
}
async function linkSentTo(email: string): Promise<string | null> {
  const rows = await db.emailOutbox.findMany({ where: { kind: "password_reset", user: { email } }, orderBy: { id: "desc" }, select: { body: true, html: true, subject: true } });
  const token = /\/connexion\/nouveau-mot-de-passe\/([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? "")?.[1];
  return token ?? null;
}

describe("asking for a link", () => {
  it("an unknown or a disabled account's address: the same answer, nothing stored, nothing sent", async () => {
    const disabled = await db.user.update({ where: { email: "agent.sagir@cspq.exemple.qc.ca" }, data: { disabledAt: t0 }, select: { email: true } });
    for (const email of ["personne@exemple.qc.ca", disabled.email]) await expect(ask(email)).resolves.toBeUndefined();
    expect(await db.emailOutbox.count({ where: { kind: "password_reset" } })).toBe(0);
    expect(await db.user.count({ where: { passwordResetTokenHash: { not: null } } })).toBe(0);
  });

  it("a known address (any case): one e-mail through the outbox, in the reader's language, with a link valid one hour; only its hash is stored", async () => {
    await ask(KNOWN.toUpperCase());
    const [row] = await db.emailOutbox.findMany({ where: { kind: "password_reset" }, select: { locale: true, subject: true, body: true, user: { select: { email: true } } } });
    expect(row).toMatchObject({ locale: "fr", subject: "Choisir un nouveau mot de passe — Guichet", user: { email: KNOWN } });
    expect(row!.body).toContain("https://guichet.exemple/connexion/nouveau-mot-de-passe/");
    expect(row!.body).toContain("valide une heure");
    const token = (await linkSentTo(KNOWN))!;
    const user = await db.user.findUniqueOrThrow({ where: { email: KNOWN }, select: { passwordResetTokenHash: true, passwordResetExpiresAt: true } });
    expect(user.passwordResetTokenHash).not.toContain(token);
    expect(user.passwordResetExpiresAt).toEqual(at(60 * 60 * 1000));
    expect(await readPasswordReset({ token, now: at(60 * 60 * 1000 - 1) })).toEqual({ email: KNOWN });
    expect(await readPasswordReset({ token, now: at(60 * 60 * 1000) })).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "password_reset_requested" } })).toBe(1);
  });

  it("a new link replaces the earlier one", async () => {
    await ask(KNOWN);
    const first = (await linkSentTo(KNOWN))!;
    await ask(KNOWN, at(60_000));
    const second = (await linkSentTo(KNOWN))!;
    expect(second).not.toBe(first);
    expect(await readPasswordReset({ token: first, now: at(61_000) })).toBeNull();
    expect(await readPasswordReset({ token: second, now: at(61_000) })).toEqual({ email: KNOWN });
  });

  it("is rate-limited per client address (the public forms' limit), known and unknown addresses alike", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push(await ask(i % 2 ? KNOWN : `x${i}@exemple.qc.ca`, t0, "198.51.100.99").then(() => "ok", (e: { code: string }) => e.code));
    expect(codes.slice(0, 10)).toEqual(Array(10).fill("ok"));
    expect(codes.slice(10)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
  });
});

describe("choosing the new password", () => {
  it("sets it, spends the link and ends every session of the account", async () => {
    const { id, passwordHash: before } = await db.user.findUniqueOrThrow({ where: { email: KNOWN }, select: { id: true, passwordHash: true } });
    const sessions = [await createSession(db, id, t0), await createSession(db, id, t0)];
    await ask(KNOWN);
    const token = (await linkSentTo(KNOWN))!;
    await expect(completePasswordReset({ token, input: NEW, now: at(30 * 60 * 1000) })).resolves.toEqual({ email: KNOWN });
    const after = await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, passwordResetTokenHash: true } });
    expect(after.passwordHash).not.toBe(before);
    expect(await verifyPassword(NEW.password, after.passwordHash!)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, after.passwordHash!)).toBe(false);
    expect(after.passwordResetTokenHash).toBeNull();
    for (const session of sessions) expect(await isSessionActive(db, session, id)).toBe(false);
    expect(await db.userSession.findMany({ where: { userId: id }, select: { endReason: true } })).toEqual([{ endReason: "password_changed" }, { endReason: "password_changed" }]);
    // Once only.
    await expect(completePasswordReset({ token, input: NEW, now: at(31 * 60 * 1000) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEntry.findMany({ where: { action: "password_reset" }, select: { actorUserId: true, data: true } })).toEqual([{ actorUserId: id, data: { sessionsEnded: 2 } }]);
  });

  it("refuses an expired, a malformed or an unknown link, and a disabled account's; changes nothing", async () => {
    await ask(KNOWN);
    const token = (await linkSentTo(KNOWN))!;
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: KNOWN }, select: { passwordHash: true } });
    await expect(completePasswordReset({ token, input: NEW, now: at(60 * 60 * 1000) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completePasswordReset({ token: "court", input: NEW, now: t0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completePasswordReset({ token: token.replace(/.$/, (c) => (c === "A" ? "B" : "A")), input: NEW, now: t0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.user.update({ where: { email: KNOWN }, data: { disabledAt: t0 } });
    await expect(completePasswordReset({ token, input: NEW, now: at(1000) })).rejects.toMatchObject({ code: "NOT_FOUND", localized: { fr: expect.stringContaining("Mot de passe oublié") } });
    expect((await db.user.findUniqueOrThrow({ where: { email: KNOWN }, select: { passwordHash: true } })).passwordHash).toBe(passwordHash);
  });
});
