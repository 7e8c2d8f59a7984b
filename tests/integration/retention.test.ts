// Loi 25 retention on the real database, with a fixed clock: the job erases exactly the closed
// requests past their service's period — names, addresses, subject, message bodies, files, e-mails,
// tracking link, identity-validation notes — and nothing else; the dashboard's figures are the same
// before and after; two workers at once erase each request once; each erasure is logged; the event
// and audit logs stay append-only for anything else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZDashboardQuery } from "../../src/schemas/dashboard";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { createDb } from "../../src/server/db/client";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { readConsoleRequest } from "../../src/server/services/agent-console";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { readDashboard } from "../../src/server/services/dashboard";
import { changeRequestStatus, replyToRequest, takeInCharge } from "../../src/server/services/handle-request";
import { changeRetention, runRetention } from "../../src/server/services/retention";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const DAY = 86_400_000;
// Monday 2 November 2026, 10:00 in Québec: the requests are received then.
const received = new Date("2026-11-02T15:00:00Z");
const now = new Date("2027-01-15T15:00:00Z");
const numbers: Record<string, string> = {};

async function inquiry(subject: string): Promise<string> {
  const input = ZCandidateInquiryInput.parse({ name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject, topic: "online-systems", message: "Mon compte 12345 du site Carrières est-il actif ?" });
  return (await createCandidateInquiry({ input, receivedAt: received })).number;
}
const version = async (number: string) => (await db.request.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;

async function closeAt(number: string, at: Date): Promise<void> {
  const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
  await changeRequestStatus({ user: agent, number, expectedVersion: await version(number), status: "closed", now: at });
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, received);
  await seedDemoData(db);
  const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
  for (const key of ["old", "old2", "recent", "open"]) numbers[key] = await inquiry(`Dossier ${key}`);
  for (const key of ["old", "old2", "recent"]) {
    const number = numbers[key]!;
    await takeInCharge({ user: agent, number, expectedVersion: await version(number), now: new Date(received.getTime() + 60_000) });
    // An identity validated by phone (a nominative request is never taken in writing: its audit entry is written as the service would).
    const { id } = await db.request.findUniqueOrThrow({ where: { number }, select: { id: true } });
    await db.auditEntry.create({ data: { at: new Date(received.getTime() + 120_000), actorUserId: agent.id, action: "identity_validated", requestId: id, data: { method: "callback", note: "Rappel au 418 555-0101, date de naissance confirmée" } } });
    await replyToRequest({ user: agent, number, now: new Date(received.getTime() + 180_000), input: { kind: "answer", body: "Votre compte est actif, madame Tremblay.", statusAfter: "resolved", acknowledgeDisclosure: false, promisedDate: null, expectedVersion: await version(number) } });
  }
  // CA-dotation keeps personal information 30 days after closing.
  await changeRetention({ user: await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca"), serviceId: "ca-dotation", days: 30, now: received });
  await closeAt(numbers.old!, new Date(now.getTime() - 31 * DAY));
  await closeAt(numbers.old2!, new Date(now.getTime() - 45 * DAY));
  await closeAt(numbers.recent!, new Date(now.getTime() - 29 * DAY));
});
afterAll(() => db.$disconnect());

describe("the retention job", () => {
  it("erases exactly the closed requests past the period, once with two workers; the dashboard does not move", async () => {
    const manager = await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
    const dashboard = async () => {
      const d = await readDashboard({ user: manager, serviceId: "ca-dotation", query: ZDashboardQuery.parse({ period: "month", date: "2026-11-02" }), now });
      return JSON.stringify({ targets: d.targets, overall: d.overall, volumes: d.volumes, calls: d.calls, backlog: d.backlog, requests: d.requests, promises: d.promises });
    };
    const before = await dashboard();
    const [a, b] = [createDb(process.env.DATABASE_URL!), createDb(process.env.DATABASE_URL!)];
    try {
      const results = await Promise.all([runRetention(a, now), runRetention(b, now)]);
      expect(results.map((r) => r.erased).reduce((x, y) => x + y)).toBe(2);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    expect(await runRetention(db, now)).toEqual({ erased: 0, callersErased: 0 });
    expect(await dashboard()).toBe(before);

    const log = await db.erasureLog.findMany({ orderBy: { number: "asc" } });
    expect(log.map((l) => [l.number, l.rule, l.actorUserId, l.at.toISOString()])).toEqual([
      [numbers.old, "retention", null, now.toISOString()],
      [numbers.old2, "retention", null, now.toISOString()],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
    expect(log[0]!.counts).toMatchObject({ messages: expect.any(Number), outboundEmails: expect.any(Number), auditNotes: 1 });
    expect(JSON.stringify(log, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(/Tremblay|genevieve|12345/);
  });

  it("leaves nothing personal in an erased request, and the anonymous facts as they were", async () => {
    const erased = await db.request.findUniqueOrThrow({ where: { number: numbers.old! }, include: { messages: true, targets: true, attachments: true, outboundEmails: true, inboundEmails: true, events: true, auditEntries: true } });
    expect(erased).toMatchObject({ subject: "", requesterName: null, requesterEmail: null, trackingTokenHash: null, status: "closed", serviceId: "ca-dotation", channel: "web" });
    expect(erased.personalDataErasedAt?.toISOString()).toBe(now.toISOString());
    expect(erased.messages.every((m) => m.body === "" && m.quoted === null)).toBe(true);
    expect(erased.attachments).toEqual([]);
    expect(erased.outboundEmails).toEqual([]);
    expect(erased.targets.length).toBeGreaterThan(0);
    expect(erased.targets.every((t) => t.metAt !== null)).toBe(true);
    expect(erased.auditEntries.map((e) => e.action)).toContain("identity_validated");
    expect(JSON.stringify([erased, erased.auditEntries], (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(/Tremblay|genevieve|12345|418 555/);
    // Not found by words any more.
    const [{ n }] = (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM request WHERE number = ${numbers.old!} AND (search_vector @@ plainto_tsquery('guichet_fr', 'Tremblay') OR thread_vector @@ plainto_tsquery('guichet_fr', 'actif'))`) as [{ n: bigint }];
    expect(Number(n)).toBe(0);
    // The agent's page says so.
    const view = await readConsoleRequest({ user: await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca"), number: numbers.old!, now });
    expect(view.erasedAt?.toISOString()).toBe(now.toISOString());

    // The others are untouched: closed within the period, and open.
    for (const key of ["recent", "open"]) {
      const kept = await db.request.findUniqueOrThrow({ where: { number: numbers[key]! }, include: { messages: true } });
      expect(kept).toMatchObject({ subject: `Dossier ${key}`, requesterName: "Geneviève Tremblay", personalDataErasedAt: null });
      expect(kept.messages.some((m) => m.body.includes("12345"))).toBe(true);
    }
  });

  it("keeps the event and audit logs append-only outside an erasure", async () => {
    await expect(db.$executeRaw`UPDATE audit_entry SET data = '{}'::jsonb`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE request_event SET data = '{}'::jsonb`).rejects.toThrow(/append-only/);
    // Nor may an erasure rewrite who, what or when.
    await expect(db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('guichet.erasure', 'on', true)`;
      await tx.$executeRaw`UPDATE audit_entry SET action = 'x'`;
    })).rejects.toThrow(/append-only/);
  });

  it("a manager changes the period (audited); out of range is refused at the field", async () => {
    const manager = await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
    expect(await db.auditEntry.count({ where: { action: "catalogue_retention_changed" } })).toBe(1);
    await changeRetention({ user: manager, serviceId: "ca-dotation", days: 30, now });
    expect(await db.auditEntry.count({ where: { action: "catalogue_retention_changed" } })).toBe(1);
    await expect(changeRetention({ user: await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca"), serviceId: "ca-dotation", days: 60, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { ZRetentionEdit } = await import("../../src/schemas/catalogue-edit");
    expect(ZRetentionEdit.safeParse({ serviceId: "ca-dotation", days: "10" }).success).toBe(false);
    expect(ZRetentionEdit.safeParse({ serviceId: "ca-dotation", days: "365" }).data).toEqual({ serviceId: "ca-dotation", days: 365 });
  });
});
