import "server-only";
// The agent console's reads and small writes: one request with everything its view shows, the
// duplicates merged into it, canned replies, who is viewing, phone-call logs, the audit log.
import type { Prisma } from "@/generated/prisma/client";
import type { CannedReplyDefinition } from "@/domain/requests/canned-replies";
import type { Db } from "@/server/db/client";
import { targetFactsSelect, type Tx } from "@/server/repositories/request-repository";
import { isRequestNumber } from "@/domain/requests/numbering";

const messageSelect = {
  id: true,
  requestId: true,
  authorKind: true,
  visibility: true,
  replyKind: true,
  body: true,
  systemKind: true,
  quoted: true,
  at: true,
  author: { select: { name: true } },
  attachments: { select: { id: true, filename: true, size: true, contentType: true }, orderBy: { createdAt: "asc" } },
} as const;

const consoleSelect = {
  id: true,
  number: true,
  serviceId: true,
  audienceId: true,
  channel: true,
  type: true,
  status: true,
  urgent: true,
  subject: true,
  details: true,
  receivedAt: true,
  version: true,
  nominative: true,
  identityValidatedAt: true,
  mergedIntoId: true,
  requesterName: true,
  requesterEmail: true,
  language: true,
  senderStatus: true,
  emailFailedAt: true,
  emailFailure: true,
  personalDataErasedAt: true,
  mergedInto: { select: { number: true } },
  assignee: { select: { id: true, name: true } },
  organization: { select: { name: true } },
  requesterUser: { select: { name: true } },
  personalData: { select: { requestId: true } },
  targets: { select: targetFactsSelect, orderBy: [{ startsAt: "asc" }, { targetId: "asc" }] },
  messages: { select: messageSelect, orderBy: { at: "asc" } },
  events: { select: { kind: true, at: true, data: true, actor: { select: { name: true } } }, orderBy: [{ at: "asc" }, { id: "asc" }] },
} satisfies Prisma.RequestSelect;

export type ConsoleRequestRow = Prisma.RequestGetPayload<{ select: typeof consoleSelect }>;

export async function findConsoleRequest(db: Db | Tx, number: string): Promise<ConsoleRequestRow | null> {
  // Anything that is no request number (a NUL, a stray byte from a URL) is no request: never a query.
  if (!isRequestNumber(number)) return null;
  return db.request.findUnique({ where: { number }, select: consoleSelect });
}

/** The duplicates merged into a request, with their threads and events. */
export async function findMergedRequests(db: Db | Tx, requestId: string) {
  return db.request.findMany({
    where: { mergedIntoId: requestId },
    select: { id: true, number: true, messages: { select: messageSelect, orderBy: { at: "asc" } }, events: consoleSelect.events },
    orderBy: { receivedAt: "asc" },
  });
}

/** A service's canned replies in their order: those offered to agents, or (`withDisabled`) all, for their managers. */
export async function listCannedReplies(db: Db, serviceId: string, options: { withDisabled?: boolean } = {}) {
  return db.cannedReply.findMany({ where: { serviceId, ...(options.withDisabled ? {} : { disabledAt: null }) }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

export type CannedReplyFacts = { kind: string; titleFr: string; titleEn: string; bodyFr: string; bodyEn: string; disabledAt: Date | null };

/** Replaces a canned reply's texts (null if it is not the service's). */
export async function updateCannedReply(db: Db, serviceId: string, id: string, facts: CannedReplyFacts, now: Date): Promise<boolean> {
  const { count } = await db.cannedReply.updateMany({ where: { id, serviceId }, data: { ...facts, updatedAt: now } });
  return count === 1;
}

/** A new canned reply, last of its service's. */
export async function insertCannedReply(db: Db, serviceId: string, id: string, facts: CannedReplyFacts, now: Date): Promise<void> {
  const last = await db.cannedReply.aggregate({ where: { serviceId }, _max: { position: true } });
  await db.cannedReply.create({ data: { id, serviceId, ...facts, position: (last._max.position ?? -1) + 1, updatedAt: now } });
}

/** Adds the canned replies that are missing (an edited one is left as it is). */
export async function seedCannedReplies(db: Db, replies: readonly CannedReplyDefinition[]): Promise<number> {
  const { count } = await db.cannedReply.createMany({
    data: replies.map((r, position) => ({
      id: r.id,
      serviceId: r.serviceId,
      kind: r.kind,
      titleFr: r.title.fr,
      titleEn: r.title.en,
      bodyFr: r.body.fr,
      bodyEn: r.body.en,
      position,
    })),
    skipDuplicates: true,
  });
  return count;
}

export async function touchViewer(db: Db, requestId: string, userId: string, now: Date): Promise<void> {
  await db.requestViewer.upsert({
    where: { requestId_userId: { requestId, userId } },
    create: { requestId, userId, seenAt: now },
    update: { seenAt: now },
    select: { requestId: true },
  });
  // Old heartbeats say nothing any more.
  await db.requestViewer.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 3_600_000) } } });
}

export async function listViewers(db: Db, requestId: string, options: { exceptUserId: string; since: Date }): Promise<{ name: string }[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT u.name FROM request_viewer v JOIN app_user u ON u.id = v.user_id
    WHERE v.request_id = ${requestId}::uuid AND v.user_id <> ${options.exceptUserId}::uuid AND v.seen_at >= ${options.since}
    ORDER BY u.name`;
  return rows;
}

export type NewPhoneCall = {
  serviceId: string;
  audienceId: string;
  channel: string;
  receivedAt: Date;
  answeredAt: Date | null;
  urgent: boolean;
  outcome: string;
  requestId: string | null;
  agentId: string;
  targetId: string | null;
  dueAt: Date | null;
};

export async function insertPhoneCall(db: Db | Tx, call: NewPhoneCall): Promise<{ id: string }> {
  return db.phoneCall.create({ data: call, select: { id: true } });
}

/** The organizations subscribed to a service, by name. */
export async function listOrganizationsOfService(db: Db, serviceId: string): Promise<{ id: string; name: string }[]> {
  return db.organization.findMany({ where: { services: { some: { serviceId } } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
