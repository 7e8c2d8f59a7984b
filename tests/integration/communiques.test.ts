// Communiqués on the real database: the audience (organizations, roles, SAGIR groups) counted and
// reached; unchanged content (service and SQL refuse any change once sent, the fingerprint is the
// SHA-256 of texts and files, a forwarded MO communiqué keeps its pilot's); a planned send goes out
// at its instant, once; two workers fan out and send one e-mail per person; questions open requests
// of the centre with its targets, answered together; an MO's questions go to its pilot; figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communiqueFingerprint } from "../../src/domain/communiques/fingerprint";
import { ZCommuniqueAnswer, ZCommuniqueDraft, ZMemberGroups } from "../../src/schemas/communique";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import {
  answerCommuniqueQuestions,
  askAboutCommunique,
  cancelPlannedCommunique,
  communiquesSentBetween,
  draftReplacement,
  forwardCommunique,
  listReceivedCommuniques,
  readCommunique,
  returnCommunique,
  runCommuniqueCycle,
  saveCommuniqueDraft,
  sendCommunique,
  setMemberGroups,
  submitCommunique,
  unreadCommuniques,
} from "../../src/server/services/communiques";
import { sendEmails, type MailTransport, type OutgoingMail } from "../../src/server/services/notifications";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec.
const monday10 = new Date("2026-11-23T15:00:00Z");
const minutes = (n: number) => new Date(monday10.getTime() + n * 60_000);
const as = (email: string) => currentUserFor(db, email);
const agent = () => as("agent.sagir@cspq.exemple.qc.ca");
const pilot = () => as("pilote@mfq.exemple.qc.ca");
const now = { when: "now", sendAt: null } as const;
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
const file = { filename: "avis-rh.pdf", contentType: "application/pdf", content: pdf, sha256: "3f".repeat(32) };
const draft = (values: Record<string, unknown> = {}) =>
  ZCommuniqueDraft.parse({
    service: "sagir",
    titleFr: "Nouvelle fonction de paie dans SAGIR",
    bodyFr: "La fonction de **paie rétroactive** est offerte dès lundi. Consultez le guide joint.",
    organizations: "adhered",
    roles: ["sagir_user", "mo_pilot"],
    groups: ["rh"],
    ...values,
  });

function capture(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { sent, send: async (m) => (sent.push(m), `<${sent.length}@test>`) };
}

let mfq: string;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, monday10);
  await seedDemoData(db);
  mfq = (await db.organization.findUniqueOrThrow({ where: { code: "MFQ" } })).id;
  // A second SAGIR user of the MFQ, in the RF group only.
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: "sagir@mfq.exemple.qc.ca" }, select: { passwordHash: true } });
  const rf = await db.user.create({ data: { email: "sagir.rf@mfq.exemple.qc.ca", name: "Paul Lévesque", role: "sagir_user", organizationId: mfq, passwordHash, locale: "en" } });
  await db.userService.create({ data: { userId: rf.id, serviceId: "sagir" } });
  await db.userSagirGroup.create({ data: { userId: rf.id, groupId: "rf" } });
  // The pilot puts their SAGIR user in the RH group.
  const julie = await db.user.findUniqueOrThrow({ where: { email: "sagir@mfq.exemple.qc.ca" } });
  await setMemberGroups({ user: await pilot(), input: ZMemberGroups.parse({ userId: julie.id, groups: ["rh", "lsh-employee"] }), now: monday10 });
});
afterAll(() => db.$disconnect());

