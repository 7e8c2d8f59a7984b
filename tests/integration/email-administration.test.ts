// Who may do what with the e-mail channel's new surfaces, on the real database: reading a
// request's files (the request's own "not found" rule; a candidate through the tracking link),
// identifying an e-mail's sender (agents of the service; only an active account of the centre),
// the "to identify" queue, editing mailboxes (the admin, managers of the service; audited), and
// reading the outgoing mail (the admin; whole only while no mail server is configured).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS, seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { ZQueueQuery } from "../../src/schemas/console";
import type { CurrentUser } from "../../src/server/auth/current-user";
import { readQueue } from "../../src/server/services/agent-console";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { createMoRequest } from "../../src/server/services/create-mo-request";
import { readEditableMailboxes, removeMailbox, saveMailbox } from "../../src/server/services/edit-mailboxes";
import { getRequest } from "../../src/server/services/get-request";
import { identifySender } from "../../src/server/services/handle-request";
import { openRequest } from "../../src/server/services/open-request";
import { readAttachment, readTrackedAttachment } from "../../src/server/services/read-attachment";
import { readOutbox } from "../../src/server/services/read-outbox";
import { checkFiles } from "../../src/server/storage/attachment-store";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-12-01T15:00:00Z");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PEOPLE = DEMO_USERS.map((u) => u.email);
const users: Record<string, CurrentUser> = {};
let moFile = "";
let candidateFile = "";
let trackingToken = "";

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  await seedDemoData(db);
  for (const email of PEOPLE) users[email] = await currentUserFor(db, email);
  const { accepted } = await checkFiles([{ name: "organigramme.pdf", content: PDF }]);
  const mo = await createMoRequest({ user: users["specialiste@mfq.exemple.qc.ca"]!, input: { function: "reports", nature: "how-to", subject: "Rapport", description: "Comment produire le rapport mensuel ?", urgent: false, contactPhone: null } as never, receivedAt: now, files: accepted });
  moFile = (await db.attachment.findFirstOrThrow({ where: { request: { number: mo.number } } })).id;
  const inquiry = await createCandidateInquiry({ input: { name: "Lou Bérubé", email: "lou@courriel.exemple", subject: "Mon compte", topic: "online-systems", message: "Je n'arrive pas à me connecter." }, receivedAt: now, files: accepted });
  trackingToken = inquiry.trackingToken;
  candidateFile = (await db.attachment.findFirstOrThrow({ where: { request: { number: inquiry.number } } })).id;
});
afterAll(() => db.$disconnect());

