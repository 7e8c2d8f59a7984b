import "server-only";
// Notifications in the database: the dispatches (once per request, target and state), the
// people's in-app notifications, and the e-mail outbox. Every statement is set-based (no query
// per row); the pending rows are claimed with FOR UPDATE SKIP LOCKED, so two instances running
// the cycle at once never handle the same row.
import type { NotifiedState } from "@/domain/notifications/notifications";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

/** Requests whose commitments are still being worked on (resolved and closed ones are not notified). */
const OPEN_STATUSES = Prisma.sql`('new', 'in_progress', 'waiting_requester')`;

/**
 * Records a dispatch for every unmet target of an open request whose risk (or due) instant passed
 * within (since, now] — once: an existing (request, target, state) is left alone. `deliverAt`
 * per calendar (now when open, else its next opening); a calendar not listed delivers now.
 */
export async function insertDispatches(db: Db | Tx, now: Date, since: Date, deliverAt: readonly { calendarId: string; at: Date }[]): Promise<number> {
  const ids = deliverAt.map((d) => d.calendarId);
  const instants = deliverAt.map((d) => d.at);
  return db.$executeRaw`
    WITH due_by_calendar AS (
      SELECT * FROM unnest(${ids}::text[], ${instants}::timestamptz[]) AS c(calendar_id, deliver_at)
    ), entered AS (
      SELECT t.request_id, t.target_id, t.calendar_id, 'at-risk' AS state, t.risk_at AS since
      FROM request_target t
      WHERE t.met_at IS NULL AND t.risk_at > ${since} AND t.risk_at <= ${now}
      UNION ALL
      SELECT t.request_id, t.target_id, t.calendar_id, 'breached', t.due_at
      FROM request_target t
      WHERE t.met_at IS NULL AND t.due_at > ${since} AND t.due_at <= ${now}
    )
    INSERT INTO notification_dispatch (request_id, target_id, state, since, deliver_at, created_at)
    SELECT e.request_id, e.target_id, e.state, e.since, COALESCE(c.deliver_at, ${now}), ${now}
    FROM entered e
    JOIN request r ON r.id = e.request_id AND r.status IN ${OPEN_STATUSES}
    LEFT JOIN due_by_calendar c ON c.calendar_id = e.calendar_id
    ON CONFLICT DO NOTHING`;
}

export type PendingDispatch = {
  requestId: string;
  targetId: string;
  state: NotifiedState;
  calendarId: string;
  serviceId: string;
  number: string;
  assigneeId: string | null;
  requestOpen: boolean;
  metAt: Date | null;
  dueAt: Date;
};

/** Claims (locks, skipping rows another instance holds) the dispatches due by `now`, oldest first. */
export async function claimDueDispatches(tx: Tx, now: Date, limit: number): Promise<PendingDispatch[]> {
  const rows = await tx.$queryRaw<
    { request_id: string; target_id: string; state: string; calendar_id: string; service_id: string; number: string; assignee_id: string | null; request_open: boolean; met_at: Date | null; due_at: Date }[]
  >`
    WITH claimed AS (
      SELECT d.request_id, d.target_id, d.state, d.deliver_at
      FROM notification_dispatch d
      WHERE d.handled_at IS NULL AND d.deliver_at <= ${now}
      ORDER BY d.deliver_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    SELECT c.request_id::text, c.target_id, c.state, t.calendar_id, r.service_id, r.number, r.assignee_id::text,
           (r.status IN ${OPEN_STATUSES}) AS request_open, t.met_at, t.due_at
    FROM claimed c
    JOIN request r ON r.id = c.request_id
    JOIN request_target t ON t.request_id = c.request_id AND t.target_id = c.target_id
    ORDER BY c.deliver_at`;
  return rows.map((r) => ({
    requestId: r.request_id,
    targetId: r.target_id,
    state: r.state as NotifiedState,
    calendarId: r.calendar_id,
    serviceId: r.service_id,
    number: r.number,
    assigneeId: r.assignee_id,
    requestOpen: r.request_open,
    metAt: r.met_at,
    dueAt: r.due_at,
  }));
}

/** The active agents of each of these services. */
export async function agentsOfServices(tx: Tx, serviceIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await tx.userService.findMany({
    where: { serviceId: { in: [...serviceIds] }, user: { role: "agent", disabledAt: null } },
    select: { serviceId: true, userId: true },
    orderBy: { userId: "asc" },
  });
  const byService = new Map<string, string[]>();
  for (const row of rows) byService.set(row.serviceId, [...(byService.get(row.serviceId) ?? []), row.userId]);
  return byService;
}

type DispatchKey = { requestId: string; targetId: string; state: string };

const keyTuples = (keys: readonly DispatchKey[]) => ({
  requests: keys.map((k) => k.requestId),
  targets: keys.map((k) => k.targetId),
  states: keys.map((k) => k.state),
});

