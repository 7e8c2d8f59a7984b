import "server-only";
// Communiqués in SQL: the audience as one condition on app_user (counted before sending, and the
// fan-out's), the fan-out in batches (each its own short transaction: the people of the batch get
// the communiqué in the app and their e-mail copy queued in the outbox, then the cursor moves on),
// a person's list and unread count, and the figures (reached, e-mails, read, questions).
import { Prisma } from "@/generated/prisma/client";
import type { CommuniqueAudience } from "@/domain/communiques/communiques";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

/**
 * The people an audience reaches, as a condition on `u` (app_user): active (not disabled, their
 * password chosen), allowed to use the centre (their MO subscribes to it and their pilot gave it
 * to them), of a role chosen, of an organization chosen, and — when groups are chosen — of one of
 * the groups. An MO's pilot is reached whatever the groups: they pilot SAGIR for their MO and
 * answer its people.
 */
export function audienceCondition(serviceId: string, audience: CommuniqueAudience): Prisma.Sql {
  const roles = audience.roles.length ? audience.roles : ["none"];
  const organizations =
    audience.organizations === "list"
      ? Prisma.sql`AND u.organization_id = ANY(${audience.organizationIds.length ? audience.organizationIds : ["00000000-0000-0000-0000-000000000000"]}::uuid[])`
      : audience.organizations === "adhered"
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM organization o WHERE o.id = u.organization_id AND o.sagir_adhered_on IS NOT NULL)`
        : Prisma.empty;
  const groups = audience.groups.length
    ? Prisma.sql`AND (u.role = 'mo_pilot' OR EXISTS (SELECT 1 FROM user_sagir_group g WHERE g.user_id = u.id AND g.group_id = ANY(${audience.groups}::text[])))`
    : Prisma.empty;
  return Prisma.sql`u.disabled_at IS NULL AND u.password_hash IS NOT NULL AND u.organization_id IS NOT NULL
    AND u.role::text = ANY(${roles}::text[])
    AND EXISTS (SELECT 1 FROM user_service us WHERE us.user_id = u.id AND us.service_id = ${serviceId})
    AND EXISTS (SELECT 1 FROM organization_service os WHERE os.organization_id = u.organization_id AND os.service_id = ${serviceId})
    ${organizations} ${groups}`;
}

export async function countAudience(db: Db | Tx, serviceId: string, audience: CommuniqueAudience): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM app_user u WHERE ${audienceCondition(serviceId, audience)}`;
  return row?.n ?? 0;
}

/** Whether one person is in an audience (the same condition). */
export async function isInAudience(db: Db | Tx, userId: string, serviceId: string, audience: CommuniqueAudience): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT u.id FROM app_user u WHERE u.id = ${userId}::uuid AND ${audienceCondition(serviceId, audience)}`;
  return rows.length > 0;
}

/** The next number of a prefix and year, without gaps (the requests' counter table). */
export async function nextCommuniqueSequence(tx: Tx, prefix: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO request_counter (prefix, year, last) VALUES (${prefix}, ${year}, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = request_counter.last + 1
    RETURNING last`;
  return row!.last;
}

