// The demo requests `npm run dev` makes on a developer's first start: four weeks of both centres'
// traffic through the real use cases, once; the console and the dashboards then show them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZQueueQuery } from "../../src/schemas/console";
import { ZDashboardQuery } from "../../src/schemas/dashboard";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDemoRequests } from "../../src/server/db/demo-requests";
import { seedDemoGuides, seedDemoSatisfaction } from "../../src/server/db/demo-guides";
import { seedDemoCommuniques } from "../../src/server/db/demo-communiques";
import { listReceivedCommuniques } from "../../src/server/services/communiques";
import { searchGuides } from "../../src/server/services/guides";
import { seedDatabase } from "../../src/server/db/seed";
import { readQueue } from "../../src/server/services/agent-console";
import { readDashboard } from "../../src/server/services/dashboard";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec.
const now = new Date("2026-11-23T15:00:00Z");
let made = 0;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  await seedDemoData(db);
  made = await seedDemoRequests(db, now);
}, 120_000);
afterAll(() => db.$disconnect());

describe("demo requests", () => {
  it("publish the demo guides once: the candidates' password article is found by a search", async () => {
    expect(await seedDemoGuides(db, now)).toBe(4);
    expect(await seedDemoGuides(db, now)).toBe(0);
    expect((await searchGuides({ user: null, query: "mot de passe", locale: "fr", db }))[0]?.slug).toBe("mot-de-passe-oublie-du-portail-carrieres");
  });


  it("make the demo communiqués once: Julie (HR group) and the MO specialists receive theirs; the pilot's waits for an agent", async () => {
    expect(await seedDemoCommuniques(db, now)).toBe(3);
    expect(await seedDemoCommuniques(db, now)).toBe(0);
    const julie = await listReceivedCommuniques({ user: await currentUserFor(db, "sagir@mfq.exemple.qc.ca"), locale: "fr" });
    expect(julie.items.map((c) => [c.number, c.title])).toEqual([["COM-SAG-2026-001", "Nouvelle fonction de paie rétroactive dans SAGIR"]]);
    const specialist = await listReceivedCommuniques({ user: await currentUserFor(db, "specialiste@mfq.exemple.qc.ca"), locale: "fr" });
    expect(specialist.items.map((c) => c.number)).toEqual(["COM-CAD-2026-001"]);
    expect(await db.communique.findMany({ where: { source: "mo" }, select: { status: true, number: true } })).toEqual([{ status: "submitted", number: null }]);
  });

  it("fill four weeks of both centres once, through the use cases", async () => {
    expect(made).toBeGreaterThan(40);
    expect(await db.request.count()).toBe(made);
    expect(await seedDemoRequests(db, now)).toBe(0);
    expect(await db.request.count({ where: { receivedAt: { gte: now } } })).toBe(0);
    expect(await db.phoneCall.count()).toBeGreaterThan(20);
    // The telephone system's calls, drawn by the call simulator: five a day on each line with a target.
    const systemCalls = await db.phoneCall.groupBy({ by: ["lineId", "callStatus"], where: { externalId: { not: null } }, _count: true });
    expect(systemCalls.filter((g) => g.lineId === "sagir").reduce((n, g) => n + g._count, 0)).toBeGreaterThan(50);
    expect(systemCalls.some((g) => g.callStatus === "abandoned")).toBe(true);
    expect(await db.phoneCall.count({ where: { externalId: { not: null }, receivedAt: { gte: now } } })).toBe(0);
    expect(await db.requestTarget.count({ where: { metric: "promised-reply" } })).toBeGreaterThan(0);
  });

  it("give the console a queue and the dashboards figures", async () => {
    const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    const queue = await readQueue({ user: agent, serviceId: "ca-dotation", query: ZQueueQuery.parse({}), now });
    expect(queue.items.length).toBeGreaterThan(5);
    const manager = await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
    for (const serviceId of ["ca-dotation", "sagir"]) {
      const data = await readDashboard({ user: manager, serviceId, query: ZDashboardQuery.parse({ period: "range", from: "2026-10-26", to: "2026-11-22" }), now });
      expect(data.requests).toBeGreaterThan(15);
      expect(data.targets.some((t) => t.metOnTime > 0)).toBe(true);
      expect(data.targets.some((t) => t.metLate + t.overdue > 0)).toBe(true);
      expect(data.calls.calls).toBeGreaterThan(10);
    }
  });

  it("resolve the answered demo requests once, most of their requesters' opinions given", async () => {
    const resolved = await seedDemoSatisfaction(db, now);
    expect(resolved).toBeGreaterThan(3);
    expect(await seedDemoSatisfaction(db, now)).toBe(0);
    expect(await db.requestSatisfaction.count()).toBe(resolved);
    expect(await db.requestSatisfaction.count({ where: { answeredAt: { not: null } } })).toBeGreaterThan(1);
    expect(await db.requestSatisfaction.count({ where: { answeredAt: { gt: now } } })).toBe(0);
  });
});
