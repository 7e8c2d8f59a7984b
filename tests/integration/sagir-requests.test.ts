// SAGIR's Outil Requête on the real database: the seven types, the departure notice's lead time,
// the refusal of an MO that has not adhered, and the day and month of birth — stored apart,
// shown to the handling agent only (audited), absent from lists, API responses and logs, and
// erased when the request is closed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCatalogueEngine } from "../../src/domain/catalogue/engine";
import { SAGIR_REQUEST_TYPES } from "../../src/domain/requests/sagir-request";
import { ZSagirRequestInput } from "../../src/schemas/sagir-request";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { loadCatalogue } from "../../src/server/repositories/catalogue-repository";
import { createSagirRequest } from "../../src/server/services/create-sagir-request";
import { getRequest } from "../../src/server/services/get-request";
import { changeRequestStatus, revealPersonalData, takeInCharge } from "../../src/server/services/handle-request";
import { getMoRequest, listMoRequests } from "../../src/server/services/read-mo-requests";
import { connectTestDb, truncateAll } from "../support/db";
import { SAGIR_SAMPLES } from "../support/sagir-samples";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec: a departure entered Wednesday is late, Thursday on time.
const monday10 = new Date("2026-11-23T15:00:00Z");
const input = (type: (typeof SAGIR_REQUEST_TYPES)[number], change: Record<string, string> = {}) =>
  ZSagirRequestInput.parse({ ...SAGIR_SAMPLES[type], urgent: "", contactPhone: "", ...change });
