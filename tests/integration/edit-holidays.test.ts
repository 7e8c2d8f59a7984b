// The managers' catalogue editing on the real database (holidays, then hours): add, move, delete, store a year by the rule;
// validation with field messages; an audit entry per change; a request received after a change
// gets the later due instant, one received before keeps its own; editors only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { ZCalendarHours, ZHolidayAdd, ZHolidayDelete, ZHolidayMove, ZHolidayYear } from "../../src/schemas/catalogue-edit";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { addHoliday, deleteHoliday, generateHolidayYear, moveHoliday } from "../../src/server/services/edit-holidays";
import { editCalendarHours } from "../../src/server/services/edit-hours";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec.
const now = new Date("2026-11-23T15:00:00Z");
const SET = "qc-public-service";
const manager = () => currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");

async function dueOfInquiry(receivedAt: Date): Promise<string> {
  const input = ZCandidateInquiryInput.parse({ name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject: "Question", topic: "online-systems", message: "Une question sur le système de candidature en ligne." });
  const { number } = await createCandidateInquiry({ input, receivedAt });
  const target = await db.requestTarget.findFirstOrThrow({ where: { request: { number }, targetId: "cad-candidate-reply" } });
  return target.dueAt.toISOString();
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("holiday editing", () => {
  it("adds a holiday: a request received after it is due a business day later; one received before keeps its due instant", async () => {
    const before = await dueOfInquiry(now);
    // Ten business days from Monday 23 November: Monday 7 December, 16:30.
    expect(before).toBe("2026-12-07T21:30:00.000Z");
    await addHoliday({ user: await manager(), input: ZHolidayAdd.parse({ holidaySetId: SET, date: "2026-11-27", nameFr: "Journée de la fonction publique", nameEn: "Public service day" }), now });
    const after = await dueOfInquiry(new Date(now.getTime() + 60_000));
    expect(after).toBe("2026-12-08T21:30:00.000Z");
    const first = await db.requestTarget.findMany({ where: { targetId: "cad-candidate-reply" }, orderBy: { dueAt: "asc" } });
    expect(first[0]!.dueAt.toISOString()).toBe(before);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "catalogue_holiday_added" } });
    expect(audit).toMatchObject({ requestId: null, data: { holidaySetId: SET, date: "2026-11-27" } });
  });

  it("moves and deletes a holiday, each audited", async () => {
    const user = await manager();
    await moveHoliday({ user, input: ZHolidayMove.parse({ holidaySetId: SET, date: "2026-11-27", to: "2026-11-30" }), now });
    expect(await db.holiday.count({ where: { holidaySetId: SET, date: new Date("2026-11-30T00:00:00Z") } })).toBe(1);
    await deleteHoliday({ user, input: ZHolidayDelete.parse({ holidaySetId: SET, date: "2026-11-30" }), now });
    expect(await db.holiday.count({ where: { holidaySetId: SET, date: new Date("2026-11-30T00:00:00Z") } })).toBe(0);
    expect(await dueOfInquiry(new Date(now.getTime() + 120_000))).toBe("2026-12-07T21:30:00.000Z");
    expect((await db.auditEntry.findMany({ where: { action: { startsWith: "catalogue_" } }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "catalogue_holiday_added",
      "catalogue_holiday_moved",
      "catalogue_holiday_deleted",
    ]);
  });

  it("stores a year as the rule generates it, once", async () => {
    const user = await manager();
    expect(await db.holiday.count({ where: { holidaySetId: SET, year: 2029 } })).toBe(0);
    await generateHolidayYear({ user, input: ZHolidayYear.parse({ holidaySetId: SET, year: "2029" }), now });
    expect(await db.holiday.count({ where: { holidaySetId: SET, year: 2029 } })).toBeGreaterThan(8);
    await expect(generateHolidayYear({ user, input: ZHolidayYear.parse({ holidaySetId: SET, year: "2029" }), now })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { year: expect.anything() } });
  });

  it("refuses what cannot be, with a message at the field, and changes nothing", async () => {
    const user = await manager();
    const count = await db.holiday.count();
    const audits = await db.auditEntry.count();
    const cases: [() => Promise<unknown>, string][] = [
      [() => addHoliday({ user, input: ZHolidayAdd.parse({ holidaySetId: SET, date: "2026-12-25", nameFr: "Noël encore", nameEn: "Christmas again" }), now }), "date"],
      [() => addHoliday({ user, input: ZHolidayAdd.parse({ holidaySetId: SET, date: "2026-11-28", nameFr: "Un samedi", nameEn: "A Saturday" }), now }), "date"],
      [() => moveHoliday({ user, input: ZHolidayMove.parse({ holidaySetId: SET, date: "2026-11-24", to: "2026-11-25" }), now }), "date"],
      [() => moveHoliday({ user, input: ZHolidayMove.parse({ holidaySetId: SET, date: "2026-12-25", to: "2026-12-26" }), now }), "to"],
      [() => deleteHoliday({ user, input: ZHolidayDelete.parse({ holidaySetId: SET, date: "2026-11-24" }), now }), "date"],
    ];
    for (const [run, field] of cases) await expect(run()).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { [field]: expect.anything() } });
    expect(ZHolidayAdd.safeParse({ holidaySetId: SET, date: "2026-02-30", nameFr: "x", nameEn: "" }).error?.issues.map((i) => i.path[0])).toEqual(["date", "nameFr", "nameEn"]);
    expect([await db.holiday.count(), await db.auditEntry.count()]).toEqual([count, audits]);
  });

  it("is for the admin and the managers of every service the set serves; others find nothing", async () => {
    const input = ZHolidayAdd.parse({ holidaySetId: SET, date: "2026-12-01", nameFr: "Essai", nameEn: "Test" });
    const sagirOnly = { ...(await manager()), services: ["sagir"] };
    for (const user of [null, sagirOnly, await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca"), await currentUserFor(db, "pilote@mfq.exemple.qc.ca")]) {
      await expect(addHoliday({ user, input, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await addHoliday({ user: await currentUserFor(db, "admin@cspq.exemple.qc.ca"), input, now });
    await expect(addHoliday({ user: await manager(), input: { ...input, holidaySetId: "no-such-set" }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("hours editing", () => {
  const week = (tuesday: string) =>
    ZCalendarHours.parse({ calendarId: "sagir", intent: "preview", d1: "8:30-12:00, 13:00-16:30", d2: tuesday, d3: "8:30-12:00, 13:00-16:30", d4: "8:30-12:00, 13:00-16:30", d5: "8:30-12:00, 13:00-16:30" });
  // Tuesday 24 November 2026, 13:30 in Québec: SAGIR's Tuesday afternoon opens at 14:00.
  const tuesday1330 = new Date("2026-11-24T18:30:00Z");

  it("previews the impact without saving, then saves it (audited); a request received after gets the new due instant", async () => {
    const user = await manager();
    const preview = await editCalendarHours({ user, input: week("8:30-12:00, 13:00-16:30"), now: tuesday1330 });
    expect(preview.saved).toBe(false);
    // Tuesday 13:30: closed until 14:00; with the afternoon from 13:00, open now.
    expect(preview.impact.status.before).toMatchObject({ open: false, nextOpening: new Date("2026-11-24T19:00:00Z").getTime() });
    expect(preview.impact.status.after.open).toBe(true);
    // SAGIR's commitments (15 minutes elapsed, 24 business-day hours) do not count opening hours.
    expect(preview.impact.targets.map((i) => [i.target.id, i.before === i.after])).toEqual([["sagir-phone-take-charge", true], ["sagir-written-take-charge", true]]);
    expect(await db.auditEntry.count({ where: { action: "catalogue_hours_changed" } })).toBe(0);
    const saved = await editCalendarHours({ user, input: { ...week("8:30-12:00, 13:00-16:30"), intent: "save" }, now: tuesday1330 });
    expect(saved.saved).toBe(true);
    expect(await db.calendarInterval.count({ where: { calendarId: "sagir", weekday: 2 } })).toBe(2);
    expect(await db.auditEntry.count({ where: { action: "catalogue_hours_changed" } })).toBe(1);
    const again = await editCalendarHours({ user, input: week("8:30-12:00, 13:00-16:30"), now: tuesday1330 });
    expect(again.impact.status.before.open).toBe(true);
  });

  it("shows a commitment counted on the hours moving: candidates' 10 business days end at the new closing", async () => {
    const user = await manager();
    const input = ZCalendarHours.parse({ calendarId: "cad-candidates", intent: "preview", d1: "8:30-12:00, 13:00-16:30", d2: "8:30-12:00, 13:00-16:00", d3: "10:00-12:00, 13:00-16:30", d4: "8:30-12:00, 13:00-16:30", d5: "8:30-12:00, 13:00-16:30" });
    const { impact } = await editCalendarHours({ user, input, now });
    const reply = impact.targets.find((i) => i.target.id === "cad-candidate-reply")!;
    // Monday 23 November + 10 business days (1 December is a holiday since the test above): Tuesday
    // 8 December, closing at 16:00 instead of 16:30.
    expect([new Date(reply.before).toISOString(), new Date(reply.after).toISOString()]).toEqual(["2026-12-08T21:30:00.000Z", "2026-12-08T21:00:00.000Z"]);
  });

  it("refuses unreadable, reversed or overlapping hours at the weekday's field, and a week with no opening", () => {
    const base = { calendarId: "sagir", intent: "save" };
    const fields = (input: Record<string, string>) => ZCalendarHours.safeParse({ ...base, ...input }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(fields({ d2: "14h-" })).toEqual([["d2", "hours.format"]]);
    expect(fields({ d1: "12:00-8:00", d3: "8:00-12:00, 11:00-13:00" })).toEqual([["d1", "hours.order"], ["d3", "hours.overlap"]]);
    expect(fields({})).toEqual([["d1", "hours.none"]]);
  });

  it("is for the managers of the calendar's services and the admin", async () => {
    const agent = await currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
    const dotationOnly = { ...(await manager()), services: ["ca-dotation"] };
    for (const user of [null, agent, dotationOnly]) await expect(editCalendarHours({ user, input: week(""), now: tuesday1330 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
