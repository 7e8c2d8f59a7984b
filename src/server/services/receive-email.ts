import "server-only";
// An e-mail to a centre's mailbox, from the SMTP receiver (src/server/mail/smtp-receiver.ts):
//
// 1. store: the raw message is kept (one row per Message-ID and sender: a message delivered twice
//    is stored once) before the receiver answers 250 — nothing accepted is lost;
// 2. process: in one transaction with the row locked, the message becomes
//    - a bounce (delivery status notification): the requester's address is marked failing on the
//      requests whose message failed;
//    - a message of an existing request: by In-Reply-To/References naming one of our messages or
//      one of the requester's earlier e-mails, else by the request number in the subject together
//      with the requester's address;
//    - else a new request of the mailbox's service and audience, channel `email`, its targets and
//      due instants fixed at receipt as the web forms' are. A sender matched to an account files
//      under that person and MO only if the message passes DMARC (SPF or DKIM aligned with the
//      From domain, checked by mailauth); otherwise it is filed as a guest, `unverified`, and never
//      sees the MO's requests. Unknown senders are `unknown` (to identify, where the mailbox asks).
//    Machine-written mail (auto-replies, lists, bounces, our own) is filed but never answered.
// A message that fails to process stays stored and is retried by the mail cycle.
import { createHash } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import { cleanMailText, cleanSubject, guessLanguage, isAutomaticMessage, isBounce, messageIdsIn, requestNumberIn, splitQuoted, threadIdsOf, type MailHeaders } from "@/domain/mail/inbound";
import { CENTRE_ROLES, type MoCentre } from "@/domain/requests/mo-request";
import { centreAccess } from "@/server/auth/authorize";
import { toCurrentUser } from "@/server/auth/session-user";
import type { Db } from "@/server/db/client";
import { mailDomain } from "@/server/mail/settings";
import {
  claimInboundEmail,
  findMailbox,
  findRequestByMessageIds,
  findThreadRequestByNumber,
  insertInboundEmail,
  listUnprocessedInbound,
  markInboundFailed,
  markInboundProcessed,
  markRequesterAddressFailing,
  readInboundEmail,
  requestsOfSentMessages,
  type InboundEmailRow,
  type NewInboundEmail,
  type ThreadRequestRow,
} from "@/server/repositories/mail-repository";
import { appendEvent, appendRequesterMessage, type Tx } from "@/server/repositories/request-repository";
import { isSecondLevelMessage, referralContactEmails } from "@/server/repositories/second-level-repository";
import { findUserForSignIn } from "@/server/repositories/user-repository";
import { newSecretToken } from "@/server/secret-token";
import { attachmentStore, checkFiles, type RefusedFile } from "@/server/storage/attachment-store";
import { getCatalogue } from "@/server/services/get-catalogue";
import { openRequestIn } from "@/server/services/open-request";
import { queueFilesRefusedNotice } from "@/server/services/request-mail";
import { refreshTargets } from "@/server/services/request-targets";
import { receiveSecondLevelAnswer } from "@/server/services/second-level";

/** A message's text is kept up to this many characters (the raw message keeps everything). */
const MAX_BODY_CHARS = 100_000;
const MAX_SUBJECT_CHARS = 200;
/** Attempts at processing a stored message before it is left for a person to look at. */
export const MAX_PROCESS_ATTEMPTS = 5;

/** Whether the sender's domain vouches for the message (DMARC pass), given the SMTP session's facts. */
export type SenderAuthenticator = (raw: Buffer, session: { ip: string; helo: string | null; sender: string }) => Promise<boolean>;

/** mailauth's DMARC check (SPF and DKIM aligned with the From domain), bounded in time: a timeout is "not verified". */
export function mailauthAuthenticator(options: { resolver?: (name: string, type: string) => Promise<unknown>; timeoutMs?: number } = {}): SenderAuthenticator {
  return async (raw, session) => {
    const { authenticate } = await import("mailauth");
    const ip = session.ip.startsWith("::ffff:") ? session.ip.slice(7) : session.ip;
    const check = authenticate(raw, { ip, helo: session.helo ?? undefined, sender: session.sender, mta: mailDomain(), disableArc: true, disableBimi: true, ...(options.resolver ? { resolver: options.resolver as never } : {}) });
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), options.timeoutMs ?? 8_000).unref());
    const result = await Promise.race([check, timeout]).catch(() => null);
    return result?.dmarc ? (result.dmarc as { status?: { result?: string } }).status?.result === "pass" : false;
  };
}

