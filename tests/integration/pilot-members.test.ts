// The MO pilot manages their MO's people: only theirs, never themselves out, only subscribed centres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../src/server/auth/authenticate";
import { canUseMoRequests } from "../../src/server/auth/authorize";
import { DEMO_PASSWORD, seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { listMembers, updateMember } from "../../src/server/services/manage-members";
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
    expect(await authenticate({ email: "specialiste@mfq.exemple.qc.ca", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "disabled" });
    await updateMember({ user: pilot, input: { userId, active: true, services: ["ca-dotation"] }, now });
    expect((await authenticate({ email: "specialiste@mfq.exemple.qc.ca", password: DEMO_PASSWORD })).ok).toBe(true);
  });

  it("sets the centres a person may use", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const userId = await idOf("specialiste@mfq.exemple.qc.ca");
    await updateMember({ user: pilot, input: { userId, active: true, services: [] }, now });
    expect(canUseMoRequests(await currentUserFor(db, "specialiste@mfq.exemple.qc.ca"))).toBe(false);
    await updateMember({ user: pilot, input: { userId, active: true, services: ["ca-dotation", "sagir"] }, now });
    expect((await currentUserFor(db, "specialiste@mfq.exemple.qc.ca")).services.sort()).toEqual(["ca-dotation", "sagir"]);
  });

  it("cannot touch another MO's people (not found), nor disable themselves", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const other = await idOf("specialiste@mcc.exemple.qc.ca");
    await expect(updateMember({ user: pilot, input: { userId: other, active: false, services: [] }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: other } })).disabledAt).toBeNull();
    await expect(updateMember({ user: pilot, input: { userId: pilot.id, active: false, services: [] }, now })).rejects.toMatchObject({ code: "REFUSED" });
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
