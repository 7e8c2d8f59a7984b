// The MO pilot manages their MO's people: only theirs, never themselves out, only subscribed centres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../src/server/auth/authenticate";

// One address, the real clock: the throttle (a test of its own) never reaches these few attempts.
const attemptSignIn = (credentials: unknown) => authenticate(credentials, { address: "192.0.2.10", now: new Date() });
import { canUseCentre } from "../../src/server/auth/authorize";
import { DEMO_PASSWORD, seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import {
  completeInvitation,
  INVITATION_VALIDITY_MS,
  inviteMember,
  listMembers,
  readInvitation,
  renewMemberInvitation,
  updateMember,
} from "../../src/server/services/manage-members";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-11-24T15:00:00Z");
const idOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
  const mcc = await db.organization.findUniqueOrThrow({ where: { code: "MCC" } });
  await db.user.create({ data: { email: "pilote@mcc.exemple.qc.ca", name: "Pilote MCC", role: "mo_pilot", organizationId: mcc.id } });
});
afterAll(() => db.$disconnect());

describe("MO pilot", () => {
  it("lists the people of their MO only", async () => {
    const { members, offered } = await listMembers({ user: await currentUserFor(db, "pilote@mfq.exemple.qc.ca") });
    expect(members.map((m) => m.email).sort()).toEqual(["pilote@mfq.exemple.qc.ca", "sagir@mfq.exemple.qc.ca", "specialiste@mfq.exemple.qc.ca"]);
    expect(offered.sort()).toEqual(["ca-dotation", "sagir"]);
  });

  it("disables a person, who can no longer sign in, and enables them again", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const userId = await idOf("specialiste@mfq.exemple.qc.ca");
    await updateMember({ user: pilot, input: { userId, active: false, services: ["ca-dotation"] }, now });
    expect(await attemptSignIn({ email: "specialiste@mfq.exemple.qc.ca", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "disabled" });
    await updateMember({ user: pilot, input: { userId, active: true, services: ["ca-dotation"] }, now });
    expect((await attemptSignIn({ email: "specialiste@mfq.exemple.qc.ca", password: DEMO_PASSWORD })).ok).toBe(true);
  });

  it("sets the centres a person may use", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const userId = await idOf("specialiste@mfq.exemple.qc.ca");
    await updateMember({ user: pilot, input: { userId, active: true, services: [] }, now });
    expect(canUseCentre(await currentUserFor(db, "specialiste@mfq.exemple.qc.ca"), "ca-dotation")).toBe(false);
    await updateMember({ user: pilot, input: { userId, active: true, services: ["ca-dotation"] }, now });
    expect(canUseCentre(await currentUserFor(db, "specialiste@mfq.exemple.qc.ca"), "ca-dotation")).toBe(true);
    // A staffing specialist's role does not open SAGIR, even in an MO that adhered to it.
    await expect(updateMember({ user: pilot, input: { userId, active: true, services: ["ca-dotation", "sagir"] }, now })).rejects.toMatchObject({
      code: "INVALID_PARAMETER",
      fields: { services: { fr: "Ce rôle ne donne pas accès à ce centre." } },
    });
  });

  it("cannot touch another MO's people (not found), nor disable themselves", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const other = await idOf("specialiste@mcc.exemple.qc.ca");
    await expect(updateMember({ user: pilot, input: { userId: other, active: false, services: [] }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: other } })).disabledAt).toBeNull();
    await expect(updateMember({ user: pilot, input: { userId: pilot.id, active: false, services: [] }, now })).rejects.toMatchObject({ code: "REFUSED" });
  });

  it("invites only addresses of the MO's recorded domains (or their subdomains); nothing is created otherwise", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const mail = { baseUrl: "https://guichet.exemple.qc.ca", locale: "fr" as const };
    const before = await db.user.count();
    await expect(inviteMember({ user: pilot, input: { name: "Hors MO", email: "quelquun@gmail.com", role: "sagir_user" }, now, mail })).rejects.toMatchObject({
      code: "INVALID_PARAMETER",
      fields: { email: { fr: "Inscrivez une adresse de votre organisation (mfq.exemple.qc.ca)." } },
    });
    await expect(inviteMember({ user: pilot, input: { name: "Presque", email: "x@notmfq.exemple.qc.ca", role: "sagir_user" }, now, mail })).rejects.toMatchObject({ code: "INVALID_PARAMETER" });
    expect(await db.user.count()).toBe(before);
    await inviteMember({ user: pilot, input: { name: "Sous-domaine", email: "lea@direction.mfq.exemple.qc.ca", role: "sagir_user" }, now, mail });
    expect(await db.user.count()).toBe(before + 1);
  });

  it("cannot open a centre their MO does not subscribe to", async () => {
    const pilot = await currentUserFor(db, "pilote@mcc.exemple.qc.ca");
    const userId = await idOf("sagir@mcc.exemple.qc.ca");
    await expect(updateMember({ user: pilot, input: { userId, active: true, services: ["sagir"] }, now })).rejects.toMatchObject({
      code: "INVALID_PARAMETER",
    });
  });

  it.each(["specialiste@mfq.exemple.qc.ca", "agent.dotation@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"])(
    "%s is not a pilot",
    async (email) => {
      const user = await currentUserFor(db, email);
      await expect(listMembers({ user })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateMember({ user, input: { userId: await idOf("sagir@mfq.exemple.qc.ca"), active: false, services: [] }, now })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    },
  );
});

