import "server-only";
// Second level and follow-up (external contacts, referrals), quality review of resolutions, and the
// managers' daily digest: the only place that reads or writes their tables.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

// --- External contacts ------------------------------------------------------------------------------

export type ContactRow = { id: string; serviceId: string; name: string; email: string; role: string; disabledAt: Date | null };
const contactSelect = { id: true, serviceId: true, name: true, email: true, role: true, disabledAt: true } as const;

export function listContacts(db: Db | Tx, serviceId: string, options: { activeOnly?: boolean } = {}): Promise<ContactRow[]> {
  return db.externalContact.findMany({
    where: { serviceId, ...(options.activeOnly ? { disabledAt: null } : {}) },
    select: contactSelect,
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}

export function findContact(db: Db | Tx, id: string): Promise<ContactRow | null> {
  return db.externalContact.findUnique({ where: { id }, select: contactSelect });
}

/** Null when the service already has a contact with this address. */
export async function insertContact(db: Db | Tx, data: { serviceId: string; name: string; email: string; role: string }): Promise<{ id: string } | null> {
  try {
    return await db.externalContact.create({ data, select: { id: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

/** False when another contact of the service has this address. */
export async function updateContact(db: Db | Tx, id: string, data: { name: string; email: string; role: string; disabledAt: Date | null }): Promise<boolean> {
  try {
    await db.externalContact.update({ where: { id }, data, select: { id: true } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

// --- Referrals ----------------------------------------------------------------------------------------

export type ReferralRow = {
  id: string;
  requestId: string;
  sentAt: Date;
  followUpAt: Date;
  remindedAt: Date | null;
  answeredAt: Date | null;
  answeredVia: string | null;
  contact: { id: string; name: string; email: string; role: string };
  sentBy: { name: string } | null;
};
const referralSelect = {
  id: true,
  requestId: true,
  sentAt: true,
  followUpAt: true,
  remindedAt: true,
  answeredAt: true,
  answeredVia: true,
  contact: { select: { id: true, name: true, email: true, role: true } },
  sentBy: { select: { name: true } },
} as const;

export function listReferrals(db: Db | Tx, requestIds: readonly string[]): Promise<ReferralRow[]> {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db.referral.findMany({ where: { requestId: { in: [...requestIds] } }, select: referralSelect, orderBy: { sentAt: "asc" } });
}

export function insertReferral(tx: Tx, data: { requestId: string; contactId: string; sentById: string; sentAt: Date; followUpAt: Date }): Promise<{ id: string }> {
  return tx.referral.create({ data, select: { id: true } });
}

/** The request's waiting referral (one at a time), if any. */
export function findWaitingReferral(db: Db | Tx, requestId: string): Promise<ReferralRow | null> {
  return db.referral.findFirst({ where: { requestId, answeredAt: null }, select: referralSelect, orderBy: { sentAt: "desc" } });
}

/** Ends the waiting referral; false when it was no longer waiting (answered meanwhile). */
export async function closeReferral(tx: Tx, id: string, at: Date, via: "email" | "typed" | "withdrawn"): Promise<boolean> {
  const { count } = await tx.referral.updateMany({ where: { id, answeredAt: null }, data: { answeredAt: at, answeredVia: via } });
  return count === 1;
}

/** Whether one of these Message-IDs is one of our forwards to a second-level party. */
export async function isSecondLevelMessage(db: Db | Tx, messageIds: readonly string[]): Promise<boolean> {
  if (messageIds.length === 0) return false;
  return (await db.emailOutbox.count({ where: { messageId: { in: [...messageIds].slice(0, 50) }, contactId: { not: null } } })) > 0;
}

export type DueFollowUp = { id: string; requestId: string; number: string; serviceId: string; audienceId: string; assigneeId: string | null; followUpAt: Date; contactName: string };

/** Waiting referrals whose follow-up date has come and whose reminder has not gone out, locked for this cycle. */
export function claimDueFollowUps(tx: Tx, now: Date, limit: number): Promise<DueFollowUp[]> {
  return tx.$queryRaw<DueFollowUp[]>`
    SELECT f.id::text AS id, f.request_id::text AS "requestId", r.number, r.service_id AS "serviceId", r.audience_id AS "audienceId",
           r.assignee_id::text AS "assigneeId", f.follow_up_at AS "followUpAt", c.name AS "contactName"
    FROM referral f
    JOIN request r ON r.id = f.request_id
    JOIN external_contact c ON c.id = f.contact_id
    WHERE f.answered_at IS NULL AND f.reminded_at IS NULL AND f.follow_up_at <= ${now} AND r.status NOT IN ('resolved', 'closed')
    ORDER BY f.follow_up_at
    LIMIT ${limit}
    FOR UPDATE OF f SKIP LOCKED`;
}

export async function markReminded(tx: Tx, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length) await tx.referral.updateMany({ where: { id: { in: [...ids] } }, data: { remindedAt: at } });
}

/** A service's second level over a period: waiting now, answered in the period and their waiting time. */
export type SecondLevelFigures = { waitingNow: number; oldestWaitingSince: Date | null; followUpsPassed: number; sent: number; answered: number; medianWaitMs: number | null; maxWaitMs: number | null };

export async function secondLevelFigures(db: Db, serviceId: string, from: Date, to: Date, now: Date): Promise<SecondLevelFigures> {
  const [row] = await db.$queryRaw<{ waiting: bigint; oldest: Date | null; passed: bigint; sent: bigint; answered: bigint; median: number | null; max: number | null }[]>`
    SELECT
      (SELECT count(*) FROM referral f JOIN request r ON r.id = f.request_id WHERE r.service_id = ${serviceId} AND f.answered_at IS NULL) AS waiting,
      (SELECT min(f.sent_at) FROM referral f JOIN request r ON r.id = f.request_id WHERE r.service_id = ${serviceId} AND f.answered_at IS NULL) AS oldest,
      (SELECT count(*) FROM referral f JOIN request r ON r.id = f.request_id WHERE r.service_id = ${serviceId} AND f.answered_at IS NULL AND f.follow_up_at <= ${now}) AS passed,
      (SELECT count(*) FROM referral f JOIN request r ON r.id = f.request_id WHERE r.service_id = ${serviceId} AND f.sent_at >= ${from} AND f.sent_at < ${to}) AS sent,
      count(*) AS answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.answered_at - a.sent_at) * 1000) AS median,
      max(extract(epoch FROM a.answered_at - a.sent_at) * 1000) AS max
    FROM referral a JOIN request ar ON ar.id = a.request_id
    WHERE ar.service_id = ${serviceId} AND a.answered_via IN ('email', 'typed') AND a.answered_at >= ${from} AND a.answered_at < ${to}`;
  return {
    waitingNow: Number(row!.waiting),
    oldestWaitingSince: row!.oldest,
    followUpsPassed: Number(row!.passed),
    sent: Number(row!.sent),
    answered: Number(row!.answered),
    medianWaitMs: row!.median === null ? null : Math.round(Number(row!.median)),
    maxWaitMs: row!.max === null ? null : Math.round(Number(row!.max)),
  };
}

// --- Quality review -----------------------------------------------------------------------------------

export function findServiceReviewSetting(db: Db | Tx, serviceId: string): Promise<boolean> {
  return db.service.findUnique({ where: { id: serviceId }, select: { reviewResolutions: true } }).then((s) => s?.reviewResolutions ?? false);
}

export async function setServiceReviewSetting(db: Db | Tx, serviceId: string, value: boolean): Promise<void> {
  await db.service.update({ where: { id: serviceId }, data: { reviewResolutions: value }, select: { id: true } });
}

export type ReviewRow = {
  id: string;
  requestId: string;
  messageId: string;
  submittedAt: Date;
  replyKind: string;
  statusAfter: string;
  decidedAt: Date | null;
  decision: string | null;
  comment: string | null;
  author: { id: string; name: string } | null;
  reviewer: { name: string } | null;
};
const reviewSelect = {
  id: true,
  requestId: true,
  messageId: true,
  submittedAt: true,
  replyKind: true,
  statusAfter: true,
  decidedAt: true,
  decision: true,
  comment: true,
  author: { select: { id: true, name: true } },
  reviewer: { select: { name: true } },
} as const;

export function listReviews(db: Db | Tx, requestIds: readonly string[]): Promise<ReviewRow[]> {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db.resolutionReview.findMany({ where: { requestId: { in: [...requestIds] } }, select: reviewSelect, orderBy: { submittedAt: "asc" } });
}

export function findPendingReview(db: Db | Tx, requestId: string): Promise<ReviewRow | null> {
  return db.resolutionReview.findFirst({ where: { requestId, decidedAt: null }, select: reviewSelect });
}

export function insertReview(tx: Tx, data: { requestId: string; messageId: string; authorId: string; submittedAt: Date; replyKind: string; statusAfter: string }): Promise<{ id: string }> {
  return tx.resolutionReview.create({ data, select: { id: true } });
}

/** Records the decision; false when the review was decided meanwhile. */
export async function decideReview(tx: Tx, id: string, data: { reviewerId: string; decidedAt: Date; decision: "approved" | "returned"; comment: string | null }): Promise<boolean> {
  const { count } = await tx.resolutionReview.updateMany({ where: { id, decidedAt: null }, data });
  return count === 1;
}

export async function setMessageVisibility(tx: Tx, messageId: string, visibility: string, at?: Date): Promise<void> {
  await tx.message.update({ where: { id: messageId }, data: { visibility, ...(at ? { at } : {}) }, select: { id: true } });
}

export type ReviewFigures = { pendingNow: number; submitted: number; approved: number; returned: number };

export async function reviewFigures(db: Db, serviceId: string, from: Date, to: Date): Promise<ReviewFigures> {
  const [row] = await db.$queryRaw<{ pending: bigint; submitted: bigint; approved: bigint; returned: bigint }[]>`
    SELECT
      (SELECT count(*) FROM resolution_review v JOIN request r ON r.id = v.request_id WHERE r.service_id = ${serviceId} AND v.decided_at IS NULL) AS pending,
      count(*) FILTER (WHERE v.submitted_at >= ${from} AND v.submitted_at < ${to}) AS submitted,
      count(*) FILTER (WHERE v.decision = 'approved' AND v.decided_at >= ${from} AND v.decided_at < ${to}) AS approved,
      count(*) FILTER (WHERE v.decision = 'returned' AND v.decided_at >= ${from} AND v.decided_at < ${to}) AS returned
    FROM resolution_review v JOIN request r ON r.id = v.request_id
    WHERE r.service_id = ${serviceId} AND (v.submitted_at >= ${from} OR v.decided_at >= ${from}) AND v.submitted_at < ${to}`;
  return { pendingNow: Number(row!.pending), submitted: Number(row!.submitted), approved: Number(row!.approved), returned: Number(row!.returned) };
}

// --- The managers' digest -----------------------------------------------------------------------------

/** Takes the day's digest of a service; false when another instance (or an earlier cycle) took it. */
export async function claimDigest(tx: Tx, serviceId: string, day: string, at: Date): Promise<boolean> {
  const rows = await tx.$queryRaw<{ day: Date }[]>`
    INSERT INTO digest_run (service_id, day, sent_at) VALUES (${serviceId}, ${day}::date, ${at})
    ON CONFLICT (service_id, day) DO NOTHING RETURNING day`;
  return rows.length === 1;
}

export async function digestDone(db: Db, serviceId: string, day: string): Promise<boolean> {
  return (await db.digestRun.count({ where: { serviceId, day: new Date(`${day}T00:00:00Z`) } })) > 0;
}

/** When the service's previous digest went out (the new one covers the breaches since). */
export async function previousDigestAt(tx: Db | Tx, serviceId: string, before: string): Promise<Date | null> {
  const row = await tx.digestRun.findFirst({ where: { serviceId, day: { lt: new Date(`${before}T00:00:00Z`) } }, orderBy: { day: "desc" }, select: { sentAt: true } });
  return row?.sentAt ?? null;
}

export type DigestLine = { number: string; subject: string; metric: string; dueAt: Date; assigneeName: string | null };

/** Targets of the service's requests breached in [from, to): due then and not met by then. */
export function breachesBetween(tx: Db | Tx, serviceId: string, from: Date, to: Date, limit: number): Promise<DigestLine[]> {
  return tx.$queryRaw<DigestLine[]>`
    SELECT r.number, r.subject, t.metric, t.due_at AS "dueAt", u.name AS "assigneeName"
    FROM request_target t
    JOIN request r ON r.id = t.request_id
    LEFT JOIN app_user u ON u.id = r.assignee_id
    WHERE r.service_id = ${serviceId} AND t.due_at >= ${from} AND t.due_at < ${to} AND (t.met_at IS NULL OR t.met_at > t.due_at)
      AND r.merged_into_id IS NULL
    ORDER BY t.due_at, r.number
    LIMIT ${limit}`;
}

/** The active managers of a service (and no admin: the digest is the service's managers'). */
export function managersOf(tx: Tx, serviceId: string): Promise<{ id: string }[]> {
  return tx.user.findMany({ where: { role: "manager", disabledAt: null, services: { some: { serviceId } } }, select: { id: true } });
}

// --- Writes of the second level into a request's thread ------------------------------------------------

/** An internal message of the second level's exchange: the agent's forward note, or the answer (typed, or by e-mail). */
export async function appendSecondLevelMessage(
  tx: Tx,
  data: { requestId: string; authorUserId: string | null; replyKind: "second_level_forward" | "second_level_answer"; body: string; at: Date; quoted?: string | null; inboundEmailId?: bigint | null },
): Promise<{ id: string }> {
  return tx.message.create({
    data: { ...data, authorKind: data.authorUserId ? "agent" : "second_level", visibility: "internal", quoted: data.quoted ?? null, inboundEmailId: data.inboundEmailId ?? null },
    select: { id: true },
  });
}

/** What a forward carries: the request's number, subject, receipt and its public thread (no system messages). */
export function findForwardFacts(tx: Tx, requestId: string) {
  return tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { number: true, subject: true, receivedAt: true, messages: { where: { visibility: "public", systemKind: null }, orderBy: { at: "asc" }, select: { authorKind: true, body: true, at: true } } },
  });
}

/** The e-mail to a second-level party (its address read at sending from the contact). */
export async function insertContactEmail(tx: Tx, row: { requestId: string; contactId: string; subject: string; body: string; messageId: string; references: string[]; createdAt: Date }): Promise<void> {
  await tx.emailOutbox.create({ data: { ...row, kind: "second_level", automatic: false, locale: "fr", nextAttemptAt: row.createdAt }, select: { id: true } });
}

/** A change to the request made by no agent (an e-mail came in): its version moves, so a form opened before sees it. */
export async function touchRequest(tx: Tx, requestId: string): Promise<{ number: string; assigneeId: string | null }> {
  return tx.request.update({ where: { id: requestId }, data: { version: { increment: 1 } }, select: { number: true, assigneeId: true } });
}

/** The addresses of the parties a request was forwarded to (their mail naming its number threads into it). */
export async function referralContactEmails(db: Db | Tx, requestId: string): Promise<string[]> {
  const rows = await db.referral.findMany({ where: { requestId }, select: { contact: { select: { email: true } } } });
  return [...new Set(rows.map((r) => r.contact.email))];
}

/** The held answer's text and the names of its files (what the e-mail sent on approval says). */
export async function findReviewMessage(tx: Tx, messageId: string): Promise<{ body: string; files: string[] }> {
  const m = await tx.message.findUniqueOrThrow({ where: { id: messageId }, select: { body: true, attachments: { select: { filename: true }, orderBy: { createdAt: "asc" } } } });
  return { body: m.body, files: m.attachments.map((a) => a.filename) };
}