/** Planned communiqués whose instant has come: now sent (each once, whoever runs the cycle). */
export async function releaseDueCommuniques(db: Db, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE communique SET status = 'sent', sent_at = ${now}, updated_at = ${now}
    WHERE status = 'scheduled' AND send_at <= ${now}
    RETURNING id::text AS id`;
  return rows.map((r) => r.id);
}

/** Communiqués sent but not yet given to everyone (oldest first). */
export async function communiquesToFanOut(db: Db, limit = 20): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM communique WHERE status = 'sent' AND fanned_out_at IS NULL ORDER BY sent_at, id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

type FanOutRow = { id: string; service_id: string; audience: CommuniqueAudience; fanout_cursor: string | null; title_fr: string; title_en: string | null; number: string; sent_at: Date };

/**
 * One batch of a communiqué's fan-out, in its own transaction: the communiqué is locked (another
 * worker skips it meanwhile), the next people of the audience in id order get it in the app and
 * their e-mail copy in the outbox (in their language), and the cursor moves past them. It is
 * "received" at the instant it was sent (the list is in that order), whichever batch brought it. Null when
 * there is nothing to do (done, or another worker holds it).
 */
export async function fanOutBatch(db: Db, communiqueId: string, now: Date, size: number): Promise<{ added: number; done: boolean } | null> {
  return db.$transaction(async (tx) => {
    const [c] = await tx.$queryRaw<FanOutRow[]>`
      SELECT id::text AS id, service_id, audience, fanout_cursor::text AS fanout_cursor, title_fr, title_en, number, sent_at
      FROM communique WHERE id = ${communiqueId}::uuid AND status = 'sent' AND fanned_out_at IS NULL
      FOR UPDATE SKIP LOCKED`;
    if (!c) return null;
    const after = c.fanout_cursor ?? "00000000-0000-0000-0000-000000000000";
    const [result] = await tx.$queryRaw<{ picked: number; added: number; last: string | null }[]>`
      WITH picked AS (
        SELECT u.id, u.locale FROM app_user u
        WHERE u.id > ${after}::uuid AND ${audienceCondition(c.service_id, c.audience)}
        ORDER BY u.id LIMIT ${size}
      ), added AS (
        INSERT INTO communique_recipient (communique_id, user_id, delivered_at, email_status)
        SELECT ${communiqueId}::uuid, id, ${c.sent_at}, 'queued' FROM picked
        ON CONFLICT DO NOTHING
        RETURNING user_id
      ), mailed AS (
        INSERT INTO email_outbox (user_id, kind, automatic, locale, subject, body, communique_id, created_at)
        SELECT p.id, 'communique', false, p.locale,
               left('[' || ${c.number} || '] ' || CASE WHEN p.locale = 'en' AND ${c.title_en}::text IS NOT NULL THEN ${c.title_en}::text ELSE ${c.title_fr} END, 250),
               '', ${communiqueId}::uuid, ${now}
        FROM added a JOIN picked p ON p.id = a.user_id
        RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM picked) AS picked,
             (SELECT count(*)::int FROM mailed) AS added,
             (SELECT id::text FROM picked ORDER BY id DESC LIMIT 1) AS last`;
    const done = result!.picked < size;
    await tx.$executeRaw`
      UPDATE communique SET fanout_cursor = COALESCE(${result!.last}::uuid, fanout_cursor), recipient_count = recipient_count + ${result!.added},
             fanned_out_at = ${done ? now : null}
      WHERE id = ${communiqueId}::uuid`;
    return { added: result!.added, done };
  }, { timeout: 60_000 });
}

export type ReceivedRow = {
  id: string;
  number: string;
  service_id: string;
  source: string;
  organization_name: string | null;
  title_fr: string;
  title_en: string | null;
  delivered_at: Date;
  read_at: Date | null;
};

/** A person's communiqués, newest first (keyset: the last one's delivery instant and id). */
export async function listReceived(db: Db, userId: string, take: number, before?: { at: Date; id: string }): Promise<ReceivedRow[]> {
  const keyset = before ? Prisma.sql`AND (r.delivered_at, r.communique_id) < (${before.at}, ${before.id}::uuid)` : Prisma.empty;
  return db.$queryRaw<ReceivedRow[]>`
    SELECT c.id::text AS id, c.number, c.service_id, c.source, o.name AS organization_name, c.title_fr, c.title_en, r.delivered_at, r.read_at
    FROM communique_recipient r
    JOIN communique c ON c.id = r.communique_id
    LEFT JOIN organization o ON o.id = c.organization_id
    WHERE r.user_id = ${userId}::uuid ${keyset}
    ORDER BY r.delivered_at DESC, r.communique_id DESC
    LIMIT ${take}`;
}

export async function countUnreadCommuniques(db: Db, userId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM communique_recipient WHERE user_id = ${userId}::uuid AND read_at IS NULL`;
  return row?.n ?? 0;
}