/** Stores a message as received; `duplicate` when the same Message-ID from the same sender is already stored. */
export async function storeInboundEmail(db: Db, message: Omit<NewInboundEmail, "messageId"> & { messageId: string | null }): Promise<{ id: bigint | null; duplicate: boolean }> {
  const messageId = message.messageId?.trim().slice(0, 500) || `sha256:${createHash("sha256").update(message.raw).digest("hex")}`;
  const id = await insertInboundEmail(db, { ...message, envelopeFrom: message.envelopeFrom.toLowerCase(), messageId });
  return { id, duplicate: id === null };
}

export type ProcessOutcome = { outcome: "request_created" | "threaded" | "bounce" | "already_processed"; requestId: string | null; number: string | null };

function headerReader(parsed: ParsedMail): MailHeaders {
  const lines = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    if (!lines.has(key)) lines.set(key, line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim());
  }
  return { get: (name) => lines.get(name.toLowerCase()) ?? null };
}

function fromOf(parsed: ParsedMail): { address: string | null; name: string | null } {
  const first = parsed.from?.value?.[0];
  const address = first?.address?.trim().toLowerCase() ?? null;
  const valid = address && address.length <= 254 && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(address) ? address : null;
  const name = first?.name ? cleanMailText(first.name).slice(0, 200) : null;
  return { address: valid, name: name || null };
}

/** Link targets that are no place to go (html-to-text writes a link's target after its text). */
const SCRIPT_LINKS = /\[\s*(?:javascript|data|vbscript|file):[^\]]*\]/gi;

function bodyOf(parsed: ParsedMail): { body: string; quoted: string | null } {
  // mailparser derives `text` from the HTML part when there is no text part: HTML is never kept for display.
  const text = cleanMailText(typeof parsed.text === "string" ? parsed.text : "").replace(SCRIPT_LINKS, "").slice(0, MAX_BODY_CHARS);
  const { body, quoted } = splitQuoted(text);
  return { body: body || "(message vide)", quoted };
}

const sameAddress = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/** The thread a message belongs to: our Message-IDs in its headers, else the number in its subject with the requester's address. */
async function findThread(db: Db, parsed: ParsedMail, from: string | null): Promise<{ row: ThreadRequestRow; secondLevel: boolean } | null> {
  const ids = threadIdsOf(parsed.inReplyTo ?? null, parsed.references ?? null);
  const byIds = await findRequestByMessageIds(db, ids);
  if (byIds) return { row: byIds, secondLevel: (await isSecondLevelMessage(db, ids)) || (await isSecondLevelSender(db, byIds.id, from)) };
  const number = requestNumberIn(parsed.subject);
  if (!number) return null;
  const row = await findThreadRequestByNumber(db, number);
  if (!row) return null;
  if (sameAddress(from, row.requesterEmail) || sameAddress(from, row.requesterUserEmail)) return { row, secondLevel: false };
  // A second-level party writing about the request (a new message naming its number).
  return (await isSecondLevelSender(db, row.id, from)) ? { row, secondLevel: true } : null;
}

/** Whether the sender is a second-level party the request was forwarded to. */
async function isSecondLevelSender(db: Db, requestId: string, from: string | null): Promise<boolean> {
  if (!from) return false;
  return (await referralContactEmails(db, requestId)).some((address) => sameAddress(address, from));
}

/** What a bounce says of the failure (Status and Diagnostic-Code of the delivery status). */
function bounceReason(raw: string): string {
  const status = /^Status:\s*([0-9.]+)/im.exec(raw)?.[1];
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(raw)?.[1];
  return [status, diagnostic].filter(Boolean).join(" ").replace(/[^\x20-\x7e\u00a0-\u00ff]/g, "").slice(0, 200) || "delivery failed";
}

async function filesOf(parsed: ParsedMail) {
  return checkFiles((parsed.attachments ?? []).filter((a) => a.content && Buffer.isBuffer(a.content)).map((a) => ({ name: a.filename ?? null, content: a.content })));
}