describe("a DGGIR communiqué to the RH users of adhered MOs", () => {
  let id: string;

  it("counts its audience before sending; sends it numbered, with the fingerprint of its texts and files", async () => {
    id = (await saveCommuniqueDraft({ user: await agent(), input: draft(), now: minutes(0), files: [file] })).id;
    const before = await readCommunique({ user: await agent(), id, locale: "fr", now: minutes(0) });
    // Julie (RH) and the pilot (always); not Paul (RF), not MCC's SAGIR user (not adhered), not the specialists.
    expect(before.manage?.reach).toBe(2);
    expect(before.status).toBe("draft");
    const sent = await sendCommunique({ user: await agent(), id, send: now, now: minutes(1) });
    expect(sent).toMatchObject({ number: "COM-SAG-2026-001", reached: 2, at: null });
    const row = await db.communique.findUniqueOrThrow({ where: { id } });
    expect(row.fingerprint).toBe(communiqueFingerprint({ titleFr: row.titleFr, bodyFr: row.bodyFr, titleEn: null, bodyEn: null, files: [file] }));
    expect(await db.auditEntry.count({ where: { action: "communique_sent" } })).toBe(1);
  });

  it("reaches the audience in the app (unread count, read receipt) and nobody else (404)", async () => {
    expect(await runCommuniqueCycle(db, minutes(1))).toEqual({ released: 0, delivered: 2 });
    const julie = await as("sagir@mfq.exemple.qc.ca");
    expect(await unreadCommuniques(julie)).toBe(1);
    const list = await listReceivedCommuniques({ user: julie, locale: "fr" });
    expect(list.items.map((c) => [c.number, c.read])).toEqual([["COM-SAG-2026-001", false]]);
    const view = await readCommunique({ user: julie, id, locale: "fr", now: minutes(5) });
    expect(view).toMatchObject({ received: true, manage: null, files: [{ filename: "avis-rh.pdf" }] });
    expect(await unreadCommuniques(julie)).toBe(0);
    for (const outsider of ["sagir.rf@mfq.exemple.qc.ca", "sagir@mcc.exemple.qc.ca", "specialiste@mfq.exemple.qc.ca", "agent.dotation@cspq.exemple.qc.ca"]) {
      await expect(readCommunique({ user: await as(outsider), id, locale: "fr", now: minutes(5) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(readCommunique({ user: null, id, locale: "fr", now: minutes(5) })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends each person one e-mail with the text as written, the file and the fingerprint, in their language", async () => {
    const transport = capture();
    await sendEmails(db, transport, minutes(2));
    const mine = transport.sent.filter((m) => m.headers?.["X-Guichet-Communique"] === "COM-SAG-2026-001");
    expect(mine.map((m) => m.to).sort()).toEqual(["pilote@mfq.exemple.qc.ca", "sagir@mfq.exemple.qc.ca"]);
    const row = await db.communique.findUniqueOrThrow({ where: { id } });
    for (const m of mine) {
      expect(m.subject).toBe("[COM-SAG-2026-001] Nouvelle fonction de paie dans SAGIR");
      expect(m.text).toContain("La fonction de **paie rétroactive** est offerte dès lundi.");
      expect(m.text).toContain(row.fingerprint!);
      expect(m.attachments?.map((a) => [a.filename, a.content.equals(pdf)])).toEqual([["avis-rh.pdf", true]]);
    }
    const figures = (await readCommunique({ user: await agent(), id, locale: "fr", now: minutes(6) })).manage!.figures!;
    expect(figures).toMatchObject({ reached: 2, emailsSent: 2, emailsFailed: 0, emailsQueued: 0, read: 1, questions: 0 });
  });

  it("refuses any change once sent, in the service and in SQL (texts, files, status, deletion)", async () => {
    await expect(saveCommuniqueDraft({ user: await agent(), input: draft({ id, titleFr: "Titre changé après l'envoi" }), now: minutes(7) })).rejects.toMatchObject({ code: "REFUSED" });
    await expect(db.$executeRaw`UPDATE communique SET body_fr = 'Autre texte' WHERE id = ${id}::uuid`).rejects.toThrow(/content cannot change/);
    await expect(db.$executeRaw`UPDATE communique SET audience = '{}'::jsonb WHERE id = ${id}::uuid`).rejects.toThrow(/content cannot change/);
    await expect(db.$executeRaw`UPDATE communique SET status = 'draft' WHERE id = ${id}::uuid`).rejects.toThrow(/is sent/);
    await expect(db.$executeRaw`DELETE FROM communique WHERE id = ${id}::uuid`).rejects.toThrow(/cannot be deleted/);
    await expect(db.$executeRaw`UPDATE communique_attachment SET data = '\\x00'::bytea WHERE communique_id = ${id}::uuid`).rejects.toThrow(/files cannot change/);
    await expect(db.$executeRaw`DELETE FROM communique_attachment WHERE communique_id = ${id}::uuid`).rejects.toThrow(/files cannot change/);
    const row = await db.communique.findUniqueOrThrow({ where: { id }, include: { attachments: true } });
    expect([row.bodyFr, row.status, row.attachments.length]).toEqual(["La fonction de **paie rétroactive** est offerte dès lundi. Consultez le guide joint.", "sent", 1]);
  });

  it("is corrected by a new communiqué that replaces it: both readable, linked", async () => {
    const { id: correction } = await draftReplacement({ user: await agent(), id, now: minutes(8) });
    await saveCommuniqueDraft({ user: await agent(), input: draft({ id: correction, bodyFr: "La fonction de paie rétroactive est offerte dès mardi (et non lundi)." }), now: minutes(9) });
    await sendCommunique({ user: await agent(), id: correction, send: now, now: minutes(10) });
    const julie = await as("sagir@mfq.exemple.qc.ca");
    await runCommuniqueCycle(db, minutes(10));
    const old = await readCommunique({ user: julie, id, locale: "fr", now: minutes(11) });
    const fresh = await readCommunique({ user: julie, id: correction, locale: "fr", now: minutes(11) });
    expect(old.replacedBy?.number).toBe("COM-SAG-2026-002");
    expect(fresh.replaces?.number).toBe("COM-SAG-2026-001");
    expect(fresh.files.map((f) => f.filename)).toEqual(["avis-rh.pdf"]);
    await expect(draftReplacement({ user: await agent(), id, now: minutes(12) })).resolves.toEqual({ id: correction });
  });

  it("opens a question as an Outil Requête request linked to it, answered with others at once, on time", async () => {
    const julie = await as("sagir@mfq.exemple.qc.ca");
    const nathalie = await pilot();
    const q1 = await askAboutCommunique({ user: julie, id, input: { message: "Est-ce que la paie rétroactive touche les occasionnels ?" }, now: minutes(20), locale: "fr" });
    const q2 = await askAboutCommunique({ user: nathalie, id, input: { message: "Faut-il former nos gestionnaires avant lundi ?" }, now: minutes(21), locale: "fr" });
    const request = await db.request.findUniqueOrThrow({ where: { number: q1.number }, include: { targets: true } });
    expect(request).toMatchObject({ serviceId: "sagir", channel: "request-tool", type: "communique-question", communiqueId: id, assigneeId: null });
    expect(request.targets.map((t) => t.metric)).toContain("take-in-charge");
    // Not a recipient: cannot ask.
    await expect(askAboutCommunique({ user: await as("sagir.rf@mfq.exemple.qc.ca"), id, input: { message: "Et pour nous au groupe RF ?" }, now: minutes(22), locale: "fr" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The SAGIR centre reviews its resolutions: an answer that resolves waits for a second agent…
    const q3 = await askAboutCommunique({ user: julie, id, input: { message: "Une troisième question, sur la révision." }, now: minutes(22), locale: "fr" });
    const held = await answerCommuniqueQuestions({ user: await agent(), id, input: ZCommuniqueAnswer.parse({ numbers: [q3.number], body: "Réponse gardée pour la révision." }), now: minutes(30) });
    expect(held).toEqual([{ number: q3.number, ok: true, held: true }]);
    expect(await db.message.count({ where: { request: { number: q3.number }, visibility: "review" } })).toBe(1);
    // … and goes out at once where the centre does not.
    await db.service.update({ where: { id: "sagir" }, data: { reviewResolutions: false } });
    const outcomes = await answerCommuniqueQuestions({ user: await agent(), id, input: ZCommuniqueAnswer.parse({ numbers: [q1.number, q2.number], body: "Oui : la fonction vise tous les employés, sans formation préalable." }), now: minutes(40) });
    expect(outcomes).toEqual([{ number: q1.number, ok: true, held: false }, { number: q2.number, ok: true, held: false }]);
    for (const number of [q1.number, q2.number]) {
      const r = await db.request.findUniqueOrThrow({ where: { number }, include: { messages: { where: { authorKind: "agent", visibility: "public", systemKind: null } } } });
      expect(r.status).toBe("resolved");
      expect(r.messages.map((m) => m.body)).toEqual(["Oui : la fonction vise tous les employés, sans formation préalable."]);
    }
    // The managers' figures of the communiqué and of the month's report agree.
    const figures = (await readCommunique({ user: await as("gestionnaire@cspq.exemple.qc.ca"), id, locale: "fr", now: minutes(41) })).manage!.figures!;
    // The held answer is not out yet: 3 questions, 2 answered on time.
    expect(figures).toMatchObject({ questions: 3, answered: 2, answeredOnTime: 2 });
    const month = await communiquesSentBetween(db, ["sagir"], new Date("2026-11-01T04:00:00Z"), new Date("2026-12-01T05:00:00Z"));
    expect(month.find((c) => c.id === id)?.figures).toEqual(figures);
    // A manager sees the questions but answers none: that is the agents' work.
    await expect(answerCommuniqueQuestions({ user: await as("gestionnaire@cspq.exemple.qc.ca"), id, input: ZCommuniqueAnswer.parse({ numbers: [q1.number], body: "Une réponse de gestionnaire." }), now: minutes(42) })).rejects.toMatchObject({ code: "REFUSED" });
  });
});

describe("a planned communiqué", () => {
  it("goes out at its instant, once, whoever runs the cycle", async () => {
    const { id } = await saveCommuniqueDraft({ user: await agent(), input: draft({ groups: [] }), now: minutes(0) });
    // 11:30 in Québec.
    const planned = await sendCommunique({ user: await agent(), id, send: { when: "later", sendAt: "2026-11-23T11:30" }, now: minutes(0) });
    expect(planned.at).toEqual(minutes(90));
    expect(await runCommuniqueCycle(db, minutes(89))).toEqual({ released: 0, delivered: 0 });
    expect(await db.communiqueRecipient.count({ where: { communiqueId: id } })).toBe(0);
    const [a, b] = await Promise.all([runCommuniqueCycle(db, minutes(90)), runCommuniqueCycle(db, minutes(90))]);
    expect(a.released + b.released).toBe(1);
    expect(await runCommuniqueCycle(db, minutes(91))).toEqual({ released: 0, delivered: 0 });
    // Everyone of the roles in adhered MOs: Julie, Paul, the pilot.
    expect(await db.communiqueRecipient.count({ where: { communiqueId: id } })).toBe(3);
    expect(await db.emailOutbox.count({ where: { communiqueId: id } })).toBe(3);
    expect((await db.communique.findUniqueOrThrow({ where: { id } })).sentAt).toEqual(minutes(90));
    // Paul chose English: his copy's subject is the English title when there is one, else the French.
    expect((await db.emailOutbox.findFirstOrThrow({ where: { communiqueId: id, user: { email: "sagir.rf@mfq.exemple.qc.ca" } } })).locale).toBe("en");
  });

  it("can be cancelled before its instant, and then nobody gets it", async () => {
    const { id } = await saveCommuniqueDraft({ user: await agent(), input: draft(), now: minutes(0) });
    await sendCommunique({ user: await agent(), id, send: { when: "later", sendAt: "2026-11-23T12:00" }, now: minutes(0) });
    await cancelPlannedCommunique({ user: await agent(), id, now: minutes(10) });
    await runCommuniqueCycle(db, minutes(200));
    expect(await db.communique.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "draft", sentAt: null });
    expect(await db.communiqueRecipient.count({ where: { communiqueId: id } })).toBe(0);
  });
});

describe("two workers", () => {
  it("fan a communiqué out and send its e-mails once per person", async () => {
    // 60 more SAGIR users in the MFQ.
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: "sagir@mfq.exemple.qc.ca" }, select: { passwordHash: true } });
    await db.user.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ email: `lot${i}@mfq.exemple.qc.ca`, name: `Personne ${i}`, role: "sagir_user" as const, organizationId: mfq, passwordHash })) });
    const lot = await db.user.findMany({ where: { email: { startsWith: "lot" } }, select: { id: true } });
    await db.userService.createMany({ data: lot.map((u) => ({ userId: u.id, serviceId: "sagir" })) });
    // Whatever is still in the outbox goes first.
    await sendEmails(db, capture(), minutes(100));
    const { id } = await saveCommuniqueDraft({ user: await agent(), input: draft({ groups: [], roles: ["sagir_user"] }), now: minutes(100) });
    await sendCommunique({ user: await agent(), id, send: now, now: minutes(100) });
    const [a, b] = await Promise.all([runCommuniqueCycle(db, minutes(100), { batch: 7 }), runCommuniqueCycle(db, minutes(100), { batch: 7 })]);
    expect(a.delivered + b.delivered).toBe(62);
    expect(await db.communiqueRecipient.count({ where: { communiqueId: id } })).toBe(62);
    expect(await db.emailOutbox.count({ where: { communiqueId: id } })).toBe(62);
    const one = capture();
    const two = capture();
    await Promise.all([sendEmails(db, one, minutes(101)), sendEmails(db, two, minutes(101))]);
    const addresses = [...one.sent, ...two.sent].map((m) => m.to);
    expect(addresses).toHaveLength(62);
    expect(new Set(addresses).size).toBe(62);
    expect(await db.communiqueRecipient.count({ where: { communiqueId: id, emailStatus: "sent" } })).toBe(62);
  });
});

