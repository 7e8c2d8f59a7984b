// A person's request about their information (Loi 25) on the real database: the admin's export
// holds every request, message and file description under the address (checked against the
// database) and nothing about anyone else — not another requester, not the agent's name; the
// erasure takes the closed requests, names the open ones, and is audited without the address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { createMoRequest } from "../../src/server/services/create-mo-request";
import { changeRequestStatus, replyToRequest, takeInCharge } from "../../src/server/services/handle-request";
import { erasePerson, exportPerson, lookUpPerson } from "../../src/server/services/person-data";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-11-24T15:00:00Z");
const numbers: string[] = [];
const version = async (number: string) => (await db.request.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;

async function inquiry(name: string, email: string, subject: string): Promise<string> {
  return (await createCandidateInquiry({ input: ZCandidateInquiryInput.parse({ name, email, subject, topic: "online-systems", message: `Bonjour, ici ${name} : ${subject.toLowerCase()}.` }), receivedAt: now })).number;
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  await seedDemoData(db);
  const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
  numbers.push(await inquiry("Geneviève Tremblay", "Genevieve.Tremblay@exemple.ca", "Compte bloqué"));
  numbers.push(await inquiry("Geneviève Tremblay", "genevieve.tremblay@exemple.ca", "Mot de passe oublié"));
  await inquiry("Marc Gagnon", "marc.gagnon@exemple.ca", "Offre d'emploi");
  for (const number of numbers) {
    await takeInCharge({ user: agent, number, expectedVersion: await version(number), now });
    await replyToRequest({ user: agent, number, now, input: { kind: "answer", body: "Voici la marche à suivre pour votre compte.", statusAfter: "resolved", acknowledgeDisclosure: false, promisedDate: null, expectedVersion: await version(number) } });
  }
  await changeRequestStatus({ user: agent, number: numbers[0]!, expectedVersion: await version(numbers[0]!), status: "closed", now });
  await createMoRequest({ user: await currentUserFor(db, "specialiste@mfq.exemple.qc.ca"), input: { function: "reports", nature: "how-to", subject: "Rapport", description: "Comment produire le rapport mensuel ?", urgent: false, contactPhone: null }, receivedAt: now });
});
afterAll(() => db.$disconnect());

describe("a person's information", () => {
  it("is exported whole, and only theirs", async () => {
    const admin = await currentUserFor(db, "admin@cspq.exemple.qc.ca");
    const data = await exportPerson({ user: admin, email: "GENEVIEVE.tremblay@exemple.ca", now });
    const held = await db.request.findMany({ where: { requesterEmail: { equals: "genevieve.tremblay@exemple.ca", mode: "insensitive" } }, select: { number: true, _count: { select: { messages: true } } }, orderBy: { number: "asc" } });
    expect(data.requests.map((r) => r.number).sort()).toEqual(held.map((r) => r.number));
    expect(data.requests.map((r) => r.messages.length).sort()).toEqual(held.map((r) => r._count.messages).sort());
    const text = JSON.stringify(data);
    expect(text).toContain("Voici la marche à suivre pour votre compte.");
    expect(text).toContain("Compte bloqué");
    expect(text).not.toMatch(/Marc|marc\.gagnon|Karine|Lavoie|agent\.dotation|specialiste/);
    expect(data.requests[0]!.messages.map((m) => m.from)).toContain("centre");
    expect(data.account).toBeNull();

    const account = await exportPerson({ user: admin, email: "specialiste@mfq.exemple.qc.ca", now });
    const specialist = await db.user.findUniqueOrThrow({ where: { email: "specialiste@mfq.exemple.qc.ca" }, select: { id: true } });
    expect(account.account).toMatchObject({ email: "specialiste@mfq.exemple.qc.ca", role: "mo_specialist" });
    expect(account.requests.map((r) => r.number).sort()).toEqual((await db.request.findMany({ where: { requesterUserId: specialist.id }, select: { number: true } })).map((r) => r.number).sort());
    expect(await db.auditEntry.count({ where: { action: "person_data_exported" } })).toBe(2);
    expect(JSON.stringify((await db.auditEntry.findMany({ where: { action: "person_data_exported" }, select: { data: true } })))).not.toContain("@");
  });

  it("is for the admin only", async () => {
    for (const email of ["gestionnaire@cspq.exemple.qc.ca", "agent.dotation@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      await expect(lookUpPerson({ user: await currentUserFor(db, email), email: "genevieve.tremblay@exemple.ca" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(exportPerson({ user: null, email: "genevieve.tremblay@exemple.ca", now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is erased on request: the closed requests, the open ones named; nobody else's", async () => {
    const admin = await currentUserFor(db, "admin@cspq.exemple.qc.ca");
    expect(await erasePerson({ user: admin, email: "genevieve.tremblay@exemple.ca", now })).toEqual({ erased: [numbers[0]], open: [numbers[1]] });
    const erased = await db.request.findUniqueOrThrow({ where: { number: numbers[0]! }, include: { messages: true } });
    expect(erased).toMatchObject({ requesterName: null, requesterEmail: null, subject: "" });
    expect(erased.messages.every((m) => m.body === "")).toBe(true);
    expect((await db.erasureLog.findUniqueOrThrow({ where: { requestId: erased.id } })).rule).toBe("access_request");
    const marc = await db.request.findFirstOrThrow({ where: { requesterEmail: "marc.gagnon@exemple.ca" }, include: { messages: true } });
    expect(marc.messages[0]!.body).toContain("Marc Gagnon");
    const summary = await lookUpPerson({ user: admin, email: "genevieve.tremblay@exemple.ca" });
    // The erased request no longer carries the address: only the open one is found under it.
    expect(summary.requests.map((r) => r.number)).toEqual([numbers[1]]);
  });
});
