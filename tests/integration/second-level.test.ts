// Second level, follow-up, quality review and the managers' read-only view, on the real database:
// a manager keeps the service's contacts; an agent forwards a SAGIR request to one by e-mail (the
// requester's address never in it) with a follow-up date; the request shows « en attente du second
// niveau » in the queue; the contact's reply by e-mail threads back as an internal message and
// ends the wait; the follow-up date notifies in open hours only, once; a SAGIR resolution waits for
// a second agent, who returns it with a comment or approves it (then it goes out and the targets
// are met at approval); the dashboard counts all of it; a manager reads a request, never acts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZQueueQuery, ZReplyInput } from "../../src/schemas/console";
import { ZSagirRequestInput } from "../../src/schemas/sagir-request";
import { ZContactInput, ZForwardInput, ZReviewDecisionInput } from "../../src/schemas/second-level";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { readConsoleRequest, readQueue } from "../../src/server/services/agent-console";
import { createSagirRequest } from "../../src/server/services/create-sagir-request";
import { readDashboard } from "../../src/server/services/dashboard";
import { replyToRequest, takeInCharge } from "../../src/server/services/handle-request";
import { runNotificationCycle, type MailTransport } from "../../src/server/services/notifications";
import { decideResolution } from "../../src/server/services/quality-review";
import { processInboundEmail, storeInboundEmail } from "../../src/server/services/receive-email";
import { addContact, changeContact, forwardToSecondLevel, readContacts, recordSecondLevelAnswer } from "../../src/server/services/second-level";
import { connectTestDb, truncateAll } from "../support/db";
import { SAGIR_SAMPLES } from "../support/sagir-samples";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const BASE = "https://guichet.exemple.qc.ca";
// Monday 23 November 2026, 10:00 in Québec.
const monday10 = new Date("2026-11-23T15:00:00Z");
const at = (hours: number) => new Date(monday10.getTime() + hours * 3_600_000);
const sent: { to: string; subject: string; text: string; messageId?: string }[] = [];
const transport: MailTransport = { send: async (m) => (sent.push(m), m.messageId ?? `<${sent.length}@test>`) };
const version = async (number: string) => (await db.request.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;
const sagirAgent = () => currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
let contactId = "";
let secondAgentId = "";

async function sagirRequest(receivedAt = monday10): Promise<string> {
  const user = await currentUserFor(db, "sagir@mfq.exemple.qc.ca");
  return (await createSagirRequest({ user, input: ZSagirRequestInput.parse({ ...SAGIR_SAMPLES.access, urgent: "", contactPhone: "" }), receivedAt })).number;
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, monday10);
  await seedDemoData(db);
  const second = await db.user.create({ data: { email: "agent2.sagir@cspq.exemple.qc.ca", name: "Lucie Gagnon", role: "agent", services: { create: { serviceId: "sagir" } } } });
  secondAgentId = second.id;
});
afterAll(() => db.$disconnect());

