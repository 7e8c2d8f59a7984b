// The queue's bulk actions on the real database: each ticked request checked at the version the
// agent saw; one changed meanwhile is refused and reported, the others done; a request of another
// service is not touched; the input is the form's schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZBulkInput, ZSavedViewInput } from "../../src/schemas/console";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { bulkHandle } from "../../src/server/services/bulk-handle";
import { readSavedViews, removeView, saveView } from "../../src/server/services/saved-views";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { takeInCharge } from "../../src/server/services/handle-request";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-11-23T16:00:00Z");
const inquiry = async (subject: string) =>
  (await createCandidateInquiry({ input: ZCandidateInquiryInput.parse({ name: "Camille Roy", email: "camille@exemple.ca", subject, topic: "online-systems", message: "Une question de la file." }), receivedAt: new Date("2026-11-23T15:00:00Z") })).number;
const stored = (number: string) => db.request.findUniqueOrThrow({ where: { number }, select: { status: true, assigneeId: true, version: true } });

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("bulk actions", () => {
  it("takes in charge the requests at the version seen; one changed meanwhile is reported, not overwritten", async () => {
    const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    const [a, b, c] = [await inquiry("Première"), await inquiry("Deuxième"), await inquiry("Troisième")];
    const sagir = await db.request.create({
      data: { number: "SAG-2026-900002", serviceId: "sagir", audienceId: "sagir-user", channel: "request-tool", type: "access", subject: "Accès", receivedAt: now },
      select: { number: true },
    });
    // Someone else takes b in charge after the agent loaded the queue (version 0 → 1).
    const other = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    await takeInCharge({ user: other, number: b, expectedVersion: 0, now });
    const input = ZBulkInput.parse({ action: "take", selected: [`${a}@0`, `${b}@0`, `${c}@0`, `${sagir.number}@0`] });
    const outcomes = await bulkHandle({ user: agent, serviceId: "ca-dotation", input, now });
    expect(outcomes.map((o) => [o.number, o.ok, o.ok ? null : o.code])).toEqual([
      [a, true, null],
      [b, false, "CONFLICT"],
      [c, true, null],
      [sagir.number, false, "NOT_FOUND"],
    ]);
    expect(await stored(a)).toMatchObject({ status: "in_progress", assigneeId: agent.id, version: 1 });
    expect(await stored(c)).toMatchObject({ status: "in_progress", assigneeId: agent.id });
    expect(await stored(b)).toMatchObject({ version: 1 });
    expect(await stored(sagir.number)).toMatchObject({ status: "new", assigneeId: null, version: 0 });
  });

  it("reassigns to nobody and changes the status; the schema refuses an empty selection or a missing status, in French", async () => {
    const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    const d = await inquiry("Quatrième");
    await bulkHandle({ user: agent, serviceId: "ca-dotation", input: ZBulkInput.parse({ action: "take", selected: [`${d}@0`] }), now });
    expect((await bulkHandle({ user: agent, serviceId: "ca-dotation", input: ZBulkInput.parse({ action: "reassign", assigneeId: "", selected: [`${d}@1`] }), now }))[0]).toMatchObject({ ok: true });
    expect(await stored(d)).toMatchObject({ assigneeId: null });
    const { version } = await stored(d);
    await bulkHandle({ user: agent, serviceId: "ca-dotation", input: ZBulkInput.parse({ action: "status", status: "waiting_requester", selected: [`${d}@${version}`] }), now });
    expect(await stored(d)).toMatchObject({ status: "waiting_requester" });

    expect(ZBulkInput.safeParse({ action: "take", selected: [] }).error?.issues[0]?.message).toBe("bulk.none");
    expect(ZBulkInput.safeParse({ action: "status", status: "", selected: [`${d}@0`] }).error?.issues[0]).toMatchObject({ path: ["status"], message: "required" });
    expect(ZBulkInput.safeParse({ action: "take", selected: ["CAD-2026-1@x"] }).success).toBe(false);
  });
});

describe("saved views", () => {
  it("an agent saves the queue's filters under a name (paging and unknown parameters left out), reads them back, deletes them; never another agent's", async () => {
    const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    const sagirAgent = await currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
    await saveView({ user: agent, serviceId: "ca-dotation", input: ZSavedViewInput.parse({ name: "  Courriels urgents ", query: "urgent=1&channel=email&after=abc&back=0&evil=1" }) });
    const views = await readSavedViews({ user: agent, serviceId: "ca-dotation" });
    expect(views.map((v) => [v.name, v.query])).toEqual([["Courriels urgents", "channel=email&urgent=1"]]);
    // Saved again under the same name: replaced, not doubled.
    await saveView({ user: agent, serviceId: "ca-dotation", input: ZSavedViewInput.parse({ name: "Courriels urgents", query: "channel=email" }) });
    expect((await readSavedViews({ user: agent, serviceId: "ca-dotation" })).map((v) => v.query)).toEqual(["channel=email"]);
    // Another service's agent: not found, for reading, saving and deleting.
    await expect(readSavedViews({ user: sagirAgent, serviceId: "ca-dotation" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeView({ user: sagirAgent, serviceId: "sagir", id: views[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await readSavedViews({ user: agent, serviceId: "ca-dotation" })).toHaveLength(1);
    await removeView({ user: agent, serviceId: "ca-dotation", id: views[0]!.id });
    expect(await readSavedViews({ user: agent, serviceId: "ca-dotation" })).toEqual([]);
    expect(ZSavedViewInput.safeParse({ name: "   ", query: "" }).error?.issues[0]?.message).toBe("required");
  });
});
