// The catalogue stored in PostgreSQL: seeded from the typed definition, loaded back into the
// engine, and never overwritten by a later seed.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createCatalogueEngine } from "../../src/domain/catalogue/engine";
import { DEFAULT_CATALOGUE, DEFAULT_SERVICE_PROFILES } from "../../src/domain/catalogue/default-catalogue";
import { seedDatabase } from "../../src/server/db/seed";
import { loadCatalogue } from "../../src/server/repositories/catalogue-repository";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
const NOW = new Date("2026-11-23T15:00:00Z");

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await truncateAll(db);
});

describe("catalogue repository", () => {
  it("round-trips the default catalogue through the database", async () => {
    await seedDatabase(db, NOW);
    const loaded = await loadCatalogue(db);
    expect(loaded.definition.services).toEqual(DEFAULT_CATALOGUE.services);
    expect(loaded.definition.calendars).toEqual(DEFAULT_CATALOGUE.calendars);
    expect(loaded.definition.targets).toEqual(
      [...DEFAULT_CATALOGUE.targets].sort((a, b) => a.id.localeCompare(b.id)).map((t) => ({ ...t, channels: [...t.channels].sort() })),
    );
    expect(loaded.profiles).toEqual(DEFAULT_SERVICE_PROFILES);
  });

  it("stores the holidays of this year and the next two, by the rule", async () => {
    const { yearsGenerated } = await seedDatabase(db, NOW);
    expect(yearsGenerated).toEqual([2026, 2027, 2028]);
    const { definition } = await loadCatalogue(db);
    const set = definition.holidaySets[0]!;
    expect(set.storedYears).toEqual([2026, 2027, 2028]);
    expect(set.holidays.filter((h) => h.year === 2026).map((h) => h.date.slice(5))).toEqual([
      "01-01", "01-02", "04-03", "04-06", "05-18", "06-24", "07-01", "09-07", "10-12", "12-24", "12-25", "12-28", "12-31",
    ]);
    expect(await db.holiday.count()).toBe(39);
  });

  it("loads into an engine that answers the worked examples of the spec", async () => {
    await seedDatabase(db, NOW);
    const engine = createCatalogueEngine((await loadCatalogue(db)).definition);
    const due = (service: string, audience: string, channel: string, received: string) =>
      Object.fromEntries(engine.dueTargets(service, audience, channel, Date.parse(received)).map((d) => [d.target.id, new Date(d.dueAt).toISOString()]));
    expect(due("ca-dotation", "candidate", "email", "2026-06-23T15:00:00-04:00")).toEqual({ "cad-candidate-reply": "2026-07-09T20:30:00.000Z" });
    expect(due("ca-dotation", "mo-specialist", "request-form", "2026-06-23T15:00:00-04:00")).toEqual({ "cad-mo-first-reply": "2026-06-26T19:00:00.000Z" });
    expect(due("sagir", "sagir-user", "email", "2026-11-20T17:00:00-05:00")).toEqual({ "sagir-written-take-charge": "2026-11-23T22:00:00.000Z" });
  });

  it("is idempotent and keeps an administrator's edits", async () => {
    await seedDatabase(db, NOW);
    const before = { intervals: await db.calendarInterval.count(), holidays: await db.holiday.count(), targets: await db.target.count() };
    // An administrator moves Tuesday afternoon of the sagir calendar and deletes Christmas Eve 2026.
    await db.calendarInterval.updateMany({ where: { calendarId: "sagir", weekday: 2, startMinute: 840 }, data: { startMinute: 870 } });
    await db.holiday.deleteMany({ where: { date: new Date("2026-12-24T00:00:00Z") } });
    const again = await seedDatabase(db, NOW);
    expect(again.yearsGenerated).toEqual([]);
    expect(await db.calendarInterval.count()).toBe(before.intervals);
    expect(await db.target.count()).toBe(before.targets);
    expect(await db.holiday.count()).toBe(before.holidays - 1);
    const engine = createCatalogueEngine((await loadCatalogue(db)).definition);
    expect(engine.calendarStatus("sagir", Date.parse("2026-11-24T14:15:00-05:00")).open).toBe(false);
    expect(engine.isBusinessDayAt("sagir", Date.parse("2026-12-24T12:00:00-05:00"))).toBe(true);
  });

  it("generates a new year when time moves on, leaving stored years alone", async () => {
    await seedDatabase(db, NOW);
    const { yearsGenerated } = await seedDatabase(db, new Date("2027-03-01T12:00:00Z"));
    expect(yearsGenerated).toEqual([2029]);
  });
});