describe("the second level", () => {
  it("is managed by the service's managers only; an address is once per service", async () => {
    const manager = await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
    const input = ZContactInput.parse({ name: "Pilotes DGGIR — paie", email: "Pilotes.Paie@DGGIR.exemple.qc.ca", role: "Paie et avantages" });
    contactId = (await addContact({ user: manager, serviceId: "sagir", input, now: monday10 })).id;
    await expect(addContact({ user: manager, serviceId: "sagir", input, now: monday10 })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { email: { fr: "Ce service a déjà un intervenant à cette adresse." } } });
    await expect(addContact({ user: await sagirAgent(), serviceId: "sagir", input, now: monday10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await readContacts({ user: manager, serviceId: "sagir" })).map((c) => [c.name, c.email])).toEqual([["Pilotes DGGIR — paie", "pilotes.paie@dggir.exemple.qc.ca"]]);
    expect(await db.auditEntry.count({ where: { action: "second_level_contact_saved" } })).toBe(1);
    expect(ZContactInput.safeParse({ name: "", email: "pas une adresse" }).success).toBe(false);
  });

  it("forwards by e-mail without the requester's address; the queue shows the wait; the reply threads back as internal and ends it", async () => {
    const agent = await sagirAgent();
    const number = await sagirRequest();
    await takeInCharge({ user: agent, number, expectedVersion: 0, now: at(0.1) });
    // A follow-up date must come after today.
    const bad = ZForwardInput.parse({ contactId, note: "Pouvez-vous vérifier l'accès ?", followUpDate: "2026-11-23", expectedVersion: await version(number) });
    await expect(forwardToSecondLevel({ user: agent, number, input: bad, now: at(0.2) })).rejects.toMatchObject({ fields: { followUpDate: { fr: expect.stringContaining("après aujourd'hui") } } });
    const input = ZForwardInput.parse({ contactId, note: "Pouvez-vous vérifier l'accès au module ?", followUpDate: "2026-11-25", expectedVersion: await version(number) });
    await forwardToSecondLevel({ user: agent, number, input, now: at(0.2) });
    // One at a time.
    await expect(forwardToSecondLevel({ user: agent, number, input: { ...input, expectedVersion: await version(number) }, now: at(0.3) })).rejects.toMatchObject({ code: "REFUSED" });

    const queue = await readQueue({ user: agent, serviceId: "sagir", query: ZQueueQuery.parse({ waiting: "second-level" }), now: at(0.5) });
    expect(queue.items.map((i) => [i.number, i.secondLevel])).toEqual([[number, true]]);
    expect(queue.counts.byWaiting["second-level"]).toBe(1);

    await runNotificationCycle(db, at(0.5), transport, BASE);
    const forward = sent.find((m) => m.to === "pilotes.paie@dggir.exemple.qc.ca")!;
    expect(forward.subject).toBe(`[${number}] Demande de suivi / Follow-up request — ${SAGIR_SAMPLES.access.subject}`);
    expect(forward.text).toContain("Pouvez-vous vérifier l'accès au module ?");
    expect(forward.text).not.toMatch(/sagir@mfq|@mfq\.exemple/);
    // The requester's mail does not name the forward in its References.
    const outbox = await db.emailOutbox.findFirstOrThrow({ where: { kind: "second_level" } });
    expect(outbox.messageId).toBeTruthy();

    // The contact answers (In-Reply-To our forward): internal, the wait ends, the agent is told.
    const raw = Buffer.from(
      [
        "From: Pilotes paie <pilotes.paie@dggir.exemple.qc.ca>",
        "To: dgsoa@cspq.gouv.qc.ca",
        `Subject: RE: ${forward.subject}`,
        "Message-ID: <reponse-1@dggir.exemple.qc.ca>",
        `In-Reply-To: ${outbox.messageId}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Accès rétabli dans le module, l'usager peut réessayer.",
        "",
      ].join("\r\n"),
    );
    const stored = await storeInboundEmail(db, { mailbox: "dgsoa@cspq.gouv.qc.ca", envelopeFrom: "pilotes.paie@dggir.exemple.qc.ca", messageId: "<reponse-1@dggir.exemple.qc.ca>", remoteAddress: "192.0.2.10", heloName: "mx.dggir", raw, receivedAt: at(1) });
    expect(await processInboundEmail(db, stored.id!, at(1), { authenticate: async () => false })).toMatchObject({ outcome: "threaded", number });
    const view = await readConsoleRequest({ user: agent, number, now: at(1) });
    const answer = view.messages.at(-1)!;
    expect(answer).toMatchObject({ authorKind: "second_level", visibility: "internal", replyKind: "second_level_answer", body: "Accès rétabli dans le module, l'usager peut réessayer." });
    expect(view.waitingReferral).toBeNull();
    expect(view.referrals[0]).toMatchObject({ answeredVia: "email" });
    expect(await db.notification.count({ where: { state: "second-level-answered", userId: agent.id } })).toBe(1);
    // The requester sees none of it.
    const requester = await db.message.findMany({ where: { request: { number }, visibility: "public" }, select: { body: true } });
    expect(requester.map((m) => m.body).join()).not.toContain("Accès rétabli");
  });

  it("a follow-up date notifies in open hours, once; a typed answer ends the wait", async () => {
    const agent = await sagirAgent();
    const number = await sagirRequest();
    await takeInCharge({ user: agent, number, expectedVersion: 0, now: at(0.1) });
    await forwardToSecondLevel({ user: agent, number, input: ZForwardInput.parse({ contactId, note: "Vérification du profil demandée.", followUpDate: "2026-11-24", expectedVersion: await version(number) }), now: at(0.2) });
    const reminders = () => db.notification.count({ where: { state: "follow-up", request: { number } } });
    // Tuesday 24 November, 8:00 in Québec: the day has come but SAGIR is closed (opens 8:30).
    await runNotificationCycle(db, new Date("2026-11-24T13:00:00Z"), transport, BASE);
    expect(await reminders()).toBe(0);
    await runNotificationCycle(db, new Date("2026-11-24T13:30:00Z"), transport, BASE);
    expect(await reminders()).toBe(1);
    await runNotificationCycle(db, new Date("2026-11-24T13:31:00Z"), transport, BASE);
    expect(await reminders()).toBe(1);
    expect(sent.some((m) => m.subject === `Guichet — ${number} : relance du second niveau / second-level follow-up` && m.to === "agent.sagir@cspq.exemple.qc.ca")).toBe(true);
    await recordSecondLevelAnswer({ user: agent, number, body: "Réponse reçue par téléphone : profil corrigé.", expectedVersion: await version(number), now: new Date("2026-11-24T14:00:00Z") });
    expect((await readConsoleRequest({ user: agent, number, now: new Date("2026-11-24T14:00:00Z") })).waitingReferral).toBeNull();
  });

  it("a disabled contact is no longer offered nor accepted", async () => {
    const manager = await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
    const extra = await addContact({ user: manager, serviceId: "sagir", input: ZContactInput.parse({ name: "Intervenant RH", email: "rh@mfq.exemple.qc.ca" }), now: monday10 });
    await changeContact({ user: manager, serviceId: "sagir", input: { id: extra.id, name: "Intervenant RH", email: "rh@mfq.exemple.qc.ca", role: "", active: false }, now: monday10 });
    const agent = await sagirAgent();
    const number = await sagirRequest();
    expect((await readConsoleRequest({ user: agent, number, now: at(1) })).contacts.map((c) => c.id)).toEqual([contactId]);
    const input = ZForwardInput.parse({ contactId: extra.id, note: "Pouvez-vous regarder ceci ?", followUpDate: "2026-11-25", expectedVersion: 0 });
    await expect(forwardToSecondLevel({ user: agent, number, input, now: at(1) })).rejects.toMatchObject({ fields: { contactId: expect.anything() } });
  });
});

describe("the quality review of SAGIR resolutions", () => {
  it("holds a resolution; the author cannot approve it; returned with a comment, then approved by another agent, it goes out and meets the target then", async () => {
    const agent = await sagirAgent();
    const reviewer = await currentUserFor(db, "agent2.sagir@cspq.exemple.qc.ca");
    expect(reviewer.id).toBe(secondAgentId);
    const number = await sagirRequest();
    await takeInCharge({ user: agent, number, expectedVersion: 0, now: at(0.1) });
    const reply = ZReplyInput.parse({ kind: "answer", body: "Votre accès est rétabli, vous pouvez vous reconnecter.", statusAfter: "resolved", expectedVersion: await version(number) });
    expect(await replyToRequest({ user: agent, number, input: reply, now: at(1) })).toMatchObject({ held: true });
    const outboxBefore = await db.emailOutbox.count({ where: { request: { number }, kind: "answer" } });
    expect(outboxBefore).toBe(0);
    let request = await db.request.findUniqueOrThrow({ where: { number }, select: { status: true } });
    expect(request.status).toBe("in_progress");
    const queue = await readQueue({ user: agent, serviceId: "sagir", query: ZQueueQuery.parse({ waiting: "review" }), now: at(1) });
    expect(queue.items.map((i) => [i.number, i.reviewPending])).toEqual([[number, true]]);

    const decide = (user: typeof agent, decision: string, comment?: string) => async () =>
      decideResolution({ user, number, input: ZReviewDecisionInput.parse({ decision, comment, expectedVersion: await version(number) }), now: at(2) });
    await expect((await decide(agent, "approved"))()).rejects.toMatchObject({ code: "REFUSED" });
    expect(ZReviewDecisionInput.safeParse({ decision: "returned", comment: "", expectedVersion: 1 }).success).toBe(false);
    await decide(reviewer, "returned", "Ajoutez le lien vers le guide de connexion.")();
    const view = await readConsoleRequest({ user: agent, number, now: at(2) });
    expect(view.pendingReview).toBeNull();
    expect(view.messages.find((m) => m.visibility === "returned")?.body).toContain("Votre accès est rétabli");
    expect(view.reviews[0]).toMatchObject({ decision: "returned", comment: "Ajoutez le lien vers le guide de connexion." });
    expect(await db.notification.count({ where: { state: "review-returned", userId: agent.id } })).toBe(1);

    await replyToRequest({ user: agent, number, input: { ...reply, body: "Votre accès est rétabli; voyez le guide de connexion.", expectedVersion: await version(number) }, now: at(3) });
    await (await decide(reviewer, "approved"))();
    request = await db.request.findUniqueOrThrow({ where: { number }, select: { status: true } });
    expect(request.status).toBe("resolved");
    const mails = await db.emailOutbox.findMany({ where: { request: { number }, kind: "answer" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain("voyez le guide de connexion");
    const publicBodies = (await db.message.findMany({ where: { request: { number }, visibility: "public", authorKind: "agent", replyKind: "answer" } })).map((m) => [m.body, m.at.toISOString()]);
    expect(publicBodies).toEqual([["Votre accès est rétabli; voyez le guide de connexion.", at(2).toISOString()]]);
  });

  it("the dashboard counts forwards, waits and reviews; a manager reads a request, an agent of another service does not", async () => {
    const manager = await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
    const data = await readDashboard({ user: manager, serviceId: "sagir", query: { period: "month", date: "2026-11-23" } as never, now: new Date("2026-11-24T15:00:00Z") });
    expect(data.secondLevel).toMatchObject({ sent: 2, answered: 2, waitingNow: 0 });
    expect(data.secondLevel.medianWaitMs).toBeGreaterThan(0);
    expect(data.reviews).toMatchObject({ submitted: 2, approved: 1, returned: 1, pendingNow: 0 });
    const number = (await db.request.findFirstOrThrow({ where: { serviceId: "sagir" }, select: { number: true } })).number;
    expect((await readConsoleRequest({ user: manager, number, now: at(3), readOnly: true })).number).toBe(number);
    await expect(readConsoleRequest({ user: manager, number, now: at(3) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readConsoleRequest({ user: await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca"), number, now: at(3), readOnly: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
