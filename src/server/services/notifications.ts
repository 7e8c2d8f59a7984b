import "server-only";
// Notifications of commitments at risk or breached, in three steps each run by the notification
// cycle (a pg-boss cron job, every minute, on one instance at a time — see src/server/jobs):
//
// 1. scan: every unmet target of an open request whose at-risk or due instant has passed gets a
//    dispatch row, once per (request, target, state) — the primary key, whatever the number of
//    instances — to be delivered now if its calendar is open, else at its next opening;
// 2. deliver: due dispatches are claimed (SKIP LOCKED) and, unless the target was met or the
//    request ended meanwhile (or an at-risk one was overtaken by the breach), become an in-app
//    notification and an e-mail for the assigned agent, or for each agent of the service when
//    nobody is assigned; one that comes due while its calendar is closed waits for the opening;
// then the follow-up dates of requests forwarded to the second level (second-level.ts) and the
// managers' daily digest (manager-digest.ts), both in open hours;
// 3. send: the e-mail outbox is handed to the mail transport (SMTP when SMTP_URL is set; without
//    it, nodemailer's JSON transport renders the message and nothing leaves the machine), retried
//    at the next cycles on failure, given up after 8 attempts.
//
// Dispatches, notifications and e-mails live in PostgreSQL: a restart loses nothing. Every step
// takes `now`, so tests drive it with a fixed clock.
import { FORGET_AFTER_MS } from "@/domain/auth/sign-in-throttle";
import { deleteOldSessions } from "@/server/repositories/session-repository";
import { deleteStaleThrottleCounters } from "@/server/repositories/sign-in-throttle-repository";
import nodemailer from "nodemailer";
import en from "../../../messages/en.json";
import fr from "../../../messages/fr.json";
import { deliveryInstant, deliveryOutcome, recipientsOf, SCAN_WINDOW_MS } from "@/domain/notifications/notifications";
import { formatDateTime } from "@/i18n/format";
import type { CurrentUser } from "@/server/auth/session-user";
import type { Db } from "@/server/db/client";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import {
  agentsOfServices,
  claimDueDispatches,
  claimUnsentEmails,
  countUnread,
  insertDispatches,
  insertEmails,
  insertNotifications,
  listNotifications,
  markDispatches,
  markEmail,
  markRead,
  nextAttemptAfter,
  purgeNotifications,
  rescheduleDispatches,
  type PendingDispatch,
} from "@/server/repositories/notification-repository";
import { getCatalogue, type Catalogue } from "@/server/services/get-catalogue";
import { mailBaseUrl, mailFromAddress } from "@/server/mail/settings";
import { communiqueMail } from "@/server/mail/templates";
import { communiqueTextsIn } from "@/domain/communiques/communiques";
import { markCommuniqueEmails } from "@/server/repositories/communique-repository";
import type { Tx } from "@/server/repositories/request-repository";
import { listMailboxes } from "@/server/repositories/mail-repository";
import { attachmentStore } from "@/server/storage/attachment-store";
import { runDigests } from "@/server/services/manager-digest";
import { remindFollowUps } from "@/server/services/second-level";

const DELIVERY_BATCH = 500;
const EMAIL_BATCH = 100;
const EMAIL_MAX_ATTEMPTS = 8;

/** Step 1: the targets that entered a notified state since the window's start get their dispatch (once). */
export async function scanTargets(db: Db, now: Date): Promise<number> {
  const catalogue = await getCatalogue();
  const at = now.getTime();
  const deliverAt = catalogue.definition.calendars.map((c) => ({ calendarId: c.id, at: new Date(deliveryInstant(catalogue.engine.calendarStatus(c.id, at), at)) }));
  return insertDispatches(db, now, new Date(at - SCAN_WINDOW_MS), deliverAt);
}

const metricLabel = (metric: string, locale: "fr" | "en") => ((locale === "fr" ? fr : en).Dashboard.metrics as Record<string, string>)[metric] ?? metric;