describe("reading a request's files", () => {
  it.each([
    [null, false],
    ["specialiste@mfq.exemple.qc.ca", true],
    ["specialiste@mcc.exemple.qc.ca", false],
    ["sagir@mfq.exemple.qc.ca", false],
    ["pilote@mfq.exemple.qc.ca", true],
    ["agent.dotation@cspq.exemple.qc.ca", true],
    ["agent.sagir@cspq.exemple.qc.ca", false],
    ["gestionnaire@cspq.exemple.qc.ca", true],
    ["admin@cspq.exemple.qc.ca", true],
  ])("an MO request's file, as %s: %s", async (email, allowed) => {
    const read = readAttachment({ user: email ? users[email]! : null, id: moFile });
    if (allowed) await expect(read).resolves.toMatchObject({ filename: "organigramme.pdf", contentType: "application/pdf" });
    else await expect(read).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a candidate reads their file through their tracking link only; nobody probes ids", async () => {
    expect((await readTrackedAttachment({ token: trackingToken, id: candidateFile })).content.equals(PDF)).toBe(true);
    await expect(readTrackedAttachment({ token: trackingToken, id: moFile })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readTrackedAttachment({ token: "x".repeat(43), id: candidateFile })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readAttachment({ user: users["admin@cspq.exemple.qc.ca"]!, id: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readAttachment({ user: users["specialiste@mfq.exemple.qc.ca"]!, id: candidateFile })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("identifying an e-mail's sender", () => {
  let number = "";
  beforeAll(async () => {
    number = (await openRequest({
      serviceId: "sagir", audienceId: "sagir-user", channel: "email", type: "email", subject: "Accès perdu", body: "Je n'ai plus accès à SAGIR.", urgent: false, receivedAt: now, details: {},
      senderStatus: "unknown", requester: { kind: "guest", name: "Julie P.", email: "julie.perso@courriel.exemple", trackingTokenHash: "h".repeat(64) },
    })).number;
  });
  const version = async () => (await db.request.findUniqueOrThrow({ where: { number } })).version;

  it("the queue lists it among the senders to identify, with its count", async () => {
    const page = await readQueue({ user: users["agent.sagir@cspq.exemple.qc.ca"]!, serviceId: "sagir", query: ZQueueQuery.parse({ identify: "1" }), now });
    expect(page.items.map((i) => [i.number, i.toIdentify])).toEqual([[number, true]]);
    expect(page.counts.toIdentify).toBe(1);
    // Nobody of the MO sees it yet.
    await expect(getRequest({ user: users["sagir@mfq.exemple.qc.ca"]!, number })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("only an agent of the service links it, only to an active account with access to the centre", async () => {
    await expect(identifySender({ user: users["agent.dotation@cspq.exemple.qc.ca"]!, number, now, expectedVersion: await version(), email: "sagir@mfq.exemple.qc.ca" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const email of ["personne@nulle-part.exemple", "sagir@mcc.exemple.qc.ca", "specialiste@mfq.exemple.qc.ca"]) {
      await expect(identifySender({ user: users["agent.sagir@cspq.exemple.qc.ca"]!, number, now, expectedVersion: await version(), email })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { email: expect.anything() } });
    }
    await identifySender({ user: users["agent.sagir@cspq.exemple.qc.ca"]!, number, now, expectedVersion: await version(), email: "sagir@mfq.exemple.qc.ca" });
    const row = await db.request.findUniqueOrThrow({ where: { number }, include: { organization: true } });
    expect(row).toMatchObject({ senderStatus: "identified", requesterName: null, requesterEmail: null, requesterUserId: users["sagir@mfq.exemple.qc.ca"]!.id });
    expect(row.organization?.code).toBe("MFQ");
    await expect(getRequest({ user: users["sagir@mfq.exemple.qc.ca"]!, number })).resolves.toMatchObject({ number });
    expect(await db.auditEntry.count({ where: { action: "sender_identified", requestId: row.id } })).toBe(1);
    expect(await db.requestEvent.count({ where: { kind: "sender_identified", requestId: row.id } })).toBe(1);
    await expect(identifySender({ user: users["agent.sagir@cspq.exemple.qc.ca"]!, number, now, expectedVersion: await version(), email: "sagir@mfq.exemple.qc.ca" })).rejects.toMatchObject({ code: "REFUSED" });
  });

  it("refuses a stale version (someone acted meanwhile)", async () => {
    const other = (await openRequest({
      serviceId: "sagir", audienceId: "sagir-user", channel: "email", type: "email", subject: "Autre", body: "Autre message.", urgent: false, receivedAt: now, details: {},
      senderStatus: "unverified", requester: { kind: "guest", name: "X", email: "x@courriel.exemple", trackingTokenHash: "i".repeat(64) },
    })).number;
    await expect(identifySender({ user: users["agent.sagir@cspq.exemple.qc.ca"]!, number: other, now, expectedVersion: 99, email: "sagir@mfq.exemple.qc.ca" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("editing mailboxes", () => {
  it("lists them to the admin and managers; anyone else: not found", async () => {
    expect((await readEditableMailboxes(users["gestionnaire@cspq.exemple.qc.ca"]!)).mailboxes.map((m) => m.address)).toEqual(["carrieres@cspq.gouv.qc.ca", "dgsoa@cspq.gouv.qc.ca"]);
    expect((await readEditableMailboxes(users["admin@cspq.exemple.qc.ca"]!)).mailboxes).toHaveLength(2);
    for (const email of ["agent.dotation@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca", "specialiste@mfq.exemple.qc.ca"]) {
      await expect(readEditableMailboxes(users[email]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(saveMailbox({ user: users[email]!, input: { address: "x@cspq.gouv.qc.ca", serviceAudience: "sagir/sagir-user", identifySenders: false }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(readEditableMailboxes(null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adds, changes and removes a mailbox, each change audited; an unknown audience is refused at its field", async () => {
    const manager = users["gestionnaire@cspq.exemple.qc.ca"]!;
    await expect(saveMailbox({ user: manager, input: { address: "mo@cspq.gouv.qc.ca", serviceAudience: "sagir/candidate", identifySenders: false }, now })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { serviceAudience: expect.anything() } });
    await saveMailbox({ user: manager, input: { address: "mo@cspq.gouv.qc.ca", serviceAudience: "ca-dotation/mo-specialist", identifySenders: false }, now });
    await saveMailbox({ user: manager, input: { address: "mo@cspq.gouv.qc.ca", serviceAudience: "ca-dotation/mo-specialist", identifySenders: false }, now });
    await saveMailbox({ user: manager, input: { address: "mo@cspq.gouv.qc.ca", serviceAudience: "ca-dotation/mo-specialist", identifySenders: true }, now });
    expect(await db.mailbox.findUnique({ where: { address: "mo@cspq.gouv.qc.ca" } })).toMatchObject({ serviceId: "ca-dotation", audienceId: "mo-specialist", identifySenders: true });
    await removeMailbox({ user: users["admin@cspq.exemple.qc.ca"]!, input: { address: "mo@cspq.gouv.qc.ca" }, now });
    expect(await db.mailbox.findUnique({ where: { address: "mo@cspq.gouv.qc.ca" } })).toBeNull();
    const audit = await db.auditEntry.findMany({ where: { action: { startsWith: "catalogue_mailbox_" } }, orderBy: { id: "asc" } });
    // Saving what is already in force writes nothing.
    expect(audit.map((a) => a.action)).toEqual(["catalogue_mailbox_saved", "catalogue_mailbox_saved", "catalogue_mailbox_deleted"]);
    expect(audit[1]!.data).toMatchObject({ before: { identifySenders: false }, after: { identifySenders: true } });
    await expect(removeMailbox({ user: manager, input: { address: "mo@cspq.gouv.qc.ca" }, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("reading the outgoing mail", () => {
  it("is the admin's; whole while no mail server is configured, facts only (masked address) otherwise", async () => {
    for (const email of PEOPLE.filter((e) => e !== "admin@cspq.exemple.qc.ca")) await expect(readOutbox(users[email]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const saved = process.env.SMTP_URL;
    try {
      delete process.env.SMTP_URL;
      const caught = await readOutbox(users["admin@cspq.exemple.qc.ca"]!);
      expect(caught.caught).toBe(true);
      const ack = caught.entries.find((e) => e.to === "lou@courriel.exemple")!;
      expect(ack).toMatchObject({ kind: "acknowledgement", locale: "fr" });
      expect(ack.body).toContain("Nous avons bien reçu votre demande « Mon compte »");
      process.env.SMTP_URL = "smtp://127.0.0.1:1";
      const relayed = await readOutbox(users["admin@cspq.exemple.qc.ca"]!);
      expect(relayed.entries.every((e) => e.body === null)).toBe(true);
      expect(relayed.entries.map((e) => e.to)).toContain("l•••@courriel.exemple");
    } finally {
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
    }
  });
});