/** The requester's audience of a service for an MO account (an MO specialist writes to CA-dotation as `mo-specialist`). */
const ACCOUNT_AUDIENCE: Record<MoCentre, string> = { "ca-dotation": "mo-specialist", sagir: "sagir-user" };

async function senderAccount(db: Db, row: InboundEmailRow, from: string, serviceId: string, authenticate: SenderAuthenticator) {
  const found = await findUserForSignIn(db, from);
  if (!found) return { status: "unknown" as const, user: null };
  const user = toCurrentUser(found);
  const verified = await authenticate(row.raw, { ip: row.remoteAddress, helo: row.heloName, sender: row.envelopeFrom });
  if (!verified || !user) return { status: "unverified" as const, user: null };
  const centre = serviceId as MoCentre;
  const eligible = CENTRE_ROLES[centre] && centreAccess(user, centre) === "granted";
  return { status: "verified" as const, user: eligible ? user : null };
}

export type ProcessOptions = { authenticate: SenderAuthenticator };

/** Processes one stored message (see the file's header); idempotent: a processed message is left alone. */
export async function processInboundEmail(db: Db, id: bigint, now: Date, options: ProcessOptions): Promise<ProcessOutcome> {
  const done: ProcessOutcome = { outcome: "already_processed", requestId: null, number: null };
  const row = await readInboundEmail(db, id);
  if (!row) return done;
  try {
    return await processRow(db, row, now, options, done);
  } catch (error) {
    await markInboundFailed(db, id, String((error as Error)?.message ?? error).split("\n")[0]!);
    throw error;
  }
}

