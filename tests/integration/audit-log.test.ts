// The audit log a manager reads: their services' requests and the acts of no request they answer
// for (catalogue, pilots' changes), never another service's requests nor the password resets (the
// admin's); filters by who, what and Québec days; the people named, not their ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { appendAudit } from "../../src/server/repositories/audit-repository";
import { readAuditLog } from "../../src/server/services/audit-log";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const idOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
let dotationRequestId = "";
let sagirRequestId = "";

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
  const input = ZCandidateInquiryInput.parse({ name: "Camille Roy", email: "camille@exemple.ca", subject: "Journal", topic: "online-systems", message: "Une question pour le journal." });
  const { number } = await createCandidateInquiry({ input, receivedAt: new Date("2026-11-23T15:00:00Z") });
  dotationRequestId = (await db.request.findUniqueOrThrow({ where: { number }, select: { id: true } })).id;
  const sagir = await db.request.create({
    data: { number: "SAG-2026-900001", serviceId: "sagir", audienceId: "sagir-user", channel: "request-tool", type: "access", subject: "Accès", receivedAt: new Date("2026-11-23T15:00:00Z") },
    select: { id: true },
  });
  sagirRequestId = sagir.id;
  const agent = await idOf("agent.dotation@cspq.exemple.qc.ca");
  const sagirAgent = await idOf("agent.sagir@cspq.exemple.qc.ca");
  const pilot = await idOf("pilote@mfq.exemple.qc.ca");
  const member = await idOf("specialiste@mfq.exemple.qc.ca");
  const manager = await idOf("gestionnaire@cspq.exemple.qc.ca");
  // 23 November 23:30 in Québec is 24 November 04:30 UTC: a Québec day, not a UTC one.
  await appendAudit(db, { at: new Date("2026-11-24T04:30:00Z"), actorUserId: agent, action: "personal_data_viewed", requestId: dotationRequestId, data: { fields: ["birthDay", "birthMonth"] } });
  await appendAudit(db, { at: new Date("2026-11-24T15:00:00Z"), actorUserId: sagirAgent, action: "personal_data_viewed", requestId: sagirRequestId, data: { fields: ["requesterName", "requesterEmail"] } });
  await appendAudit(db, { at: new Date("2026-11-24T16:00:00Z"), actorUserId: pilot, action: "member_updated", data: { userId: member, active: false, services: ["ca-dotation"] } });
  await db.auditEntry.create({ data: { at: new Date("2026-11-24T17:00:00Z"), actorUserId: manager, action: "catalogue_holiday_deleted", data: { date: "2027-06-16", nameFr: "Essai" } } });
  await appendAudit(db, { at: new Date("2026-11-24T18:00:00Z"), actorUserId: member, action: "password_reset", data: { sessionsEnded: 2 } });
});
afterAll(() => db.$disconnect());

describe("the audit log's scope", () => {
  it("a manager of SAGIR only: SAGIR's requests, the catalogue and the pilots' changes; not CA-dotation's requests, not password resets", async () => {
    const manager = { ...(await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca")), services: ["sagir"] };
    const entries = await readAuditLog({ user: manager, filters: {}, limit: 50 });
    expect(entries.map((e) => [e.action, e.requestNumber])).toEqual([
      ["catalogue_holiday_deleted", null],
      ["member_updated", null],
      ["personal_data_viewed", "SAG-2026-900001"],
    ]);
    // The person an entry is about, by name (not the id stored).
    expect(entries.find((e) => e.action === "member_updated")).toMatchObject({ actorName: "Nathalie Roy", subjectName: expect.any(String) });
    expect(entries.find((e) => e.action === "member_updated")!.subjectName).not.toMatch(/^[0-9a-f-]{36}$/);
  });

  it("the admin reads everything, the password resets too; an agent or a pilot reads nothing", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin" }, select: { email: true } });
    const all = await readAuditLog({ user: await currentUserFor(db, admin.email), filters: {}, limit: 50 });
    expect(all.map((e) => e.action)).toEqual(["password_reset", "catalogue_holiday_deleted", "member_updated", "personal_data_viewed", "personal_data_viewed"]);
    for (const email of ["agent.dotation@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      await expect(readAuditLog({ user: await currentUserFor(db, email), filters: {}, limit: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(readAuditLog({ user: null, filters: {}, limit: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("filters by who, what and Québec day", async () => {
    const manager = await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
    const read = async (filters: Record<string, string>) => (await readAuditLog({ user: manager, filters, limit: 50 })).map((e) => e.action);
    expect(await read({ action: "personal_data_viewed" })).toEqual(["personal_data_viewed", "personal_data_viewed"]);
    expect(await read({ actor: await idOf("pilote@mfq.exemple.qc.ca") })).toEqual(["member_updated"]);
    // 04:30 UTC on the 24th is the 23rd in Québec.
    expect(await read({ from: "2026-11-23", to: "2026-11-23" })).toEqual(["personal_data_viewed"]);
    expect(await read({ from: "2026-11-24" })).toEqual(["catalogue_holiday_deleted", "member_updated", "personal_data_viewed"]);
    // Paged by id: the entries before the second.
    const page = await readAuditLog({ user: manager, filters: {}, limit: 2 });
    const older = await readAuditLog({ user: manager, filters: {}, before: page.at(-1)!.id, limit: 50 });
    expect([...page, ...older].map((e) => e.id)).toEqual((await readAuditLog({ user: manager, filters: {}, limit: 50 })).map((e) => e.id));
  });
});
