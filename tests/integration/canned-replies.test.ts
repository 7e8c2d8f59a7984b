// A service's canned replies, kept by its managers: placeholders checked with the form's schema,
// previews filled from the catalogue in force, withdrawn replies no longer offered (nor re-added
// by the seed), every save audited before/after; another service's manager and agents refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANNED_REPLIES } from "../../src/domain/requests/canned-replies";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { ZCannedReplyInput } from "../../src/schemas/canned-reply";
import { listCannedReplies, seedCannedReplies } from "../../src/server/repositories/console-repository";
import { readCannedReplies, saveCannedReply } from "../../src/server/services/canned-replies";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-11-24T15:00:00Z");
const manager = () => currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
const input = (values: Record<string, unknown>) =>
  parseInput(ZCannedReplyInput, { kind: "answer", titleFr: "Accès à SAGIR", titleEn: "SAGIR access", bodyFr: "Bonjour, votre requête {numero} : appelez-nous au {telephones}, {heures}.", bodyEn: "Hello, your request {numero}: call us at {telephones}, {heures}.", active: "on", ...values });

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("canned replies", () => {
  it("refuses an unknown placeholder, and {date} outside a delay notice, at the text's field", () => {
    expect(() => input({ bodyFr: "Bonjour {nom}, votre requête {numero} est reçue." })).toThrow(expect.objectContaining({ fields: { bodyFr: expect.objectContaining({ fr: expect.stringContaining("espace réservé inconnu") }) } }));
    expect(() => input({ bodyEn: "We will answer by {date} at the latest." })).toThrow(expect.objectContaining({ fields: { bodyEn: expect.objectContaining({ fr: expect.stringContaining("avis de délai") }) } }));
    expect(input({ kind: "delay_notice", bodyFr: "Nous répondrons au plus tard le {date}.", bodyEn: "We will answer by {date} at the latest." }).kind).toBe("delay_notice");
  });

  it("adds a reply, previewed with the catalogue's phones and hours, and offered to agents", async () => {
    const id = await saveCannedReply({ user: await manager(), serviceId: "sagir", input: input({}), now });
    const { replies } = await readCannedReplies({ user: await manager(), serviceId: "sagir" });
    const added = replies.find((r) => r.id === id)!;
    expect(added.preview.fr).toMatch(/^Bonjour, votre requête SAG-2026-000123 : appelez-nous au .*\d.*, (du|le) /);
    expect(added.preview.fr).not.toContain("{");
    expect((await listCannedReplies(db, "sagir")).map((r) => r.id)).toContain(id);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "canned_reply_saved" } });
    expect(entry.data).toMatchObject({ serviceId: "sagir", replyId: id, before: null, after: { titleFr: "Accès à SAGIR", active: true } });
  });

  it("edits and withdraws a seeded reply: no longer offered, not re-added by the seed, audited before/after", async () => {
    const seeded = CANNED_REPLIES.find((r) => r.serviceId === "sagir" && r.kind === "answer")!;
    await saveCannedReply({ user: await manager(), serviceId: "sagir", input: input({ id: seeded.id, titleFr: "Mot de passe SAGIR", active: "" }), now });
    expect((await listCannedReplies(db, "sagir")).map((r) => r.id)).not.toContain(seeded.id);
    await seedCannedReplies(db, CANNED_REPLIES);
    const all = await listCannedReplies(db, "sagir", { withDisabled: true });
    expect(all.find((r) => r.id === seeded.id)).toMatchObject({ titleFr: "Mot de passe SAGIR", disabledAt: now });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "canned_reply_saved", data: { path: ["replyId"], equals: seeded.id } } });
    expect(entry.data).toMatchObject({ before: { titleFr: seeded.title.fr, active: true }, after: { titleFr: "Mot de passe SAGIR", active: false } });
  });

  it("is its service's managers' (and the admin's): not an agent's, not another service's reply", async () => {
    for (const email of ["agent.sagir@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      const user = await currentUserFor(db, email);
      await expect(readCannedReplies({ user, serviceId: "sagir" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(saveCannedReply({ user, serviceId: "sagir", input: input({}), now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const caDotation = CANNED_REPLIES.find((r) => r.serviceId === "ca-dotation")!;
    await expect(saveCannedReply({ user: await manager(), serviceId: "sagir", input: input({ id: caDotation.id }), now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await readCannedReplies({ user: await currentUserFor(db, "admin@cspq.exemple.qc.ca"), serviceId: "ca-dotation" })).replies.length).toBeGreaterThan(0);
  });
});