const sagirUser = () => currentUserFor(db, "sagir@mfq.exemple.qc.ca");
const personalRows = (number: string) =>
  db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM request_personal_data p JOIN request r ON r.id = p.request_id WHERE r.number = ${number}`.then(
    (rows) => Number(rows[0]!.n),
  );

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("the seven request types", () => {
  it.each(SAGIR_REQUEST_TYPES)("%s: numbered SAG-2026-…, channel request-tool, 24-hour take-in-charge fixed at receipt", async (type) => {
    const created = await createSagirRequest({ user: await sagirUser(), input: input(type, { sagirEntryDate: "2026-12-07" }), receivedAt: monday10 });
    expect(created.number).toMatch(/^SAG-2026-\d{6}$/);
    const stored = await db.request.findUniqueOrThrow({ where: { number: created.number }, include: { targets: true, organization: true, messages: true } });
    expect(stored).toMatchObject({ serviceId: "sagir", audienceId: "sagir-user", channel: "request-tool", type, status: "new" });
    expect(stored.organization?.code).toBe("MFQ");
    const engine = createCatalogueEngine((await loadCatalogue(db)).definition);
    const [target] = engine.dueTargets("sagir", "sagir-user", "request-tool", monday10.getTime());
    expect(stored.targets.map((t) => [t.targetId, t.dueAt.getTime()])).toEqual([["sagir-written-take-charge", target!.dueAt]]);
    expect(stored.targets[0]!.dueAt.toISOString()).toBe("2026-11-24T15:00:00.000Z");
    expect(stored.messages).toHaveLength(1);
    // No type keeps personal information in `details` beyond what its own form asked for.
    expect(Object.keys(stored.details as object)).not.toContain("birthDay");
    expect(Object.keys(stored.details as object)).not.toContain("birthMonth");
  });

  it("the subjects of arrivals and departures name no one (subjects appear in lists)", async () => {
    const { items } = await listMoRequests({ user: await sagirUser(), centre: "sagir" });
    expect(items.map((i) => i.subject).join(" ")).not.toContain("Tremblay");
    expect(items.find((i) => i.type === "departure")?.subject).toBe("Départ d'un employé — départ le 4 décembre 2026");
  });
});

describe("departure notice lead time", () => {
  it.each([
    ["2026-11-25", true],
    ["2026-11-26", false],
  ])("entry in SAGIR on %s, notice Monday 10:00 → late notice %s (and urgent alike)", async (sagirEntryDate, late) => {
    const created = await createSagirRequest({ user: await sagirUser(), input: input("departure", { sagirEntryDate }), receivedAt: monday10 });
    expect(created).toMatchObject({ lateNotice: late, urgent: late });
    const stored = await db.request.findUniqueOrThrow({ where: { number: created.number } });
    expect(stored.urgent).toBe(late);
    expect(stored.details).toMatchObject({ lateNotice: late, sagirEntryDate, earliestOnTimeEntryDate: "2026-11-26" });
  });

  it("an on-time notice marked urgent by its sender stays urgent", async () => {
    const created = await createSagirRequest({ user: await sagirUser(), input: input("departure", { urgent: "on" }), receivedAt: monday10 });
    expect(created).toMatchObject({ lateNotice: false, urgent: true });
  });
});

describe("who may submit", () => {
  it.each([
    ["sagir@mcc.exemple.qc.ca", "not-adhered"],
    ["specialiste@mfq.exemple.qc.ca", "not-allowed"],
    ["agent.sagir@cspq.exemple.qc.ca", "not-allowed"],
    ["gestionnaire@cspq.exemple.qc.ca", "not-allowed"],
    ["admin@cspq.exemple.qc.ca", "not-allowed"],
  ])("%s is refused (%s) and nothing is written", async (email, reason) => {
    const before = await db.request.count();
    await expect(createSagirRequest({ user: await currentUserFor(db, email), input: input("access"), receivedAt: monday10 })).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { reason },
    });
    expect(await db.request.count()).toBe(before);
  });

  it("the refusal of an MO that has not adhered says so in French", async () => {
    await expect(createSagirRequest({ user: await currentUserFor(db, "sagir@mcc.exemple.qc.ca"), input: input("access"), receivedAt: monday10 })).rejects.toMatchObject({
      localized: { fr: expect.stringContaining("n'a pas adhéré") },
    });
  });

  it("nobody signed in: UNAUTHENTICATED; the MO's pilot may submit", async () => {
    await expect(createSagirRequest({ user: null, input: input("access"), receivedAt: monday10 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const created = await createSagirRequest({ user: await currentUserFor(db, "pilote@mfq.exemple.qc.ca"), input: input("training"), receivedAt: monday10 });
    expect(created.number).toMatch(/^SAG-/);
  });
});

describe("the day and month of birth of a departure", () => {
  let number: string;
  const logged: string[] = [];

  beforeEach(async () => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    number = (await createSagirRequest({ user: await sagirUser(), input: input("departure", { birthDay: "17", birthMonth: "3" }), receivedAt: monday10 })).number;
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("are stored apart from the request, in their own table", async () => {
    const row = await db.request.findUniqueOrThrow({ where: { number }, include: { personalData: true, messages: true } });
    expect(row.personalData).toMatchObject({ birthDay: 17, birthMonth: 3 });
    expect(JSON.stringify(row.details)).not.toMatch(/birth/i);
    expect(row.subject + row.messages.map((m) => m.body).join()).not.toMatch(/17|mars/);
  });

  it("appear in no list, no MO view and no API response, for any role", async () => {
    const views: unknown[] = [];
    for (const email of ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      const user = await currentUserFor(db, email);
      views.push(await listMoRequests({ user, centre: "sagir" }), await getMoRequest({ user, centre: "sagir", number }));
    }
    for (const email of ["sagir@mfq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"]) {
      views.push(await getRequest({ user: await currentUserFor(db, email), number }));
    }
    const text = JSON.stringify(views);
    expect(text).toContain(number);
    expect(text).not.toMatch(/birth|naissance/i);
  });

  it("are shown to the handling agent only, and each view is audited", async () => {
    const agent = await currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
    const now = new Date("2026-11-23T16:00:00Z");
    // Before taking it in charge the agent is not its handler.
    await expect(revealPersonalData({ user: agent, number, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const email of ["agent.dotation@cspq.exemple.qc.ca", "sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"]) {
      await expect(revealPersonalData({ user: await currentUserFor(db, email), number, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await takeInCharge({ user: agent, number, expectedVersion: 0, now });
    expect(await revealPersonalData({ user: agent, number, now })).toEqual({ birthDay: 17, birthMonth: 3 });
    const request = await db.request.findUniqueOrThrow({ where: { number }, select: { id: true } });
    const audits = await db.auditEntry.findMany({ where: { requestId: request.id } });
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([["personal_data_viewed", agent.id]]);
  });

  it("are erased from the database when the request is closed, with an event saying so", async () => {
    const agent = await currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
    const now = new Date("2026-11-24T14:00:00Z");
    const { version } = await takeInCharge({ user: agent, number, expectedVersion: 0, now });
    await changeRequestStatus({ user: agent, number, expectedVersion: version, status: "resolved", now });
    expect(await personalRows(number)).toBe(1);
    await changeRequestStatus({ user: agent, number, expectedVersion: version + 1, status: "closed", now });
    expect(await personalRows(number)).toBe(0);
    const events = await db.requestEvent.findMany({ where: { request: { number } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["received", "taken_in_charge", "status_changed", "status_changed", "status_changed", "personal_data_erased"]);
    expect(await revealPersonalData({ user: agent, number, now })).toBeNull();
    expect((await getMoRequest({ user: await sagirUser(), centre: "sagir", number })).status).toBe("closed");
  });

  it("are erased whatever closes the request (the database enforces it)", async () => {
    await db.$executeRaw`UPDATE request SET status = 'closed', closed_at = now() WHERE number = ${number}`;
    expect(await personalRows(number)).toBe(0);
    expect(await db.requestEvent.count({ where: { request: { number }, kind: "personal_data_erased" } })).toBe(1);
  });

  it("never reach a log line", () => {
    expect(logged.join("\n")).not.toMatch(/birth|naissance/i);
  });
});

describe("the agent's first actions", () => {
  it("take in charge: assigned, in progress, acknowledged to the MO, target met", async () => {
    const agent = await currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
    const { number } = await createSagirRequest({ user: await sagirUser(), input: input("access"), receivedAt: monday10 });
    const at = new Date("2026-11-23T17:00:00Z");
    expect(await takeInCharge({ user: agent, number, expectedVersion: 0, now: at })).toEqual({ version: 1 });
    const stored = await db.request.findUniqueOrThrow({ where: { number }, include: { targets: true } });
    expect(stored).toMatchObject({ assigneeId: agent.id, status: "in_progress", version: 1 });
    expect(stored.targets[0]!.metAt?.toISOString()).toBe(at.toISOString());
    const seen = await getMoRequest({ user: await sagirUser(), centre: "sagir", number });
    expect(seen.messages.at(-1)).toMatchObject({ from: "agent", body: `Votre requête ${number} a été prise en charge par Éric Morin.` });
    // A system message is stored as a kind, not as French text: the English reader reads English.
    const read = await getMoRequest({ user: await sagirUser(), centre: "sagir", number, locale: "en" });
    expect(read.messages.at(-1)).toMatchObject({ from: "agent", body: `Your request ${number} has been taken in charge by Éric Morin.` });
    expect(await db.message.findFirst({ where: { request: { number }, systemKind: "taken_in_charge" }, select: { body: true } })).toEqual({ body: "" });
  });

  it("two agents at once: the second gets CONFLICT, nothing of theirs is written", async () => {
    const agent = await currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
    const { number } = await createSagirRequest({ user: await sagirUser(), input: input("access"), receivedAt: monday10 });
    const at = new Date("2026-11-23T17:00:00Z");
    const results = await Promise.allSettled([
      changeRequestStatus({ user: agent, number, expectedVersion: 0, status: "waiting_requester", now: at }),
      changeRequestStatus({ user: agent, number, expectedVersion: 0, status: "resolved", now: at }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const stored = await db.request.findUniqueOrThrow({ where: { number }, include: { events: true } });
    expect(stored.version).toBe(1);
    expect(stored.events.filter((e) => e.kind === "status_changed")).toHaveLength(1);
  });
});
