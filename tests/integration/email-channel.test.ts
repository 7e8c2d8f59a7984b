// The e-mail channel over real sockets: a nodemailer client sends to the SMTP receiver, an
// smtp-server sink captures what Guichet sends (parsed with mailparser). New requests from the
// mailboxes, acknowledgements, threading by headers and by number, duplicates, refusals (550, 552),
// verified and spoofed MO senders (mailauth with a DNS table), bounces, auto-reply loops, replies
// with attachments in the requester's language.
import { readFileSync } from "node:fs";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { startSmtpReceiver, type RunningReceiver } from "../../src/server/mail/smtp-receiver";
import { replyToRequest, takeInCharge } from "../../src/server/services/handle-request";
import { mailTransportFromEnv, sendEmails } from "../../src/server/services/notifications";
import { mailauthAuthenticator } from "../../src/server/services/receive-email";
import { MAX_AUTOMATIC_PER_ADDRESS_PER_DAY } from "../../src/server/services/request-mail";
import { checkFiles } from "../../src/server/storage/attachment-store";
import { connectTestDb, truncateAll } from "../support/db";
import { fakeResolver, sendTo, startSink, type Sink } from "../support/smtp";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Tuesday 1 December 2026, 10:00 in Québec: the candidates' line is open.
const now = new Date("2026-12-01T15:00:00Z");
const CANDIDATES = "carrieres@cspq.gouv.qc.ca";
const SAGIR = "dgsoa@cspq.gouv.qc.ca";
// The MFQ domain publishes SPF (this machine's loopback may send for it) and a DMARC policy.
const resolver = fakeResolver({
  "TXT mfq.exemple.qc.ca": ["v=spf1 ip4:127.0.0.1 -all"],
  "TXT _dmarc.mfq.exemple.qc.ca": ["v=DMARC1; p=reject"],
  "TXT evil.example": ["v=spf1 ip4:127.0.0.1 -all"],
});
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let receiver: RunningReceiver;
let sink: Sink;
let small: RunningReceiver;

const requestOf = (number: string) => db.request.findUniqueOrThrow({ where: { number }, include: { messages: { orderBy: { at: "asc" } }, targets: true, attachments: true } });
const lastInbound = () => db.inboundEmail.findFirstOrThrow({ orderBy: { id: "desc" } });
async function numberOfLastInbound(): Promise<string> {
  const row = await lastInbound();
  return (await db.request.findUniqueOrThrow({ where: { id: row.requestId! } })).number;
}
/** Sends to a receiver and waits until what it accepted is processed. */
async function send(to: RunningReceiver, mail: Parameters<typeof sendTo>[1]) {
  const result = await sendTo(to.port, mail);
  await to.idle();
  return result;
}
async function flushOutbox() {
  await sendEmails(db, mailTransportFromEnv(), now);
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  await seedDemoData(db);
  sink = await startSink();
  process.env.SMTP_URL = sink.url;
  process.env.GUICHET_MAIL_FROM = "Guichet <ne-pas-repondre@guichet.exemple.qc.ca>";
  const authenticate = mailauthAuthenticator({ resolver });
  receiver = await startSmtpReceiver({ db, port: 0, host: "127.0.0.1", authenticate, clock: () => now, log: () => {} });
  small = await startSmtpReceiver({ db, port: 0, host: "127.0.0.1", authenticate, clock: () => now, maxMessageBytes: 64 * 1024, log: () => {} });
});
afterAll(async () => {
  await receiver?.close();
  await small?.close();
  await sink?.close();
  delete process.env.SMTP_URL;
  await db.$disconnect();
});