/** The e-mail for one delivered notification: French first, then English; no personal information (the number and a link). */
export function notificationEmail(d: Pick<PendingDispatch, "number" | "targetId" | "dueAt" | "state">, catalogue: Catalogue, baseUrl: string) {
  const metric = catalogue.definition.targets.find((t) => t.id === d.targetId)?.metric ?? (d.targetId.startsWith("promise-") ? "promised-reply" : d.targetId);
  const due = d.dueAt.getTime();
  const link = `${baseUrl}/console/requetes/${encodeURIComponent(d.number)}`;
  const breached = d.state === "breached";
  const subject = breached ? `Guichet — ${d.number} : engagement dépassé / commitment breached` : `Guichet — ${d.number} : engagement à risque / commitment at risk`;
  const body = [
    breached
      ? `La requête ${d.number} a dépassé son engagement « ${metricLabel(metric, "fr")} » (échéance : ${formatDateTime(due, "fr")}).`
      : `La requête ${d.number} risque de dépasser son engagement « ${metricLabel(metric, "fr")} » (échéance : ${formatDateTime(due, "fr")}).`,
    `Ouvrir la requête : ${link}`,
    "",
    breached
      ? `Request ${d.number} has breached its "${metricLabel(metric, "en")}" commitment (due ${formatDateTime(due, "en")}).`
      : `Request ${d.number} is at risk of breaching its "${metricLabel(metric, "en")}" commitment (due ${formatDateTime(due, "en")}).`,
    `Open the request: ${link}`,
  ].join("\n");
  return { subject, body };
}

/** Step 2: due dispatches become notifications and e-mails — or wait for the opening, or are dropped when no longer true. */
export async function deliverNotifications(db: Db, now: Date, baseUrl: string): Promise<{ sent: number; dropped: number; postponed: number; notified: number }> {
  const catalogue = await getCatalogue();
  const at = now.getTime();
  return db.$transaction(async (tx) => {
    const due = await claimDueDispatches(tx, now, DELIVERY_BATCH);
    const agents = await agentsOfServices(tx, [...new Set(due.map((d) => d.serviceId))]);
    const handled: { requestId: string; targetId: string; state: string; outcome: string }[] = [];
    const postponed: { requestId: string; targetId: string; state: string; at: Date }[] = [];
    const notifications: { userId: string; requestId: string; targetId: string; state: string; dueAt: Date; createdAt: Date }[] = [];
    const emails: { userId: string; subject: string; body: string; createdAt: Date }[] = [];
    const known = new Set(catalogue.definition.calendars.map((c) => c.id));
    for (const d of due) {
      const outcome = deliveryOutcome(d, { metAt: d.metAt?.getTime() ?? null, dueAt: d.dueAt.getTime() }, d.requestOpen, at);
      // Due while its calendar is closed (the cycle ran late): to the next opening.
      const deliverAt = outcome === "sent" && known.has(d.calendarId) ? deliveryInstant(catalogue.engine.calendarStatus(d.calendarId, at), at) : at;
      if (deliverAt > at) {
        postponed.push({ ...d, at: new Date(deliverAt) });
        continue;
      }
      handled.push({ requestId: d.requestId, targetId: d.targetId, state: d.state, outcome });
      if (outcome !== "sent") continue;
      const mail = notificationEmail(d, catalogue, baseUrl);
      for (const userId of recipientsOf(d.assigneeId, agents.get(d.serviceId) ?? [])) {
        notifications.push({ userId, requestId: d.requestId, targetId: d.targetId, state: d.state, dueAt: d.dueAt, createdAt: now });
        emails.push({ userId, ...mail, createdAt: now });
      }
    }
    await insertNotifications(tx, notifications);
    await insertEmails(tx, emails);
    await markDispatches(tx, handled, now);
    await rescheduleDispatches(tx, postponed);
    const sent = handled.filter((h) => h.outcome === "sent").length;
    return { sent, dropped: handled.length - sent, postponed: postponed.length, notified: notifications.length };
  });
}

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The centre's name before our address. */
  fromName?: string;
  replyTo?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};

export type MailTransport = { send(message: OutgoingMail): Promise<string> };

/**
 * SMTP when SMTP_URL is set; otherwise nodemailer's JSON transport: the message is rendered and
 * kept in the outbox (readable by admins at /admin/courriels), and nothing leaves the machine.
 */
export function mailTransportFromEnv(): MailTransport {
  const transporter = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : nodemailer.createTransport({ jsonTransport: true });
  const address = mailFromAddress();
  return {
    send: async ({ fromName, ...message }) => {
      const from = fromName ? { name: fromName, address } : (process.env.GUICHET_MAIL_FROM ?? `Guichet <${address}>`);
      return (await transporter.sendMail({ from, ...message })).messageId;
    },
  };
}

const centreNames = (catalogue: Catalogue, serviceId: string | null, locale: string) => {
  const profile = catalogue.profiles.find((p) => p.serviceId === serviceId);
  return profile ? profile.name[locale === "en" ? "en" : "fr"] : undefined;
};

/**
 * Step 3: the outbox handed to the transport, with its thread headers, Reply-To (the centre's
 * mailbox) and attachments; a failure is retried with backoff, given up after 8 attempts; a
 * message whose address is gone (erased, account disabled) is given up at once.
 */