describe("invitations", () => {
  const password = "une phrase de passe assez longue";
  const mail = { baseUrl: "https://guichet.exemple.qc.ca", locale: "fr" as const };

  it("the pilot invites a person: an account of the MO with its role's centre, no password, a link", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const invitation = await inviteMember({ user: pilot, input: { name: "Gaël Simard", email: "gael.simard@mfq.exemple.qc.ca", role: "sagir_user" }, now, mail });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.expiresAt.getTime() - now.getTime()).toBe(INVITATION_VALIDITY_MS);
    const stored = await db.user.findUniqueOrThrow({ where: { email: "gael.simard@mfq.exemple.qc.ca" }, include: { services: true, organization: true } });
    expect(stored).toMatchObject({ role: "sagir_user", passwordHash: null, invitedById: pilot.id });
    expect(stored.organization?.code).toBe("MFQ");
    expect(stored.services.map((s) => s.serviceId)).toEqual(["sagir"]);
    // Only the token's hash is stored.
    expect(JSON.stringify(stored)).not.toContain(invitation.token);
    const listed = (await listMembers({ user: pilot })).members.find((m) => m.email === "gael.simard@mfq.exemple.qc.ca");
    expect(listed).toMatchObject({ invited: true, offered: ["sagir"] });
    expect(await db.auditEntry.count({ where: { action: "member_invited", actorUserId: pilot.id, data: { path: ["userId"], equals: stored.id } } })).toBe(1);
    // The invitation goes by e-mail (the outbox keeps no address: it is the account's), with the link.
    const sent = await db.emailOutbox.findFirstOrThrow({ where: { userId: stored.id, kind: "invitation" } });
    expect(sent.subject).toBe("Votre invitation à Guichet");
    expect(sent.body).toContain(`https://guichet.exemple.qc.ca/invitation/${invitation.token}`);
    expect(sent.body).toContain("Nathalie Roy, pilote de Ministère des Finances (démo), vous invite à utiliser Guichet");
    expect(sent.body).not.toContain("@");
    // No password yet: signing in is impossible.
    expect(await attemptSignIn({ email: "gael.simard@mfq.exemple.qc.ca", password })).toEqual({ ok: false, reason: "invalid" });

    expect(await readInvitation({ token: invitation.token, now })).toEqual({ name: "Gaël Simard", email: "gael.simard@mfq.exemple.qc.ca" });
    await expect(completeInvitation({ token: invitation.token, input: { password, confirmation: password }, now })).resolves.toEqual({
      email: "gael.simard@mfq.exemple.qc.ca",
    });
    expect((await attemptSignIn({ email: "gael.simard@mfq.exemple.qc.ca", password })).ok).toBe(true);
    // A link works once.
    expect(await readInvitation({ token: invitation.token, now })).toBeNull();
    await expect(completeInvitation({ token: invitation.token, input: { password: "autre phrase de passe", confirmation: "autre phrase de passe" }, now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await attemptSignIn({ email: "gael.simard@mfq.exemple.qc.ca", password })).ok).toBe(true);
  });

  it("a link expires after 7 days; a new link replaces the old one", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const first = await inviteMember({ user: pilot, input: { name: "Inès Caron", email: "ines.caron@mfq.exemple.qc.ca", role: "mo_specialist" }, now, mail });
    const later = new Date(now.getTime() + INVITATION_VALIDITY_MS);
    expect(await readInvitation({ token: first.token, now: later })).toBeNull();
    await expect(completeInvitation({ token: first.token, input: { password, confirmation: password }, now: later })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const second = await renewMemberInvitation({ user: pilot, userId: first.userId, now: later, mail });
    expect((await db.emailOutbox.findMany({ where: { userId: first.userId, kind: "invitation" }, orderBy: { id: "asc" } })).map((e) => e.body.includes(second.token))).toEqual([false, true]);
    expect(await readInvitation({ token: first.token, now: later })).toBeNull();
    await completeInvitation({ token: second.token, input: { password, confirmation: password }, now: later });
    expect((await attemptSignIn({ email: "ines.caron@mfq.exemple.qc.ca", password })).ok).toBe(true);
    expect((await currentUserFor(db, "ines.caron@mfq.exemple.qc.ca")).services).toEqual(["ca-dotation"]);
    // Once the password is chosen there is nothing left to renew.
    await expect(renewMemberInvitation({ user: pilot, userId: first.userId, now: later, mail })).rejects.toMatchObject({ code: "REFUSED" });
  });

  it("refuses an address already used, a role whose centre the MO lacks, another MO's member", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    await expect(inviteMember({ user: pilot, input: { name: "Double", email: "sagir@mfq.exemple.qc.ca", role: "sagir_user" }, now, mail })).rejects.toMatchObject({
      code: "INVALID_PARAMETER",
      fields: { email: { fr: "Cette adresse est déjà associée à un compte Guichet." } },
    });
    const mccPilot = await currentUserFor(db, "pilote@mcc.exemple.qc.ca");
    await expect(inviteMember({ user: mccPilot, input: { name: "Sans SAGIR", email: "sans.sagir@mcc.exemple.qc.ca", role: "sagir_user" }, now, mail })).rejects.toMatchObject({
      code: "INVALID_PARAMETER",
      fields: { role: { fr: "Votre organisation n'est pas abonnée au centre de ce rôle." } },
    });
    expect(await db.user.count({ where: { email: "sans.sagir@mcc.exemple.qc.ca" } })).toBe(0);
    await expect(renewMemberInvitation({ user: mccPilot, userId: await idOf("specialiste@mfq.exemple.qc.ca"), now, mail })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a disabled invitee's link does not work", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const invitation = await inviteMember({ user: pilot, input: { name: "Noé Roy", email: "noe.roy@mfq.exemple.qc.ca", role: "sagir_user" }, now, mail });
    await updateMember({ user: pilot, input: { userId: invitation.userId, active: false, services: ["sagir"] }, now });
    await expect(completeInvitation({ token: invitation.token, input: { password, confirmation: password }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each(["specialiste@mfq.exemple.qc.ca", "sagir@mfq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"])(
    "%s may not invite",
    async (email) => {
      const user = await currentUserFor(db, email);
      await expect(inviteMember({ user, input: { name: "X", email: "x@mfq.exemple.qc.ca", role: "sagir_user" }, now, mail })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(renewMemberInvitation({ user, userId: await idOf("sagir@mfq.exemple.qc.ca"), now, mail })).rejects.toMatchObject({ code: "FORBIDDEN" });
    },
  );
});
