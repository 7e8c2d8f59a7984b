// The managers' commitment editing on the real database: preview without saving, save (audited,
// before and after); a request received after the change gets the new allowed time, one received
// before keeps its own (its targets are copied at receipt); validation with a message at the
// field, nothing changed; a save over someone else's change is refused; editors only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "../../src/domain/catalogue/default-catalogue";
import { targetSignature, ZTargetEdit } from "../../src/schemas/catalogue-edit";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { editTarget } from "../../src/server/services/edit-targets";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec.
const now = new Date("2026-11-23T15:00:00Z");
const REPLY = DEFAULT_CATALOGUE.targets.find((t) => t.id === "cad-candidate-reply")!;
const manager = () => currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
const form = (values: Record<string, string>) => ZTargetEdit.parse({ targetId: REPLY.id, seen: targetSignature(REPLY), calendarId: REPLY.calendarId, "channel:phone": "on", "channel:email": "on", "channel:web": "on", ...values });

async function inquiry(receivedAt: Date) {
  const input = ZCandidateInquiryInput.parse({ name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject: "Question", topic: "online-systems", message: "Une question sur le système de candidature en ligne." });
  const { number } = await createCandidateInquiry({ input, receivedAt });
  return db.requestTarget.findMany({ where: { request: { number } }, select: { targetId: true, amount: true, unit: true, clock: true, dueAt: true } });
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("commitment editing", () => {
  it("previews without saving, then saves (audited); requests received after get the new time, earlier ones keep theirs", async () => {
    const user = await manager();
    const earlier = await inquiry(now);
    expect(earlier).toMatchObject([{ targetId: REPLY.id, amount: 10, unit: "days", dueAt: new Date("2026-12-07T21:30:00Z") }]);

    const preview = await editTarget({ user, input: form({ amount: "5", unit: "days", clock: "business-days", intent: "preview" }), now });
    expect(preview.saved).toBe(false);
    // Ten business days from Monday 23 November end Monday 7 December at 16:30; five end Monday 30 November.
    expect([preview.impact.dueAt.before, preview.impact.dueAt.after].map((ms) => new Date(ms).toISOString())).toEqual(["2026-12-07T21:30:00.000Z", "2026-11-30T21:30:00.000Z"]);
    expect(preview.impact.riskAt.after).toBeGreaterThan(now.getTime());
    expect(preview.impact.riskAt.after).toBeLessThan(preview.impact.dueAt.after);
    expect(preview.impact.riskAt.after).toBeLessThan(preview.impact.riskAt.before);
    expect(await db.target.findUniqueOrThrow({ where: { id: REPLY.id } })).toMatchObject({ amount: 10 });
    expect(await db.auditEntry.count({ where: { action: "catalogue_target_changed" } })).toBe(0);

    const saved = await editTarget({ user, input: form({ amount: "5", unit: "days", clock: "business-days", intent: "save" }), now });
    expect(saved.saved).toBe(true);
    expect(await db.target.findUniqueOrThrow({ where: { id: REPLY.id } })).toMatchObject({ amount: 5, unit: "days", clock: "business-days" });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "catalogue_target_changed" } });
    expect(audit).toMatchObject({ requestId: null, actorUserId: user.id, data: { targetId: REPLY.id, before: { amount: 10, unit: "days" }, after: { amount: 5, unit: "days" } } });

    const later = await inquiry(new Date(now.getTime() + 60_000));
    expect(later).toMatchObject([{ targetId: REPLY.id, amount: 5, dueAt: new Date("2026-11-30T21:30:00Z") }]);
    // The request received before keeps its allowed time and due instant.
    const kept = await db.requestTarget.findMany({ where: { targetId: REPLY.id, amount: 10 } });
    expect(kept.map((t) => t.dueAt.toISOString())).toEqual(["2026-12-07T21:30:00.000Z"]);
  });

  it("changes clock, calendar-bound counting and channels: a channel removed no longer gets the commitment", async () => {
    const user = await manager();
    const seen = targetSignature({ ...REPLY, amount: 5 });
    const input = ZTargetEdit.parse({ targetId: REPLY.id, seen, intent: "save", amount: "48", unit: "hours", clock: "business-day-time", calendarId: REPLY.calendarId, "channel:phone": "on", "channel:email": "on" });
    const { impact } = await editTarget({ user, input, now });
    expect(impact.channelsRemoved).toEqual(["web"]);
    // 48 hours of business days from Monday 10:00: Wednesday 10:00.
    expect(new Date(impact.dueAt.after).toISOString()).toBe("2026-11-25T15:00:00.000Z");
    expect((await db.targetChannel.findMany({ where: { targetId: REPLY.id }, orderBy: { channelId: "asc" } })).map((c) => c.channelId)).toEqual(["email", "phone"]);
    // A web inquiry received now: no reply commitment any more.
    expect(await inquiry(new Date(now.getTime() + 120_000))).toEqual([]);
  });

  it("refuses what cannot be, with a message at the field, and changes nothing", async () => {
    const issues = (values: Record<string, string>) =>
      ZTargetEdit.safeParse({ targetId: REPLY.id, seen: "", calendarId: REPLY.calendarId, "channel:phone": "on", amount: "5", unit: "days", clock: "business-days", ...values }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ amount: "0" })).toEqual([["amount", "target.amount"]]);
    expect(issues({ amount: "-3" })).toEqual([["amount", "target.amount"]]);
    expect(issues({ amount: "2.5" })).toEqual([["amount", "target.amount"]]);
    expect(issues({ amount: "cinq" })).toEqual([["amount", "target.amount"]]);
    expect(issues({ amount: "61" })).toEqual([["amount", "target.amountMax.days"]]);
    expect(issues({ unit: "hours" })).toEqual([["unit", "target.unitClock"]]);
    expect(issues({ unit: "days", clock: "elapsed" })).toEqual([["unit", "target.unitClock"]]);
    expect(issues({ unit: "weeks" })).toEqual([["unit", "choice.invalid"]]);
    expect(issues({ "channel:phone": "" })).toEqual([["channels", "target.channels"]]);
    expect(issues({ "channel:pigeon": "on" })).toEqual([["channels", "choice.invalid"]]);

    const user = await manager();
    const before = await db.target.findUniqueOrThrow({ where: { id: REPLY.id }, include: { channels: true } });
    const audits = await db.auditEntry.count();
    const seen = targetSignature({ ...before, channels: before.channels.map((c) => c.channelId) });
    const base = { targetId: REPLY.id, seen, intent: "save", amount: "3", unit: "days", clock: "business-days", calendarId: REPLY.calendarId, "channel:email": "on" };
    // Another service's calendar; a channel candidates do not use.
    await expect(editTarget({ user, input: ZTargetEdit.parse({ ...base, calendarId: "sagir" }), now })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { calendarId: expect.anything() } });
    await expect(editTarget({ user, input: ZTargetEdit.parse({ ...base, "channel:fax": "on" }), now })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { channels: expect.anything() } });
    // A save from a page read before someone else's change.
    await expect(editTarget({ user, input: ZTargetEdit.parse({ ...base, seen: targetSignature(REPLY) }), now })).rejects.toMatchObject({ code: "CONFLICT", details: { current: { amount: 48, unit: "hours" } } });
    // Saving what is in force: nothing written.
    const same = await editTarget({ user, input: ZTargetEdit.parse({ ...base, amount: "48", unit: "hours", clock: "business-day-time", "channel:phone": "on" }), now });
    expect(same).toMatchObject({ saved: false, unchanged: true });
    expect(await db.target.findUniqueOrThrow({ where: { id: REPLY.id }, include: { channels: true } })).toEqual(before);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("is for the managers of the target's service and the admin; others find nothing", async () => {
    const input = ZTargetEdit.parse({ targetId: "sagir-phone-take-charge", intent: "preview", amount: "10", unit: "minutes", clock: "elapsed", calendarId: "sagir", "channel:phone": "on" });
    const dotationOnly = { ...(await manager()), services: ["ca-dotation"] };
    const others = [null, dotationOnly, await currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca"), await currentUserFor(db, "sagir@mfq.exemple.qc.ca"), await currentUserFor(db, "pilote@mfq.exemple.qc.ca")];
    for (const user of others) await expect(editTarget({ user, input, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const sagirOnly = { ...(await manager()), services: ["sagir"] };
    for (const user of [sagirOnly, await currentUserFor(db, "admin@cspq.exemple.qc.ca")]) {
      const { impact } = await editTarget({ user, input, now });
      expect(impact.dueAt.after - now.getTime()).toBe(10 * 60_000);
    }
    await expect(editTarget({ user: await manager(), input: { ...input, targetId: "no-such-target" }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