export async function sendEmails(db: Db, transport: MailTransport, now: Date): Promise<{ sent: number; failed: number }> {
  const catalogue = await getCatalogue();
  return db.$transaction(async (tx) => {
    const emails = await claimUnsentEmails(tx, EMAIL_BATCH, EMAIL_MAX_ATTEMPTS, now);
    const mailboxes = await listMailboxes(tx);
    const files = await attachmentStore().forMessages(tx, emails.flatMap((e) => (e.messageRef ? [e.messageRef] : [])));
    // Communiqués' copies: their text and files read once per batch, the e-mail rendered in each person's language.
    const communiques = await communiquesForMail(tx, [...new Set(emails.flatMap((e) => (e.communiqueId ? [e.communiqueId] : [])))]);
    const communiqueOutcomes: { communiqueId: string; userId: string; status: "sent" | "failed" }[] = [];
    let sent = 0;
    for (const email of emails) {
      const communique = email.communiqueId ? communiques.get(email.communiqueId) : undefined;
      if (!email.email) {
        await markEmail(tx, email.id, { error: "no address", retryAt: null });
        if (communique && email.userId) communiqueOutcomes.push({ communiqueId: communique.id, userId: email.userId, status: "failed" });
        continue;
      }
      if (communique) {
        try {
          const mail = communiqueMailOf(communique, email.locale === "en" ? "en" : "fr");
          const messageId = await transport.send({
            to: email.email,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            fromName: centreNames(catalogue, communique.serviceId, email.locale),
            headers: { "X-Guichet-Outbox": String(email.id), "X-Guichet-Communique": communique.number ?? "" },
            attachments: communique.files,
          });
          await markEmail(tx, email.id, { sentAt: now, messageId });
          communiqueOutcomes.push({ communiqueId: communique.id, userId: email.userId!, status: "sent" });
          sent += 1;
        } catch (error) {
          const retryAt = email.attempts + 1 >= EMAIL_MAX_ATTEMPTS ? null : nextAttemptAfter(now, email.attempts);
          await markEmail(tx, email.id, { error: String((error as Error)?.message ?? error).split("\n")[0]!.replaceAll(email.email, "<adresse>").slice(0, 300), retryAt });
          if (!retryAt) communiqueOutcomes.push({ communiqueId: communique.id, userId: email.userId!, status: "failed" });
        }
        continue;
      }
      try {
        const replyTo = mailboxes.find((m) => m.serviceId === email.serviceId && m.audienceId === email.audienceId)?.address;
        const messageId = await transport.send({
          to: email.email,
          subject: email.subject,
          text: email.body,
          ...(email.html ? { html: email.html } : {}),
          ...(email.serviceId ? { fromName: centreNames(catalogue, email.serviceId, email.locale) } : {}),
          ...(replyTo ? { replyTo } : {}),
          ...(email.messageId ? { messageId: email.messageId } : {}),
          ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
          ...(email.references.length ? { references: email.references } : {}),
          headers: { "X-Guichet-Outbox": String(email.id), ...(email.automatic ? { "Auto-Submitted": "auto-replied" } : {}) },
          ...(email.messageRef ? { attachments: files.filter((f) => f.messageId === email.messageRef).map((f) => ({ filename: f.filename, content: f.content, contentType: f.contentType })) } : {}),
        });
        await markEmail(tx, email.id, { sentAt: now, messageId: email.messageId ?? messageId });
        sent += 1;
      } catch (error) {
        // The error's first line only: it never carries the address in what is kept.
        await markEmail(tx, email.id, { error: String((error as Error)?.message ?? error).split("\n")[0]!.replaceAll(email.email, "<adresse>").slice(0, 300), retryAt: nextAttemptAfter(now, email.attempts) });
      }
    }
    await markCommuniqueEmails(tx, communiqueOutcomes);
    return { sent, failed: emails.length - sent };
  }, { timeout: 120_000 });
}

/**
 * Sign-in records kept no longer than they serve: throttle counters once forgotten by the policy,
 * sessions a day after they ended or once older than any cookie can be (SESSION_MAX_AGE renewed
 * for at most 30 days of daily use).
 */
async function purgeSignInRecords(db: Db, now: Date): Promise<void> {
  const day = 86_400_000;
  await deleteStaleThrottleCounters(db, new Date(now.getTime() - FORGET_AFTER_MS));
  await deleteOldSessions(db, new Date(now.getTime() - day), new Date(now.getTime() - 30 * day));
}