describe("an MO's communiqué", () => {
  it("is submitted by its pilot, returned with a reason, corrected, then forwarded unchanged to its own people only", async () => {
    const nathalie = await pilot();
    // Whatever organizations the form sent, an MO reaches its own people.
    const { id } = await saveCommuniqueDraft({ user: nathalie, input: draft({ organizations: "all", roles: ["sagir_user"], groups: ["rf"], titleFr: "Fermeture du module RF au MFQ" }), now: minutes(0) });
    expect((await db.communique.findUniqueOrThrow({ where: { id } })).audience).toEqual({ organizations: "list", organizationIds: [mfq], roles: ["sagir_user"], groups: ["rf"] });
    // The centre does not see an MO's draft.
    await expect(readCommunique({ user: await agent(), id, locale: "fr", now: minutes(1) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { fingerprint: first } = await submitCommunique({ user: nathalie, id, now: minutes(1) });
    await expect(saveCommuniqueDraft({ user: nathalie, input: draft({ id, titleFr: "Changé après soumission" }), now: minutes(2) })).rejects.toMatchObject({ code: "REFUSED" });
    await returnCommunique({ user: await agent(), id, reason: "Précisez la date de réouverture du module.", now: minutes(3) });
    await saveCommuniqueDraft({ user: nathalie, input: draft({ id, organizations: "all", roles: ["sagir_user"], groups: ["rf"], titleFr: "Fermeture du module RF au MFQ", bodyFr: "Le module RF sera fermé du 1er au 3 décembre; réouverture le 4 décembre à 8 h." }), now: minutes(4) });
    const { fingerprint } = await submitCommunique({ user: nathalie, id, now: minutes(5) });
    expect(fingerprint).not.toBe(first);
    await expect(sendCommunique({ user: await agent(), id, send: now, now: minutes(6) })).rejects.toMatchObject({ code: "REFUSED" });
    await expect(forwardCommunique({ user: await as("agent.dotation@cspq.exemple.qc.ca"), id, send: now, now: minutes(6) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await forwardCommunique({ user: await agent(), id, send: now, now: minutes(6) });
    const row = await db.communique.findUniqueOrThrow({ where: { id }, include: { forwardedBy: true } });
    expect(row).toMatchObject({ status: "sent", fingerprint, forwardedBy: { email: "agent.sagir@cspq.exemple.qc.ca" } });
    await runCommuniqueCycle(db, minutes(6));
    const reached = await db.communiqueRecipient.findMany({ where: { communiqueId: id }, select: { user: { select: { email: true } } } });
    // Paul, the MFQ's only RF user (the pilot did not address pilots): never another MO's people.
    expect(reached.map((r) => r.user.email)).toEqual(["sagir.rf@mfq.exemple.qc.ca"]);
  });

  it("routes its questions to the MO's pilot, who answers them; the centre's agents do not", async () => {
    const row = await db.communique.findFirstOrThrow({ where: { source: "mo", status: "sent" } });
    const paul = await as("sagir.rf@mfq.exemple.qc.ca");
    const { number } = await askAboutCommunique({ user: paul, id: row.id, input: { message: "Pourrons-nous saisir les factures le 3 décembre ?" }, now: minutes(30), locale: "en" });
    const request = await db.request.findUniqueOrThrow({ where: { number }, include: { assignee: true } });
    expect(request.assignee?.email).toBe("pilote@mfq.exemple.qc.ca");
    expect(request.subject).toMatch(/^Question about COM-SAG-2026-\d{3} — /);
    await expect(answerCommuniqueQuestions({ user: await agent(), id: row.id, input: ZCommuniqueAnswer.parse({ numbers: [number], body: "Réponse du centre." }), now: minutes(31) })).rejects.toMatchObject({ code: "REFUSED" });
    const outcomes = await answerCommuniqueQuestions({ user: await pilot(), id: row.id, input: ZCommuniqueAnswer.parse({ numbers: [number], body: "Non : la saisie reprend le 4 décembre." }), now: minutes(32) });
    expect(outcomes).toEqual([{ number, ok: true, held: false }]);
    const answered = await db.request.findUniqueOrThrow({ where: { number }, include: { messages: { where: { visibility: "public", authorKind: "agent", systemKind: null } }, outboundEmails: true } });
    expect(answered.status).toBe("resolved");
    expect(answered.messages[0]?.body).toBe("Non : la saisie reprend le 4 décembre.");
    expect(answered.outboundEmails.some((e) => e.kind === "answer" || e.kind === "resolved")).toBe(true);
  });
});
