// The Formulaire de requête dotation and the MO's request list: who may submit, who sees what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogueEngine } from "../../src/domain/catalogue/engine";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { loadCatalogue } from "../../src/server/repositories/catalogue-repository";
import { createMoRequest } from "../../src/server/services/create-mo-request";
import { getMoRequest, listMoRequests } from "../../src/server/services/read-mo-requests";
import { replyToMoRequest } from "../../src/server/services/reply-to-mo-request";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const input = {
  function: "postings" as const,
  nature: "malfunction" as const,
  subject: "Affichage bloqué",
  description: "L'appel de candidatures 2026-123 ne s'affiche pas dans Emplois en ligne.",
  urgent: true,
  contactPhone: "418 555-0123, poste 45",
};
const receivedAt = new Date("2026-06-23T19:00:00Z");
let mfqNumber: string;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
  mfqNumber = (await createMoRequest({ user: await currentUserFor(db, "specialiste@mfq.exemple.qc.ca"), input, receivedAt })).number;
});
afterAll(() => db.$disconnect());

describe("submitting", () => {
  it("an MO specialist's request belongs to their MO, with the 48-hour first reply fixed at receipt", async () => {
    const stored = await db.request.findUniqueOrThrow({ where: { number: mfqNumber }, include: { targets: true, organization: true } });
    expect(mfqNumber).toMatch(/^CAD-2026-\d{6}$/);
    expect(stored).toMatchObject({ serviceId: "ca-dotation", audienceId: "mo-specialist", channel: "request-form", urgent: true });
    expect(stored.organization?.code).toBe("MFQ");
    expect(stored.targets.map((t) => [t.targetId, t.dueAt.toISOString()])).toEqual([["cad-mo-first-reply", "2026-06-26T19:00:00.000Z"]]);
    const engine = createCatalogueEngine((await loadCatalogue(db)).definition);
    expect(stored.targets[0]!.dueAt.getTime()).toBe(engine.dueAt(engine.applicableTargets("ca-dotation", "mo-specialist", "request-form")[0]!, receivedAt.getTime()));
  });

  it.each([
    ["sagir@mfq.exemple.qc.ca", "FORBIDDEN"],
    ["agent.dotation@cspq.exemple.qc.ca", "FORBIDDEN"],
    ["gestionnaire@cspq.exemple.qc.ca", "FORBIDDEN"],
    ["admin@cspq.exemple.qc.ca", "FORBIDDEN"],
  ])("%s may not submit (%s), and nothing is written", async (email, code) => {
    const before = await db.request.count();
    await expect(createMoRequest({ user: await currentUserFor(db, email), input, receivedAt })).rejects.toMatchObject({ code });
    expect(await db.request.count()).toBe(before);
  });

  it("nobody signed in may not submit", async () => {
    await expect(createMoRequest({ user: null, input, receivedAt })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a specialist whose pilot withdrew their CA-dotation access may not submit", async () => {
    const user = await currentUserFor(db, "specialiste@mcc.exemple.qc.ca");
    await expect(createMoRequest({ user: { ...user, services: [] }, input, receivedAt })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("reading and replying", () => {
  it("an MO's users see their MO's requests only", async () => {
    const pilot = await currentUserFor(db, "pilote@mfq.exemple.qc.ca");
    const other = await currentUserFor(db, "specialiste@mcc.exemple.qc.ca");
    expect((await listMoRequests({ user: pilot, centre: "ca-dotation" })).items.map((r) => r.number)).toContain(mfqNumber);
    expect((await listMoRequests({ user: other, centre: "ca-dotation" })).items.map((r) => r.number)).not.toContain(mfqNumber);
    expect((await getMoRequest({ user: pilot, centre: "ca-dotation", number: mfqNumber })).subject).toBe(input.subject);
    await expect(getMoRequest({ user: other, centre: "ca-dotation", number: mfqNumber })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMoRequest({ user: pilot, centre: "ca-dotation", number: "CAD-2026-999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("another MO cannot post into the thread; the own MO can", async () => {
    const other = await currentUserFor(db, "specialiste@mcc.exemple.qc.ca");
    const messages = await db.message.count();
    await expect(
      replyToMoRequest({ user: other, centre: "ca-dotation", number: mfqNumber, input: { message: "Je ne devrais pas pouvoir écrire ici." }, now: new Date() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.message.count()).toBe(messages);
    const own = await currentUserFor(db, "specialiste@mfq.exemple.qc.ca");
    await replyToMoRequest({ user: own, centre: "ca-dotation", number: mfqNumber, input: { message: "Précision : le problème persiste." }, now: new Date() });
    expect((await getMoRequest({ user: own, centre: "ca-dotation", number: mfqNumber })).messages).toHaveLength(2);
  });

  it("lists newest first with keyset pagination", async () => {
    const user = await currentUserFor(db, "specialiste@mfq.exemple.qc.ca");
    for (let i = 0; i < 30; i += 1) {
      await createMoRequest({ user, input: { ...input, subject: `Requête ${i}` }, receivedAt: new Date(Date.UTC(2026, 7, 1, 14, i)) });
    }
    const first = await listMoRequests({ user, centre: "ca-dotation" });
    expect(first.items).toHaveLength(25);
    const second = await listMoRequests({ user, centre: "ca-dotation", before: { receivedAt: new Date(first.next!.receivedAt), number: first.next!.number } });
    const all = [...first.items, ...second.items].map((r) => r.number);
    expect(new Set(all).size).toBe(31);
    expect(second.next).toBeNull();
  });
});