/**
 * The outbox emptied batch after batch (a communiqué's thousands of copies), within a time budget:
 * what is left goes at the next cycle. Each batch is its own transaction (SKIP LOCKED: two instances
 * never send one e-mail twice).
 */
export async function sendAllEmails(db: Db, transport: MailTransport, now: Date, budgetMs = 45_000): Promise<{ sent: number; failed: number }> {
  const started = Date.now();
  const total = { sent: 0, failed: 0 };
  for (;;) {
    const batch = await sendEmails(db, transport, now);
    total.sent += batch.sent;
    total.failed += batch.failed;
    if (batch.sent + batch.failed < EMAIL_BATCH || Date.now() - started > budgetMs) return total;
  }
}

type MailCommunique = {
  id: string;
  number: string | null;
  serviceId: string;
  source: "dggir" | "ca-dotation" | "mo";
  organization: string | null;
  titleFr: string;
  bodyFr: string;
  titleEn: string | null;
  bodyEn: string | null;
  fingerprint: string;
  replaces: string | null;
  files: { filename: string; content: Buffer; contentType: string }[];
};

async function communiquesForMail(tx: Tx, ids: readonly string[]): Promise<Map<string, MailCommunique>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.communique.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true, number: true, serviceId: true, source: true, titleFr: true, bodyFr: true, titleEn: true, bodyEn: true, fingerprint: true,
      organization: { select: { name: true } }, replaces: { select: { number: true } },
      attachments: { select: { filename: true, contentType: true, data: true }, orderBy: { filename: "asc" } },
    },
  });
  return new Map(rows.map((r) => [r.id, {
    ...r,
    source: r.source as MailCommunique["source"],
    organization: r.organization?.name ?? null,
    fingerprint: r.fingerprint ?? "",
    replaces: r.replaces?.number ?? null,
    files: r.attachments.map((f) => ({ filename: f.filename, contentType: f.contentType, content: Buffer.from(f.data) })),
  }]));
}

function communiqueMailOf(c: MailCommunique, locale: "fr" | "en") {
  const texts = communiqueTextsIn(c, locale);
  return communiqueMail({
    number: c.number ?? "",
    title: texts.title,
    body: texts.body,
    source: c.source,
    organization: c.organization,
    fingerprint: c.fingerprint,
    files: c.files.map((f) => f.filename),
    replaces: c.replaces,
    url: `${mailBaseUrl()}${locale === "en" ? "/en" : ""}/communiques/${c.id}`,
  }, locale);
}

/** One notification cycle: scan, deliver, send, purge what has served. */
export async function runNotificationCycle(db: Db, now: Date, transport: MailTransport, baseUrl: string) {
  const dispatched = await scanTargets(db, now);
  const delivered = await deliverNotifications(db, now, baseUrl);
  const followUps = await remindFollowUps(db, now, baseUrl);
  const digests = await runDigests(db, now, baseUrl);
  const emails = await sendEmails(db, transport, now);
  await purgeNotifications(db, now);
  // On the wall clock, whatever the cycle's "now": a test's fixed instant months ahead must not
  // purge the sessions of people signed in today.
  await purgeSignInRecords(db, new Date());
  return { dispatched, ...delivered, followUps, digests, emails };
}

// --- The people's side: their notifications -------------------------------------------------------

const PAGE = 50;

function agentOnly(user: CurrentUser | null): asserts user is CurrentUser {
  if (!user || user.role !== "agent") throw new AppError("NOT_FOUND", "notifications are for agents");
}

/** An agent's notifications, newest first, 50 a page (keyset `before`). */
export async function readNotifications(user: CurrentUser | null, before?: bigint) {
  agentOnly(user);
  const rows = await listNotifications(getDb(), user.id, { take: PAGE + 1, before });
  return { rows: rows.slice(0, PAGE), hasMore: rows.length > PAGE, unread: await countUnread(getDb(), user.id) };
}

/** How many unread notifications (0 for anyone who is not an agent). */
export async function unreadNotifications(user: CurrentUser | null): Promise<number> {
  return user?.role === "agent" ? countUnread(getDb(), user.id) : 0;
}

export async function markNotificationsRead(user: CurrentUser | null, ids: readonly bigint[] | "all", now: Date): Promise<number> {
  agentOnly(user);
  return markRead(getDb(), user.id, ids, now);
}

/** One cycle on the app's database and mail transport (the e2e tests' route, at their fixed instant). */
export function runAppNotificationCycle(now: Date, baseUrl: string) {
  return runNotificationCycle(getDb(), now, mailTransportFromEnv(), baseUrl);
}
