// The admin's accounts (/admin/personnel): invites staff and pilots by e-mail (through the outbox),
// sets an agent's or a manager's centres, disables (their sessions end) — audited; others refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../src/server/auth/authenticate";
import { canUseCentre } from "../../src/server/auth/authorize";
import { DEMO_PASSWORD, seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { ZStaffInviteInput } from "../../src/schemas/admin";
import { inviteStaff, listStaff, renewStaffInvitation, updateStaff } from "../../src/server/services/administer-staff";
import { completeInvitation, listMembers } from "../../src/server/services/manage-members";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-11-24T15:00:00Z");
const mail = { baseUrl: "https://guichet.exemple.qc.ca", locale: "fr" as const };
const attemptSignIn = (credentials: unknown) => authenticate(credentials, { address: "192.0.2.11", now: new Date() });
const idOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const admin = () => currentUserFor(db, "admin@cspq.exemple.qc.ca");

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("staff administration", () => {
  it("lists the staff and the pilots, not the MOs' people", async () => {
    const { accounts, organizations } = await listStaff({ user: await admin() });
    const emails = accounts.map((a) => a.email);
    expect(emails).toEqual(expect.arrayContaining(["agent.dotation@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]));
    expect(emails).not.toContain("specialiste@mfq.exemple.qc.ca");
    expect(accounts.find((a) => a.email === "gestionnaire@cspq.exemple.qc.ca")?.offered).toEqual(["ca-dotation", "sagir"]);
    expect(accounts.find((a) => a.email === "pilote@mfq.exemple.qc.ca")).toMatchObject({ organization: expect.any(String), offered: [] });
    expect(organizations.length).toBeGreaterThan(0);
  });

  it("invites an agent of SAGIR by e-mail; the link sets the password once; the agent works in SAGIR only", async () => {
    const input = parseInput(ZStaffInviteInput, { name: "Agente SAGIR 2", email: "Agente2.SAGIR@cspq.exemple.qc.ca", role: "agent", services: ["sagir"], organizationId: "" });
    const invitation = await inviteStaff({ user: await admin(), input, now, mail });
    const mails = await db.emailOutbox.findMany({ where: { userId: invitation.userId, kind: "invitation" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain(`https://guichet.exemple.qc.ca/invitation/${invitation.token}`);
    expect(mails[0]!.body).toContain("de l'administration de Guichet");
    await completeInvitation({ token: invitation.token, input: { password: "Un-mot-de-passe-long", confirmation: "Un-mot-de-passe-long" }, now });
    expect((await attemptSignIn({ email: "agente2.sagir@cspq.exemple.qc.ca", password: "Un-mot-de-passe-long" })).ok).toBe(true);
    const agent = await currentUserFor(db, "agente2.sagir@cspq.exemple.qc.ca");
    expect(agent.role).toBe("agent");
    expect(agent.services).toEqual(["sagir"]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "staff_invited" } });
    expect(audit.data).toMatchObject({ userId: invitation.userId, role: "agent", services: ["sagir"], organizationId: null });
    // The address is taken now: a second invitation is refused on its field, and nothing is created.
    const before = await db.user.count();
    await expect(inviteStaff({ user: await admin(), input, now, mail })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { email: { fr: "Cette adresse est déjà associée à un compte Guichet." } } });
    expect(await db.user.count()).toBe(before);
  });

  it("invites an MO's pilot, who then invites their people", async () => {
    const { organizations } = await listStaff({ user: await admin() });
    const mcc = organizations.find((o) => o.name.includes("Culture"))!;
    const invitation = await inviteStaff({ user: await admin(), input: parseInput(ZStaffInviteInput, { name: "Pilote MCC", email: "pilote@mcc.exemple.qc.ca", role: "mo_pilot", services: [], organizationId: mcc.id }), now, mail });
    await completeInvitation({ token: invitation.token, input: { password: "Un-mot-de-passe-long", confirmation: "Un-mot-de-passe-long" }, now });
    const { organization, members } = await listMembers({ user: await currentUserFor(db, "pilote@mcc.exemple.qc.ca") });
    expect(organization).toBe(mcc.name);
    expect(members.map((m) => m.email)).toContain("specialiste@mcc.exemple.qc.ca");
  });

  it("validates with the form's schema: an agent needs a centre, a pilot an organization", () => {
    expect(() => parseInput(ZStaffInviteInput, { name: "A", email: "a@cspq.exemple.qc.ca", role: "agent", services: [], organizationId: "" })).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ services: expect.objectContaining({ fr: "Cochez au moins un centre où cette personne travaille." }) }) }),
    );
    expect(() => parseInput(ZStaffInviteInput, { name: "P", email: "p@mo.exemple.qc.ca", role: "mo_pilot", services: [], organizationId: "" })).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ organizationId: expect.objectContaining({ fr: "Choisissez l'organisation de ce pilote." }) }) }),
    );
  });

  it("sets a manager's centres and disables an agent (their sessions end), audited before and after", async () => {
    const managerId = await idOf("gestionnaire@cspq.exemple.qc.ca");
    await updateStaff({ user: await admin(), input: { userId: managerId, active: true, services: ["sagir"] }, now });
    expect(canUseCentre(await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca"), "ca-dotation")).toBe(false);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "staff_updated" }, orderBy: { at: "desc" } });
    expect(entry.data).toEqual({ userId: managerId, before: { active: true, services: ["ca-dotation", "sagir"] }, after: { active: true, services: ["sagir"] } });
    await updateStaff({ user: await admin(), input: { userId: managerId, active: true, services: ["ca-dotation", "sagir"] }, now });

    const agentId = await idOf("agent.dotation@cspq.exemple.qc.ca");
    await db.userSession.create({ data: { userId: agentId, createdAt: now } });
    await updateStaff({ user: await admin(), input: { userId: agentId, active: false, services: ["ca-dotation"] }, now });
    expect(await attemptSignIn({ email: "agent.dotation@cspq.exemple.qc.ca", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "disabled" });
    expect(await db.userSession.count({ where: { userId: agentId, endedAt: null } })).toBe(0);
    await updateStaff({ user: await admin(), input: { userId: agentId, active: true, services: ["ca-dotation"] }, now });
    expect((await attemptSignIn({ email: "agent.dotation@cspq.exemple.qc.ca", password: DEMO_PASSWORD })).ok).toBe(true);
  });

  it("refuses: an admin disabling themselves, centres for an admin, an agent without centre", async () => {
    const me = await admin();
    await expect(updateStaff({ user: me, input: { userId: me.id, active: false, services: [] }, now })).rejects.toMatchObject({ code: "REFUSED" });
    await expect(updateStaff({ user: me, input: { userId: me.id, active: true, services: ["sagir"] }, now })).rejects.toMatchObject({ code: "INVALID_PARAMETER" });
    const agentId = await idOf("agent.sagir@cspq.exemple.qc.ca");
    await expect(updateStaff({ user: me, input: { userId: agentId, active: true, services: [] }, now })).rejects.toMatchObject({ code: "INVALID_PARAMETER" });
    // An MO's person is not the admin's to manage here (their pilot's).
    const specialist = await idOf("specialiste@mfq.exemple.qc.ca");
    await expect(updateStaff({ user: me, input: { userId: specialist, active: false, services: [] }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("renews an invitation while no password is chosen; not after", async () => {
    const input = parseInput(ZStaffInviteInput, { name: "Gestionnaire 2", email: "gestionnaire2@cspq.exemple.qc.ca", role: "manager", services: ["ca-dotation"], organizationId: "" });
    const first = await inviteStaff({ user: await admin(), input, now, mail });
    const renewed = await renewStaffInvitation({ user: await admin(), userId: first.userId, now, mail });
    await expect(completeInvitation({ token: first.token, input: { password: "Un-mot-de-passe-long", confirmation: "Un-mot-de-passe-long" }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await completeInvitation({ token: renewed.token, input: { password: "Un-mot-de-passe-long", confirmation: "Un-mot-de-passe-long" }, now });
    await expect(renewStaffInvitation({ user: await admin(), userId: first.userId, now, mail })).rejects.toMatchObject({ code: "REFUSED" });
  });

  it("is the admin's only: a manager, an agent, a pilot get not found", async () => {
    for (const email of ["gestionnaire@cspq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      const user = await currentUserFor(db, email);
      await expect(listStaff({ user })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateStaff({ user, input: { userId: user.id, active: true, services: [] }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
