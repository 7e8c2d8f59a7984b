import "server-only";
// The centres' mailboxes, the messages the SMTP receiver accepted, and the requesters' mail in the
// outbox. The only place that reads or writes them.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";
import { isRequestNumber } from "@/domain/requests/numbering";

export type MailboxRow = { address: string; serviceId: string; audienceId: string; identifySenders: boolean };

export async function findMailbox(db: Db | Tx, address: string): Promise<MailboxRow | null> {
  return db.mailbox.findUnique({ where: { address: address.toLowerCase() }, select: { address: true, serviceId: true, audienceId: true, identifySenders: true } });
}

export async function listMailboxes(db: Db | Tx): Promise<MailboxRow[]> {
  return db.mailbox.findMany({ select: { address: true, serviceId: true, audienceId: true, identifySenders: true }, orderBy: { address: "asc" } });
}

/** The mailbox of a service and audience (the Reply-To of what is written to its requesters). */
export async function mailboxOf(db: Db | Tx, serviceId: string, audienceId: string): Promise<string | null> {
  const row = await db.mailbox.findFirst({ where: { serviceId, audienceId }, select: { address: true }, orderBy: { createdAt: "asc" } });
  return row?.address ?? null;
}

export async function upsertMailbox(db: Db | Tx, row: MailboxRow): Promise<void> {
  const address = row.address.toLowerCase();
  await db.mailbox.upsert({ where: { address }, create: { ...row, address }, update: { serviceId: row.serviceId, audienceId: row.audienceId, identifySenders: row.identifySenders } });
}

export async function deleteMailbox(db: Db | Tx, address: string): Promise<number> {
  return (await db.mailbox.deleteMany({ where: { address: address.toLowerCase() } })).count;
}

export type NewInboundEmail = {
  mailbox: string;
  envelopeFrom: string;
  messageId: string;
  remoteAddress: string;
  heloName: string | null;
  raw: Buffer;
  receivedAt: Date;
};

/** Stores a message; null when the same message (Message-ID and sender) is already stored. */
export async function insertInboundEmail(db: Db, row: NewInboundEmail): Promise<bigint | null> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO inbound_email (mailbox, envelope_from, message_id, remote_address, helo_name, raw, size, received_at)
    VALUES (${row.mailbox}, ${row.envelopeFrom}, ${row.messageId}, ${row.remoteAddress}, ${row.heloName}, ${row.raw}, ${row.raw.length}, ${row.receivedAt})
    ON CONFLICT (message_id, envelope_from) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

export type InboundEmailRow = { id: bigint; mailbox: string; envelopeFrom: string; messageId: string; remoteAddress: string; heloName: string | null; raw: Buffer; receivedAt: Date; attempts: number };

export async function readInboundEmail(db: Db | Tx, id: bigint): Promise<InboundEmailRow | null> {
  const row = await db.inboundEmail.findFirst({
    where: { id, processedAt: null },
    select: { id: true, mailbox: true, envelopeFrom: true, messageId: true, remoteAddress: true, heloName: true, raw: true, receivedAt: true, attempts: true },
  });
  return row ? { ...row, raw: Buffer.from(row.raw) } : null;
}