export type CommuniqueFigures = {
  id: string;
  reached: number;
  emailsSent: number;
  emailsFailed: number;
  emailsQueued: number;
  read: number;
  questions: number;
  answered: number;
  answeredOnTime: number;
};

/**
 * The figures of communiqués: people reached, e-mail copies sent / failed (given up) / waiting,
 * read in the app, questions asked, answered (an answer or a redirection went out, or the request
 * was resolved), and answered on time (answered, and no commitment of the request missed).
 */
export async function communiqueFigures(db: Db | Tx, ids: readonly string[]): Promise<Map<string, CommuniqueFigures>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<CommuniqueFigures[]>`
    SELECT c.id::text AS id, c.recipient_count AS reached,
           COALESCE(rc.sent, 0)::int AS "emailsSent", COALESCE(rc.failed, 0)::int AS "emailsFailed", COALESCE(rc.queued, 0)::int AS "emailsQueued",
           COALESCE(rc.read, 0)::int AS read,
           COALESCE(q.asked, 0)::int AS questions, COALESCE(q.answered, 0)::int AS answered, COALESCE(q.on_time, 0)::int AS "answeredOnTime"
    FROM communique c
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE email_status = 'sent') AS sent, count(*) FILTER (WHERE email_status = 'failed') AS failed,
             count(*) FILTER (WHERE email_status = 'queued') AS queued, count(read_at) AS read
      FROM communique_recipient WHERE communique_id = c.id
    ) rc ON TRUE
    LEFT JOIN LATERAL (
      SELECT count(*) AS asked,
             count(*) FILTER (WHERE a.answered) AS answered,
             count(*) FILTER (WHERE a.answered AND NOT r.missed AND NOT EXISTS (
               SELECT 1 FROM request_target t WHERE t.request_id = r.id AND t.met_at IS NULL AND t.due_at < now())) AS on_time
      FROM request r
      CROSS JOIN LATERAL (
        SELECT r.status IN ('resolved', 'closed') OR EXISTS (
          SELECT 1 FROM message m WHERE m.request_id = r.id AND m.author_kind = 'agent' AND m.visibility = 'public' AND m.reply_kind IN ('answer', 'redirection')
        ) AS answered
      ) a
      WHERE r.communique_id = c.id
    ) q ON TRUE
    WHERE c.id = ANY(${[...ids]}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r]));
}

export type QuestionRow = {
  number: string;
  subject: string;
  status: string;
  organization_name: string | null;
  received_at: Date;
  next_due_at: Date | null;
  missed: boolean;
  assignee_name: string | null;
  answered: boolean;
};

/** The questions asked about a communiqué, oldest first (the agent answers them together). */
export async function listQuestions(db: Db | Tx, communiqueId: string): Promise<QuestionRow[]> {
  return db.$queryRaw<QuestionRow[]>`
    SELECT r.number, r.subject, r.status::text AS status, o.name AS organization_name, r.received_at, r.next_due_at, r.missed, a.name AS assignee_name,
           (r.status IN ('resolved', 'closed') OR EXISTS (
             SELECT 1 FROM message m WHERE m.request_id = r.id AND m.author_kind = 'agent' AND m.visibility = 'public' AND m.reply_kind IN ('answer', 'redirection'))) AS answered
    FROM request r
    LEFT JOIN organization o ON o.id = r.organization_id
    LEFT JOIN app_user a ON a.id = r.assignee_id
    WHERE r.communique_id = ${communiqueId}::uuid
    ORDER BY r.received_at, r.number
    LIMIT 500`;
}

/** What an e-mail copy became (the sender's answer): sent, or failed once given up on. */
export async function markCommuniqueEmails(tx: Tx, rows: readonly { communiqueId: string; userId: string; status: "sent" | "failed" }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE communique_recipient r SET email_status = v.status
    FROM unnest(${rows.map((r) => r.communiqueId)}::uuid[], ${rows.map((r) => r.userId)}::uuid[], ${rows.map((r) => r.status)}::text[]) AS v(communique_id, user_id, status)
    WHERE r.communique_id = v.communique_id AND r.user_id = v.user_id`;
}