async function processRow(db: Db, row: InboundEmailRow, now: Date, options: ProcessOptions, done: ProcessOutcome): Promise<ProcessOutcome> {
  const parsed = await simpleParser(row.raw, { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  const headers = headerReader(parsed);
  const from = fromOf(parsed);

  if (isBounce(headers.get("content-type"), from.address, row.envelopeFrom)) {
    const raw = row.raw.toString("latin1");
    const ours = messageIdsIn(raw).filter((m) => m.toLowerCase().endsWith(`@${mailDomain()}>`));
    return db.$transaction(async (tx) => {
      if (!(await claimInboundEmail(tx, row.id))) return done;
      const requestIds = await requestsOfSentMessages(tx, ours);
      await markRequesterAddressFailing(tx, requestIds, now, bounceReason(raw));
      await markInboundProcessed(tx, row.id, { outcome: "bounce", requestId: requestIds[0] ?? null, at: now });
      return { outcome: "bounce", requestId: requestIds[0] ?? null, number: null };
    });
  }

  const automatic = isAutomaticMessage(headers, from.address, mailDomain());
  const { body, quoted } = bodyOf(parsed);
  const files = await filesOf(parsed);
  const found = await findThread(db, parsed, from.address);
  const thread = found?.row ?? null;

  if (found?.secondLevel && thread) {
    // The second level's answer: internal, whatever the request's status (never a new request of theirs).
    return db.$transaction(async (tx) => {
      if (!(await claimInboundEmail(tx, row.id))) return done;
      const { id: messageId } = await receiveSecondLevelAnswer(tx, thread, { body, quoted, inboundEmailId: row.id, from: from.address }, now);
      await attachmentStore().save(tx, { requestId: thread.id, messageId, at: now }, files.accepted);
      await noteRefusedFiles(tx, thread.id, files.refused, now);
      await markInboundProcessed(tx, row.id, { outcome: "second_level", requestId: thread.id, at: now });
      return { outcome: "threaded", requestId: thread.id, number: thread.number };
    });
  }

  if (thread && thread.status !== "closed") {
    return db.$transaction(async (tx) => {
      if (!(await claimInboundEmail(tx, row.id))) return done;
      const { messageId } = await appendRequesterMessage(tx, thread.id, body, now, null, { quoted, inboundEmailId: row.id }, automatic ? "none" : "waiting-or-resolved");
      await attachmentStore().save(tx, { requestId: thread.id, messageId, at: now }, files.accepted);
      await noteRefusedFiles(tx, thread.id, files.refused, now);
      if (files.refused.length && !automatic) await queueFilesRefusedNotice(tx, { requestId: thread.id, now, refused: files.refused });
      await refreshTargets(tx, thread.id);
      await markInboundProcessed(tx, row.id, { outcome: "threaded", requestId: thread.id, at: now });
      return { outcome: "threaded", requestId: thread.id, number: thread.number };
    });
  }

  const mailbox = await findMailbox(db, row.mailbox);
  if (!mailbox) throw new Error(`mailbox ${row.mailbox} no longer exists`);
  const account = from.address ? await senderAccount(db, row, from.address, mailbox.serviceId, options.authenticate) : { status: "unknown" as const, user: null };
  const language = /^en\b/i.test(headers.get("content-language") ?? "") ? "en" : guessLanguage(`${parsed.subject ?? ""}\n${body}`);
  const subject = cleanSubject(parsed.subject).slice(0, MAX_SUBJECT_CHARS) || (language === "en" ? "(no subject)" : "(sans objet)");
  const { token, hash } = newSecretToken();
  const user = account.user;
  const catalogue = await getCatalogue();
  return db.$transaction(async (tx) => {
    if (!(await claimInboundEmail(tx, row.id))) return done;
    const opened = await openRequestIn(tx, {
      serviceId: mailbox.serviceId,
      audienceId: user ? ACCOUNT_AUDIENCE[mailbox.serviceId as MoCentre] ?? mailbox.audienceId : mailbox.audienceId,
      channel: "email",
      type: "email",
      subject,
      body,
      urgent: false,
      receivedAt: now,
      details: thread ? { followsUp: thread.number } : {},
      language,
      // An unknown sender matters where the mailbox serves accounts only (SAGIR): to a candidates'
      // mailbox, a stranger is who is expected. An account's address that fails the check always shows.
      senderStatus: account.status === "unknown" && !mailbox.identifySenders ? null : account.status,
      requester: user
        ? { kind: "user", userId: user.id, organizationId: user.organization?.id ?? null, email: user.email }
        : { kind: "guest", name: from.name ?? from.address ?? "", email: from.address ?? "", trackingTokenHash: hash, trackingToken: token },
      firstMessageMail: { quoted, inboundEmailId: row.id },
      inReplyTo: row.messageId.startsWith("<") ? row.messageId : null,
      files: files.accepted,
      refusedFiles: files.refused,
      // Never answer a machine: auto-replies, lists, bounces, our own messages, a sender without an address.
      acknowledge: !automatic && from.address !== null,
      after: async (inner, request) => {
        await noteRefusedFiles(inner, request.id, files.refused, now);
        await markInboundProcessed(inner, row.id, { outcome: "request_created", requestId: request.id, at: now });
      },
    }, catalogue);
    return { outcome: "request_created", requestId: opened.id, number: opened.number };
  }, { maxWait: 60_000, timeout: 30_000 });
}

async function noteRefusedFiles(tx: Tx, requestId: string, refused: readonly RefusedFile[], at: Date): Promise<void> {
  if (refused.length === 0) return;
  await appendEvent(tx, { requestId, kind: "attachments_refused", actorKind: "system", actorUserId: null, at, data: { files: refused.map((f) => ({ name: f.name, reason: f.reason })) } });
}

/**
 * Stored messages left unprocessed for over a minute (a crash, a failure, a backlog beyond the
 * receiver's queue): processed again, oldest first, 100 at a time, for up to `budgetMs` (the
 * minute cycle gives it most of its minute). A message is claimed by its own transaction, so the
 * receiver working the same rows meanwhile processes none twice.
 */
export async function processPendingInbound(db: Db, now: Date, options: ProcessOptions & { budgetMs?: number }): Promise<{ processed: number; failed: number }> {
  const deadline = performance.now() + (options.budgetMs ?? 40_000);
  let processed = 0;
  let failed = 0;
  const tried = new Set<bigint>();
  while (performance.now() < deadline) {
    const ids = (await listUnprocessedInbound(db, new Date(now.getTime() - 60_000), MAX_PROCESS_ATTEMPTS, 100)).filter((id) => !tried.has(id));
    if (ids.length === 0) break;
    for (const id of ids) {
      if (performance.now() >= deadline) break;
      tried.add(id);
      try {
        await processInboundEmail(db, id, now, options);
        processed += 1;
      } catch {
        failed += 1;
      }
    }
  }
  return { processed, failed };
}