/** Locks an unprocessed message for its processing transaction; false when another worker has it or it is done. */
export async function claimInboundEmail(tx: Tx, id: bigint): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM inbound_email WHERE id = ${id} AND processed_at IS NULL FOR UPDATE SKIP LOCKED`;
  return rows.length === 1;
}

export async function markInboundProcessed(tx: Tx, id: bigint, result: { outcome: string; requestId: string | null; at: Date }): Promise<void> {
  await tx.inboundEmail.update({ where: { id }, data: { processedAt: result.at, outcome: result.outcome, requestId: result.requestId, lastError: null }, select: { id: true } });
}

export async function markInboundFailed(db: Db, id: bigint, error: string): Promise<void> {
  await db.inboundEmail.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 300) }, select: { id: true } });
}

/** Messages stored but not processed (a crash, a failure): retried by the cycle, oldest first. */
export async function listUnprocessedInbound(db: Db, olderThan: Date, maxAttempts: number, limit: number): Promise<bigint[]> {
  const rows = await db.inboundEmail.findMany({
    where: { processedAt: null, receivedAt: { lt: olderThan }, attempts: { lt: maxAttempts } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map((r) => r.id);
}

export type ThreadRequestRow = {
  id: string;
  number: string;
  status: string;
  serviceId: string;
  audienceId: string;
  requesterEmail: string | null;
  requesterUserEmail: string | null;
};

const threadSelect = {
  id: true,
  number: true,
  status: true,
  serviceId: true,
  audienceId: true,
  requesterEmail: true,
  requesterUser: { select: { email: true } },
} satisfies Prisma.RequestSelect;

function toThreadRow(row: Prisma.RequestGetPayload<{ select: typeof threadSelect }>): ThreadRequestRow {
  return { id: row.id, number: row.number, status: row.status, serviceId: row.serviceId, audienceId: row.audienceId, requesterEmail: row.requesterEmail, requesterUserEmail: row.requesterUser?.email ?? null };
}

/** The request a message answers: one of ours (outbox) or one of the requester's earlier e-mails. */
export async function findRequestByMessageIds(db: Db | Tx, messageIds: readonly string[]): Promise<ThreadRequestRow | null> {
  if (messageIds.length === 0) return null;
  const ids = [...messageIds].slice(0, 50);
  const sent = await db.emailOutbox.findFirst({ where: { messageId: { in: ids }, requestId: { not: null } }, select: { request: { select: threadSelect } }, orderBy: { id: "desc" } });
  if (sent?.request) return toThreadRow(sent.request);
  const received = await db.inboundEmail.findFirst({ where: { messageId: { in: ids }, requestId: { not: null } }, select: { request: { select: threadSelect } }, orderBy: { id: "desc" } });
  return received?.request ? toThreadRow(received.request) : null;
}

export async function findThreadRequestByNumber(db: Db | Tx, number: string): Promise<ThreadRequestRow | null> {
  // Anything that is no request number (a NUL, a stray byte from a URL) is no request: never a query.
  if (!isRequestNumber(number)) return null;
  const row = await db.request.findUnique({ where: { number }, select: threadSelect });
  return row ? toThreadRow(row) : null;
}

/** The requests our messages with these ids were about (a bounce names the message that failed). */
export async function requestsOfSentMessages(db: Db | Tx, messageIds: readonly string[]): Promise<string[]> {
  if (messageIds.length === 0) return [];
  // A bounce of a forward to the second level says nothing of the requester's address.
  const rows = await db.emailOutbox.findMany({ where: { messageId: { in: [...messageIds].slice(0, 50) }, requestId: { not: null }, contactId: null }, select: { requestId: true } });
  return [...new Set(rows.map((r) => r.requestId!))];
}

export async function markRequesterAddressFailing(tx: Tx, requestIds: readonly string[], at: Date, reason: string): Promise<void> {
  if (requestIds.length) await tx.request.updateMany({ where: { id: { in: [...requestIds] } }, data: { emailFailedAt: at, emailFailure: reason.slice(0, 300) } });
}

/** The Message-IDs of a request's thread, oldest first (what our next message References). */
export async function threadMessageIds(db: Db | Tx, requestId: string): Promise<{ inbound: string[]; sent: string[] }> {
  // One after the other: called in transactions, whose one connection runs one query at a time.
  const inbound = await db.inboundEmail.findMany({ where: { requestId, outcome: { in: ["request_created", "threaded"] } }, select: { messageId: true }, orderBy: { id: "asc" }, take: 50 });
  // The requester's thread only: the forwards to the second level are not theirs to see named.
  const sent = await db.emailOutbox.findMany({ where: { requestId, messageId: { not: null }, contactId: null }, select: { messageId: true }, orderBy: { id: "asc" }, take: 50 });
  return { inbound: inbound.map((r) => r.messageId).filter((id) => id.startsWith("<")), sent: sent.map((r) => r.messageId!) };
}

export type NewRequestEmail = {
  requestId: string;
  kind: string;
  automatic: boolean;
  locale: "fr" | "en";
  subject: string;
  body: string;
  html: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  messageRef: string | null;
  createdAt: Date;
};

export async function insertRequestEmail(tx: Tx, row: NewRequestEmail): Promise<void> {
  await tx.emailOutbox.create({ data: { ...row, nextAttemptAt: row.createdAt }, select: { id: true } });
}

/** Counts one automatic reply to an address (its key holds the address's hash) in a day's window; returns the day's count. */
export async function countAutomaticReply(tx: Tx, key: string, day: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit (key, window_start, count) VALUES (${key}, ${day}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit.count + 1
    RETURNING count`;
  return rows[0]!.count;
}

/** Outgoing mail for the development reader (newest first), with the address resolved now. */
export async function listRecentOutbox(db: Db, take: number) {
  return db.$queryRaw<{ id: bigint; kind: string; locale: string; subject: string; body: string; created_at: Date; sent_at: Date | null; attempts: number; last_error: string | null; to: string | null; number: string | null }[]>`
    SELECT o.id, o.kind, o.locale, o.subject, o.body, o.created_at, o.sent_at, o.attempts, o.last_error,
           COALESCE(u.email, xc.email, r.requester_email, ru.email) AS "to", r.number
    FROM email_outbox o
    LEFT JOIN app_user u ON u.id = o.user_id
    LEFT JOIN request r ON r.id = o.request_id
    LEFT JOIN app_user ru ON ru.id = r.requester_user_id
    LEFT JOIN external_contact xc ON xc.id = o.contact_id
    ORDER BY o.id DESC
    LIMIT ${take}`;
}

/** An e-mail to an account (an invitation, a password link), queued in the outbox for now. */
export async function queueAccountEmail(db: Db | Tx, row: { userId: string; kind: "invitation" | "password_reset"; locale: string; subject: string; body: string; html: string; at: Date }): Promise<void> {
  const { at, ...mail } = row;
  await db.emailOutbox.create({ data: { ...mail, createdAt: at, nextAttemptAt: at }, select: { id: true } });
}