/** Dispatches handled with an outcome (sent, met, superseded). */
export async function markDispatches(tx: Tx, keys: readonly (DispatchKey & { outcome: string })[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  const { requests, targets, states } = keyTuples(keys);
  const outcomes = keys.map((k) => k.outcome);
  await tx.$executeRaw`
    UPDATE notification_dispatch d SET handled_at = ${now}, outcome = k.outcome
    FROM unnest(${requests}::uuid[], ${targets}::text[], ${states}::text[], ${outcomes}::text[]) AS k(request_id, target_id, state, outcome)
    WHERE d.request_id = k.request_id AND d.target_id = k.target_id AND d.state = k.state`;
}

/** Dispatches due while their calendar is closed (the scan or the delivery ran late): moved to its next opening. */
export async function rescheduleDispatches(tx: Tx, keys: readonly (DispatchKey & { at: Date })[]): Promise<void> {
  if (keys.length === 0) return;
  const { requests, targets, states } = keyTuples(keys);
  const instants = keys.map((k) => k.at);
  await tx.$executeRaw`
    UPDATE notification_dispatch d SET deliver_at = k.at
    FROM unnest(${requests}::uuid[], ${targets}::text[], ${states}::text[], ${instants}::timestamptz[]) AS k(request_id, target_id, state, at)
    WHERE d.request_id = k.request_id AND d.target_id = k.target_id AND d.state = k.state`;
}

export async function insertNotifications(
  tx: Tx,
  rows: readonly { userId: string; requestId: string; targetId: string; state: string; dueAt: Date; createdAt: Date }[],
): Promise<void> {
  if (rows.length) await tx.notification.createMany({ data: [...rows], skipDuplicates: true });
}

/** E-mails to staff; `kind` defaults to notification (digest, follow_up, second_level_answered otherwise). */
export async function insertEmails(tx: Tx, rows: readonly { userId: string; subject: string; body: string; createdAt: Date; kind?: string }[]): Promise<void> {
  if (rows.length) await tx.emailOutbox.createMany({ data: [...rows] });
}

export type OutboxRow = {
  id: bigint;
  email: string | null;
  subject: string;
  body: string;
  html: string | null;
  attempts: number;
  kind: string;
  automatic: boolean;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  messageRef: string | null;
  locale: string;
  serviceId: string | null;
  audienceId: string | null;
  userId: string | null;
  communiqueId: string | null;
};

/**
 * E-mails due to be sent (not given up on, past their backoff), locked, with their address read
 * now: the staff member's, or the request's requester's (null once erased or the account disabled).
 */
export async function claimUnsentEmails(tx: Tx, limit: number, maxAttempts: number, now: Date = new Date()): Promise<OutboxRow[]> {
  return tx.$queryRaw<OutboxRow[]>`
    SELECT o.id, COALESCE(u.email, xc.email, CASE WHEN ru.disabled_at IS NULL THEN ru.email END, r.requester_email) AS email,
           o.subject, o.body, o.html, o.attempts, o.kind, o.automatic, o.message_id AS "messageId", o.in_reply_to AS "inReplyTo",
           o."references", o.message_ref::text AS "messageRef", o.locale, r.service_id AS "serviceId", r.audience_id AS "audienceId",
           o.user_id::text AS "userId", o.communique_id::text AS "communiqueId"
    FROM email_outbox o
    LEFT JOIN app_user u ON u.id = o.user_id
    LEFT JOIN request r ON r.id = o.request_id
    LEFT JOIN app_user ru ON ru.id = r.requester_user_id
    LEFT JOIN external_contact xc ON xc.id = o.contact_id
    WHERE o.sent_at IS NULL AND o.attempts < ${maxAttempts} AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ${now})
    ORDER BY o.id
    LIMIT ${limit}
    FOR UPDATE OF o SKIP LOCKED`;
}

/** Backoff after a failed attempt: 1, 2, 4 … minutes, at most an hour. */
export function nextAttemptAfter(now: Date, attempts: number): Date {
  return new Date(now.getTime() + Math.min(60, 2 ** Math.max(0, attempts)) * 60_000);
}

export async function markEmail(
  tx: Tx,
  id: bigint,
  result: { sentAt: Date; messageId: string } | { error: string; retryAt: Date | null },
): Promise<void> {
  await tx.emailOutbox.update({
    where: { id },
    data: "error" in result
      ? { attempts: result.retryAt ? { increment: 1 } : 1_000, lastError: result.error, nextAttemptAt: result.retryAt }
      : { attempts: { increment: 1 }, sentAt: result.sentAt, messageId: result.messageId, lastError: null },
    select: { id: true },
  });
}

/** What has served its purpose: e-mails sent over 30 days ago, notifications read over 90 days ago. */
export async function purgeNotifications(db: Db, now: Date): Promise<void> {
  const day = 86_400_000;
  await db.emailOutbox.deleteMany({ where: { sentAt: { lt: new Date(now.getTime() - 30 * day) } } });
  await db.notification.deleteMany({ where: { readAt: { lt: new Date(now.getTime() - 90 * day) } } });
}

/** A person's notifications, newest first, with their request's number and service. */
export function listNotifications(db: Db, userId: string, options: { take: number; before?: bigint }) {
  return db.notification.findMany({
    where: { userId, ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: options.take,
    select: { id: true, targetId: true, state: true, dueAt: true, createdAt: true, readAt: true, request: { select: { number: true, serviceId: true } } },
  });
}

export function countUnread(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks a person's notifications read (these ids, or all); the count changed. */
export async function markRead(db: Db, userId: string, ids: readonly bigint[] | "all", now: Date): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) }, data: { readAt: now } });
  return count;
}
