// The managers' holiday editing on the real database: add, move, delete, store a year by the rule;
// validation with field messages; an audit entry per change; a request received after a change
// gets the later due instant, one received before keeps its own; editors only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { ZHolidayAdd, ZHolidayDelete, ZHolidayMove, ZHolidayYear } from "../../src/schemas/catalogue-edit";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { addHoliday, deleteHoliday, generateHolidayYear, moveHoliday } from "../../src/server/services/edit-holidays";
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