describe("e-mail in and out", () => {
  let number = "";
  let ackMessageId = "";

  it("a candidate's e-mail opens a request with its 10-business-day target, acknowledged with the nominative reminder and a tracking link", async () => {
    const sent = await send(receiver, {
      from: "Amélie Tremblay <amelie.tremblay@courriel.exemple>",
      to: CANDIDATES,
      subject: "Mot de passe du site Carrières",
      text: "Bonjour, je n'arrive pas à me connecter à mon compte. Pouvez-vous m'aider ?\n\nMerci\n-- \nAmélie",
      messageId: "<first@courriel.exemple>",
    });
    expect(sent.ok).toBe(true);
    number = await numberOfLastInbound();
    const request = await requestOf(number);
    expect(request).toMatchObject({ serviceId: "ca-dotation", audienceId: "candidate", channel: "email", type: "email", subject: "Mot de passe du site Carrières", requesterName: "Amélie Tremblay", requesterEmail: "amelie.tremblay@courriel.exemple", senderStatus: null, language: "fr", status: "new" });
    expect(request.targets.map((t) => [t.targetId, t.dueAt.toISOString()])).toEqual([["cad-candidate-reply", "2026-12-15T21:30:00.000Z"]]);
    expect(request.messages[0]).toMatchObject({ authorKind: "requester", body: "Bonjour, je n'arrive pas à me connecter à mon compte. Pouvez-vous m'aider ?\n\nMerci", quoted: "-- \nAmélie" });

    await flushOutbox();
    const ack = sink.messages.at(-1)!;
    expect(ack.envelopeTo).toEqual(["amelie.tremblay@courriel.exemple"]);
    expect(ack.parsed.subject).toBe(`[${number}] Mot de passe du site Carrières`);
    expect(ack.parsed.replyTo?.value[0]?.address).toBe(CANDIDATES);
    expect(ack.parsed.headers.get("auto-submitted")).toBe("auto-replied");
    expect(ack.parsed.inReplyTo).toBe("<first@courriel.exemple>");
    expect(ack.parsed.messageId).toMatch(/@guichet\.exemple\.qc\.ca>$/);
    expect(ack.parsed.text).toContain(number);
    expect(ack.parsed.text).toContain("aucune demande de nature nominative");
    expect(ack.parsed.text).toContain("418 528-7157");
    expect(ack.parsed.text).toContain("La ligne est ouverte en ce moment.");
    expect(ack.parsed.text).toMatch(/\/suivi\/[A-Za-z0-9_-]{20,}/);
    expect(ack.parsed.html).toContain('lang="fr-CA"');
    ackMessageId = ack.parsed.messageId!;
  });

  it("a reply to our message threads into its request, by its headers", async () => {
    const sent = await send(receiver, {
      from: "amelie.tremblay@courriel.exemple",
      to: CANDIDATES,
      subject: "Re: autre chose",
      text: "J'ai oublié : mon nom d'utilisateur est atremblay.\n\nLe mar. 1 déc. 2026, Guichet a écrit :\n> Nous avons bien reçu votre demande",
      inReplyTo: ackMessageId,
      references: [ackMessageId],
    });
    expect(sent.ok).toBe(true);
    const request = await requestOf(number);
    expect(request.messages).toHaveLength(2);
    expect(request.messages[1]).toMatchObject({ authorKind: "requester", body: "J'ai oublié : mon nom d'utilisateur est atremblay.", quoted: "Le mar. 1 déc. 2026, Guichet a écrit :\n> Nous avons bien reçu votre demande" });
    expect((await lastInbound()).outcome).toBe("threaded");
  });

  it("the number in the subject threads only with the requester's own address", async () => {
    await send(receiver, { from: "amelie.tremblay@courriel.exemple", to: CANDIDATES, subject: `Précision [${number}]`, text: "Une précision encore." });
    expect((await requestOf(number)).messages).toHaveLength(3);
    await send(receiver, { from: "quelquun@autre.exemple", to: CANDIDATES, subject: `Re: [${number}]`, text: "Je ne suis pas la requérante." });
    expect((await requestOf(number)).messages).toHaveLength(3);
    expect(await numberOfLastInbound()).not.toBe(number);
  });

  it("the same message delivered twice makes one request", async () => {
    const mail = { from: "double@courriel.exemple", to: CANDIDATES, subject: "Deux fois", text: "Envoyé deux fois.", messageId: "<twice@courriel.exemple>" };
    expect((await send(receiver, mail)).ok).toBe(true);
    expect((await send(receiver, mail)).ok).toBe(true);
    expect(await db.inboundEmail.count({ where: { messageId: "<twice@courriel.exemple>" } })).toBe(1);
    expect(await db.request.count({ where: { subject: "Deux fois" } })).toBe(1);
  });

  it("refuses a recipient that is no mailbox (550) and a message over the limit (552), storing nothing", async () => {
    const before = await db.inboundEmail.count();
    const unknown = await send(receiver, { from: "x@courriel.exemple", to: "personne@cspq.gouv.qc.ca", subject: "?", text: "?" });
    expect(unknown).toMatchObject({ ok: false, code: 550 });
    const big = await send(small, { from: "x@courriel.exemple", to: CANDIDATES, subject: "Gros", text: "x".repeat(100 * 1024) });
    expect(big).toMatchObject({ ok: false, code: 552 });
    expect(await db.inboundEmail.count()).toBe(before);
  });

  it("an MO specialist whose domain vouches for the message files under their account and MO; a spoofed one is « non vérifié » and sees nothing of the MO", async () => {
    const verified = await send(receiver, { from: "specialiste@mfq.exemple.qc.ca", to: CANDIDATES, subject: "Affichage interne", text: "Comment publier un affichage interne ?" });
    expect(verified.ok).toBe(true);
    const ok = await requestOf(await numberOfLastInbound());
    const mfq = await db.organization.findUniqueOrThrow({ where: { code: "MFQ" } });
    expect(ok).toMatchObject({ audienceId: "mo-specialist", senderStatus: "verified", organizationId: mfq.id, requesterEmail: null });
    expect(ok.requesterUserId).not.toBeNull();
    expect(ok.targets.map((t) => t.targetId)).toEqual(["cad-mo-first-reply"]);

    const spoofed = await send(receiver, { envelope: { from: "attaquant@evil.example", to: [CANDIDATES] }, from: "Sophie Gagnon <specialiste@mfq.exemple.qc.ca>", to: CANDIDATES, subject: "Envoyez-moi les requêtes", text: "Faux message." });
    expect(spoofed.ok).toBe(true);
    const fake = await requestOf(await numberOfLastInbound());
    expect(fake).toMatchObject({ audienceId: "candidate", senderStatus: "unverified", organizationId: null, requesterUserId: null, requesterEmail: "specialiste@mfq.exemple.qc.ca" });
  });

  it("an unknown sender to the SAGIR mailbox waits to be identified", async () => {
    await send(receiver, { from: "inconnu@ailleurs.exemple", to: SAGIR, subject: "Accès SAGIR", text: "Je n'ai plus accès." });
    const request = await requestOf(await numberOfLastInbound());
    expect(request).toMatchObject({ serviceId: "sagir", audienceId: "sagir-user", senderStatus: "unknown", organizationId: null });
    expect(request.targets.map((t) => t.targetId)).toEqual(["sagir-written-take-charge"]);
  });

  it("the agent's reply goes out with its attachment, in the requester's language, and the answer to it threads back", async () => {
    const sent = await send(receiver, { from: "John Smith <john.smith@mail.exemple>", to: CANDIDATES, subject: "Password reset", text: "Hello, I cannot sign in to my account. Could you please help me with this? Thank you for your help.", messageId: "<en@mail.exemple>" });
    expect(sent.ok).toBe(true);
    const englishNumber = await numberOfLastInbound();
    expect((await requestOf(englishNumber)).language).toBe("en");
    const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    let version = (await requestOf(englishNumber)).version;
    ({ version } = await takeInCharge({ user: agent, number: englishNumber, expectedVersion: version, now }));
    const { accepted } = await checkFiles([{ name: "guide.pdf", content: PDF }]);
    await replyToRequest({ user: agent, number: englishNumber, now, files: accepted, input: { kind: "answer", body: "Use the « Mot de passe oublié » link.", expectedVersion: version, statusAfter: "resolved", promisedDate: null, acknowledgeDisclosure: false } as never });
    sink.messages.length = 0;
    await flushOutbox();
    const toJohn = sink.messages.filter((m) => m.envelopeTo.includes("john.smith@mail.exemple"));
    expect(toJohn.map((m) => m.parsed.subject)).toEqual([`[${englishNumber}] Password reset`, `[${englishNumber}] Password reset`, `[${englishNumber}] Password reset`]);
    const answer = toJohn.at(-1)!;
    expect(answer.parsed.text).toContain("Here is the answer to your request");
    expect(answer.parsed.text).toContain("Use the « Mot de passe oublié » link.");
    expect(answer.parsed.text).toContain("Your request is now resolved");
    expect(answer.parsed.headers.get("auto-submitted")).toBeUndefined();
    expect(answer.parsed.references).toContain("<en@mail.exemple>");
    expect(answer.parsed.attachments.map((a) => [a.filename, a.contentType, a.content.equals(PDF)])).toEqual([["guide.pdf", "application/pdf", true]]);

    const back = await send(receiver, { from: "john.smith@mail.exemple", to: CANDIDATES, subject: `Re: ${answer.parsed.subject}`, text: "It worked, thanks! One more thing though.", inReplyTo: answer.parsed.messageId, references: [answer.parsed.messageId!] });
    expect(back.ok).toBe(true);
    const after = await requestOf(englishNumber);
    expect(after.messages.at(-1)).toMatchObject({ authorKind: "requester", body: "It worked, thanks! One more thing though." });
    // Something is missing: the resolved request is back in progress.
    expect(after.status).toBe("in_progress");
  });

  it("keeps the allowed attachments of an e-mail and names the refused ones back to the sender", async () => {
    sink.messages.length = 0;
    await send(receiver, {
      from: "fichiers@courriel.exemple",
      to: CANDIDATES,
      subject: "Mes documents",
      text: "Voici mes documents.",
      attachments: [
        { filename: "cv.pdf", content: PDF, contentType: "application/pdf" },
        { filename: "photo.pdf", content: Buffer.from("MZ\x90\x00 this is an executable"), contentType: "application/pdf" },
        { filename: "notes.txt", content: "des notes", contentType: "text/plain" },
      ],
    });
    const request = await requestOf(await numberOfLastInbound());
    expect(request.attachments.map((a) => [a.filename, a.contentType]).sort()).toEqual([["cv.pdf", "application/pdf"], ["notes.txt", "text/plain"]]);
    await flushOutbox();
    const ack = sink.messages.find((m) => m.envelopeTo.includes("fichiers@courriel.exemple"))!;
    expect(ack.parsed.text).toContain("Ces pièces jointes n'ont pas été conservées");
    expect(ack.parsed.text).toContain("photo.pdf");
  });

  it("a bounce marks the requester's address as failing on the request", async () => {
    sink.messages.length = 0;
    await send(receiver, { from: "perdu@nulle-part.exemple", to: CANDIDATES, subject: "Adresse erronée", text: "Bonjour" });
    const lost = await numberOfLastInbound();
    await flushOutbox();
    const ack = sink.messages.find((m) => m.envelopeTo.includes("perdu@nulle-part.exemple"))!;
    const dsn = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.exemple>",
      `To: ${CANDIDATES}`,
      "Subject: Undelivered Mail Returned to Sender",
      "Auto-Submitted: auto-replied",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Your message could not be delivered.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Final-Recipient: rfc822; perdu@nulle-part.exemple",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
      "--b1",
      "Content-Type: text/rfc822-headers",
      "",
      `Message-ID: ${ack.parsed.messageId}`,
      "--b1--",
      "",
    ].join("\r\n");
    expect((await send(receiver, { envelope: { from: "", to: [CANDIDATES] }, raw: dsn })).ok).toBe(true);
    const request = await requestOf(lost);
    expect(request.emailFailedAt?.toISOString()).toBe(now.toISOString());
    expect(request.emailFailure).toContain("5.1.1");
    expect(request.messages).toHaveLength(1);
    expect((await lastInbound()).outcome).toBe("bounce");
  });

  it("never answers a machine marked as one", async () => {
    const acks = () => db.emailOutbox.count({ where: { kind: "acknowledgement", request: { requesterEmail: "absent@boucle.exemple" } } });
    await send(receiver, { from: "absent@boucle.exemple", to: CANDIDATES, subject: "Absent du bureau", text: "Je suis absent.", headers: { "Auto-Submitted": "auto-replied" } });
    await send(receiver, { from: "absent@boucle.exemple", to: CANDIDATES, subject: "Liste", text: "Infolettre", headers: { Precedence: "bulk" } });
    expect(await db.request.count({ where: { requesterEmail: "absent@boucle.exemple" } })).toBe(2);
    expect(await acks()).toBe(0);
  });

  it("an autoresponder that answers each of our messages, marking nothing, stops hearing from us after the day's cap", async () => {
    // The robot answers every message it gets from us with a new message (no In-Reply-To, no
    // Auto-Submitted): each opens a request; the loop runs until we stop answering.
    sink.messages.length = 0;
    await send(receiver, { from: "robot@boucle.exemple", to: CANDIDATES, subject: "Bonjour", text: "Première question." });
    let rounds = 0;
    for (; rounds < 20; rounds++) {
      await flushOutbox();
      const ours = sink.messages.filter((m) => m.envelopeTo.includes("robot@boucle.exemple"));
      sink.messages.length = 0;
      if (ours.length === 0) break;
      // Its subject drops ours (with the number): nothing threads, each answer is a new request.
      for (const _ of ours) await send(receiver, { from: "robot@boucle.exemple", to: CANDIDATES, subject: `Réponse automatique n° ${rounds}`, text: "Merci de votre message, je vous reviens." });
    }
    expect(rounds).toBe(MAX_AUTOMATIC_PER_ADDRESS_PER_DAY);
    expect(await db.emailOutbox.count({ where: { kind: "acknowledgement", request: { requesterEmail: "robot@boucle.exemple" } } })).toBe(MAX_AUTOMATIC_PER_ADDRESS_PER_DAY);
    // Everything the robot sent is kept, nothing is lost: the agents see it.
    expect(await db.request.count({ where: { requesterEmail: "robot@boucle.exemple" } })).toBe(MAX_AUTOMATIC_PER_ADDRESS_PER_DAY + 1);
  });

  it("an autoresponder that keeps our subject threads into the request and is never answered", async () => {
    sink.messages.length = 0;
    await send(receiver, { from: "echo@boucle.exemple", to: CANDIDATES, subject: "Question", text: "Une question." });
    await flushOutbox();
    const ack = sink.messages.find((m) => m.envelopeTo.includes("echo@boucle.exemple"))!;
    await send(receiver, { from: "echo@boucle.exemple", to: CANDIDATES, subject: `Réponse automatique : ${ack.parsed.subject}`, text: "Je suis absent." });
    sink.messages.length = 0;
    await flushOutbox();
    expect(sink.messages.filter((m) => m.envelopeTo.includes("echo@boucle.exemple"))).toEqual([]);
    expect(await db.request.count({ where: { requesterEmail: "echo@boucle.exemple" } })).toBe(1);
    expect(await db.message.count({ where: { request: { requesterEmail: "echo@boucle.exemple" } } })).toBe(2);
  });

  it("offers STARTTLS when given a certificate, and takes mail over it", async () => {
    const dir = new URL("../fixtures/smtp-tls/", import.meta.url);
    const tls = await startSmtpReceiver({ db, port: 0, host: "127.0.0.1", authenticate: async () => false, clock: () => now, tls: { key: readFileSync(new URL("key.pem", dir)), cert: readFileSync(new URL("cert.pem", dir)) }, log: () => {} });
    try {
      const client = nodemailer.createTransport({ host: "127.0.0.1", port: tls.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      const info = await client.sendMail({ from: "chiffre@courriel.exemple", to: CANDIDATES, subject: "Par TLS", text: "Message chiffré en transit." });
      client.close();
      expect(info.response).toMatch(/^250/);
      await tls.idle();
      expect(await db.request.count({ where: { subject: "Par TLS" } })).toBe(1);
    } finally {
      await tls.close();
    }
  });

  it("refuses connections from addresses it does not allow", async () => {
    const closed = await startSmtpReceiver({ db, port: 0, host: "127.0.0.1", authenticate: async () => false, clock: () => now, allowFrom: ["10.0.0.0/8", "192.0.2.7"], log: () => {} });
    try {
      const refused = await sendTo(closed.port, { from: "x@courriel.exemple", to: CANDIDATES, subject: "Refusé", text: "?" });
      expect(refused.ok).toBe(false);
      expect(refused.ok === false && refused.response).toMatch(/554|refus/i);
      expect(await db.request.count({ where: { subject: "Refusé" } })).toBe(0);
    } finally {
      await closed.close();
    }
  });
});
