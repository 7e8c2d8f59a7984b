import type { SystemMessageKind } from "@/i18n/system-messages";
import "server-only";
// Requests, their fixed targets, events and messages. The only place that reads or writes them.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { MoListStatus } from "@/domain/requests/mo-request";
import { isRequestNumber, numberParts } from "@/domain/requests/numbering";

export type Tx = Prisma.TransactionClient;

export type NewRequest = {
  serviceId: string;
  audienceId: string;
  channel: string;
  type: string;
  subject: string;
  urgent: boolean;
  requesterName: string | null;
  requesterEmail: string | null;
  requesterUserId: string | null;
  organizationId: string | null;
  trackingTokenHash: string | null;
  details: Prisma.InputJsonValue;
  receivedAt: Date;
  targets: { targetId: string; metric: string; clock: string; amount: number; unit: string; calendarId: string; startsAt: Date; dueAt: Date; riskAt: Date }[];
  /** The queue's columns derived from the targets (`queueFacts` of the domain). */
  queue: { nextDueAt: Date | null; nextRiskAt: Date | null; hasTargets: boolean };
  nominative: boolean;
  /** fr | en: the language of what is written to the requester. */
  language?: string;
  /** E-mail requests: verified | unverified | unknown (see schema.prisma). */
  senderStatus?: string | null;
  /** The first message's visibility: a call's summary is an internal note. */
  firstMessageVisibility?: "public" | "internal";
  firstMessage: { authorKind: "requester" | "agent"; authorUserId: string | null; body: string; quoted?: string | null; inboundEmailId?: bigint | null; systemKind?: string | null } | null;
  /** Personal information kept apart from the request and erased when it is closed. */
  personalData: { birthDay: number; birthMonth: number } | null;
  actorKind: "requester" | "agent" | "system";
  actorUserId: string | null;
};

/** The acknowledgement of a new request, rendered by the application (request-mail.ts), capped per address per day. */
export type NewAcknowledgement = {
  /** The day's counter of automatic messages to the address (rate_limit), the day, and the cap. */
  capKey: string;
  capDay: Date;
  capMax: number;
  locale: string;
  subject: string;
  body: string;
  html: string | null;
  inReplyTo: string | null;
  references: string[];
  messageId: string;
  createdAt: Date;
};

/**
 * Inserts a request with its targets, first event and message, personal data and acknowledgement,
 * and numbers it — one statement (the SQL function guichet_open_request, migration
 * 20261206230000_open_request_function). The acknowledgement, rendered before the number is known,
 * names the request by `provisionalNumber(id)`; the function puts the number in its place.
 * The counter's row stays locked until the transaction ends (no gaps): called on its own (not in an
 * interactive transaction), the statement is its transaction, and the lock lasts no round trip.
 */
export async function insertNumberedRequest(
  db: Db | Tx,
  data: NewRequest & { id: string },
  numbering: { prefix: string; year: number },
  acknowledgement: NewAcknowledgement | null,
): Promise<{ id: string; number: string }> {
  const payload = {
    request: {
      id: data.id,
      serviceId: data.serviceId,
      audienceId: data.audienceId,
      channel: data.channel,
      type: data.type,
      subject: data.subject,
      urgent: data.urgent,
      requesterName: data.requesterName,
      requesterEmail: data.requesterEmail,
      requesterUserId: data.requesterUserId,
      organizationId: data.organizationId,
      trackingTokenHash: data.trackingTokenHash,
      details: data.details,
      receivedAt: data.receivedAt,
      nominative: data.nominative,
      language: data.language ?? "fr",
      senderStatus: data.senderStatus ?? null,
      nextDueAt: data.queue.nextDueAt,
      nextRiskAt: data.queue.nextRiskAt,
      hasTargets: data.queue.hasTargets,
    },
    targets: data.targets,
    event: { actorKind: data.actorKind, actorUserId: data.actorUserId, at: data.receivedAt, data: { channel: data.channel } },
    message: data.firstMessage
      ? {
          authorKind: data.firstMessage.authorKind,
          authorUserId: data.firstMessage.authorUserId,
          visibility: data.firstMessageVisibility ?? "public",
          body: data.firstMessage.body,
          systemKind: data.firstMessage.systemKind ?? null,
          quoted: data.firstMessage.quoted ?? null,
          // A bigint is not JSON: its digits, read back as BIGINT.
          inboundEmailId: data.firstMessage.inboundEmailId == null ? null : String(data.firstMessage.inboundEmailId),
          at: data.receivedAt,
        }
      : null,
    personalData: data.personalData,
    numbering: { ...numbering, ...numberParts(numbering.prefix, numbering.year) },
    acknowledgement,
  };
  const rows = await db.$queryRaw<{ number: string }[]>`SELECT "number" FROM guichet_open_request(${JSON.stringify(payload)}::jsonb)`;
  return { id: data.id, number: rows[0]!.number };
}

/** What names a request in its acknowledgement until guichet_open_request gives it its number. */
export const provisionalNumber = (id: string): string => `pending-${id}`;

const trackedSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  receivedAt: true,
  serviceId: true,
  audienceId: true,
  version: true,
  mergedInto: { select: { number: true } },
  targets: { select: { targetId: true, metric: true, dueAt: true, metAt: true }, orderBy: { targetId: "asc" } },
  messages: {
    where: { visibility: "public" },
    select: { id: true, authorKind: true, body: true, systemKind: true, author: { select: { name: true } }, at: true, attachments: { select: { id: true, filename: true, size: true }, orderBy: { createdAt: "asc" } } },
    orderBy: { at: "asc" },
  },
} satisfies Prisma.RequestSelect;

export type TrackedRequestRow = Prisma.RequestGetPayload<{ select: typeof trackedSelect }>;

/** What the holder of a tracking link may read: no requester e-mail, no internal notes. */
export async function findTrackedRequest(db: Db | Tx, trackingTokenHash: string): Promise<TrackedRequestRow | null> {
  return db.request.findUnique({ where: { trackingTokenHash }, select: trackedSelect });
}

export async function appendRequesterMessage(
  tx: Tx,
  requestId: string,
  body: string,
  at: Date,
  authorUserId: string | null = null,
  mail: { quoted: string | null; inboundEmailId: bigint } | null = null,
  /** Which statuses the requester's message puts back in progress (an auto-reply reopens nothing). */
  reopen: "waiting" | "waiting-or-resolved" | "none" = "waiting",
): Promise<{ messageId: string }> {
  const message = await tx.message.create({ data: { requestId, authorKind: "requester", authorUserId, visibility: "public", body, at, quoted: mail?.quoted ?? null, inboundEmailId: mail?.inboundEmailId ?? null }, select: { id: true } });
  await tx.requestEvent.create({ data: { requestId, kind: "requester_message", actorKind: "requester", actorUserId: authorUserId, at } });
  // An answer from the requester puts a request that waited for them (or, by e-mail, a resolved
  // one: "something is missing") back in progress.
  const reopened: ("waiting_requester" | "resolved")[] = reopen === "none" ? [] : reopen === "waiting" ? ["waiting_requester"] : ["waiting_requester", "resolved"];
  const before = await tx.request.findUnique({ where: { id: requestId }, select: { status: true } });
  if (before && (reopened as string[]).includes(before.status)) {
    await tx.request.update({ where: { id: requestId }, data: { status: "in_progress", version: { increment: 1 } }, select: { id: true } });
    if (before.status === "resolved") {
      await tx.requestEvent.create({ data: { requestId, kind: "status_changed", actorKind: "requester", actorUserId: authorUserId, at, data: { from: "resolved", to: "in_progress" } } });
    }
  } else {
    await tx.request.update({ where: { id: requestId }, data: { version: { increment: 1 } }, select: { id: true } });
  }
  return { messageId: message.id };
}

const organizationListSelect = (readerId: string) =>
  ({
    number: true,
    subject: true,
    type: true,
    status: true,
    urgent: true,
    receivedAt: true,
    targets: { select: { targetId: true, dueAt: true, metAt: true }, orderBy: { dueAt: "asc" } },
    // The centre's latest reply, and when this reader last opened the request: « Nouvelle réponse ».
    messages: { where: { visibility: "public", authorKind: "agent" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
    reads: { where: { userId: readerId }, select: { readAt: true } },
  }) satisfies Prisma.RequestSelect;

export type OrganizationRequestRow = Prisma.RequestGetPayload<{ select: ReturnType<typeof organizationListSelect> }>;

export type { MoListStatus };

/**
 * One MO's requests of one service, newest first, keyset-paginated on (receivedAt, number);
 * `text`: a request number, or words of the subject; `status`: "open" (not resolved nor closed).
 */
export async function listOrganizationRequests(
  db: Db,
  options: { organizationId: string; serviceId: string; readerId: string; limit: number; before?: { receivedAt: Date; number: string }; text?: string; status?: MoListStatus },
): Promise<OrganizationRequestRow[]> {
  const { organizationId, serviceId, limit, before } = options;
  const text = options.text?.trim() ?? "";
  const status = options.status ?? "all";
  return db.request.findMany({
    where: {
      organizationId,
      serviceId,
      ...(before
        ? { OR: [{ receivedAt: { lt: before.receivedAt } }, { receivedAt: before.receivedAt, number: { lt: before.number } }] }
        : {}),
      ...(status === "all" ? {} : status === "open" ? { status: { in: ["new", "in_progress", "waiting_requester"] } } : { status }),
      ...(text === "" ? {} : isRequestNumber(text.toUpperCase()) ? { number: text.toUpperCase() } : { AND: text.split(/\s+/).slice(0, 8).map((word) => ({ subject: { contains: word, mode: "insensitive" as const } })) }),
    },
    orderBy: [{ receivedAt: "desc" }, { number: "desc" }],
    take: limit,
    select: organizationListSelect(options.readerId),
  });
}

/** The reader opened the request now: its replies until now are read. */
export async function markRequestRead(db: Db, userId: string, requestId: string, at: Date): Promise<void> {
  await db.requestRead.upsert({ where: { userId_requestId: { userId, requestId } }, create: { userId, requestId, readAt: at }, update: { readAt: at }, select: { userId: true } });
}

const organizationDetailSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  urgent: true,
  type: true,
  details: true,
  receivedAt: true,
  serviceId: true,
  organizationId: true,
  targets: { select: { targetId: true, metric: true, dueAt: true, metAt: true }, orderBy: { targetId: "asc" } },
  messages: { where: { visibility: "public" }, select: { id: true, authorKind: true, body: true, systemKind: true, author: { select: { name: true } }, at: true, attachments: { select: { id: true, filename: true, size: true }, orderBy: { createdAt: "asc" } } }, orderBy: { at: "asc" } },
} satisfies Prisma.RequestSelect;

export type OrganizationRequestDetail = Prisma.RequestGetPayload<{ select: typeof organizationDetailSelect }>;

/** A request by number, only if it belongs to the organization (else null: numbers cannot be probed). */
export async function findOrganizationRequest(db: Db | Tx, organizationId: string, number: string): Promise<OrganizationRequestDetail | null> {
  // Anything that is no request number (a NUL, a stray byte from a URL) is no request: never a query.
  if (!isRequestNumber(number)) return null;
  return db.request.findFirst({ where: { number, organizationId }, select: organizationDetailSelect });
}

const viewerSelect = {
  number: true,
  serviceId: true,
  audienceId: true,
  channel: true,
  type: true,
  status: true,
  urgent: true,
  subject: true,
  receivedAt: true,
  organizationId: true,
  targets: { select: { targetId: true, metric: true, dueAt: true, metAt: true }, orderBy: { targetId: "asc" } },
  messages: { where: { visibility: "public" }, select: { authorKind: true, body: true, systemKind: true, author: { select: { name: true } }, at: true }, orderBy: { at: "asc" } },
} satisfies Prisma.RequestSelect;

export type ViewerRequestRow = Prisma.RequestGetPayload<{ select: typeof viewerSelect }>;

/** A request by number with what any permitted viewer may read (no requester contact, no internal notes). */
export async function findRequestByNumber(db: Db, number: string): Promise<ViewerRequestRow | null> {
  // Anything that is no request number (a NUL, a stray byte from a URL) is no request: never a query.
  if (!isRequestNumber(number)) return null;
  return db.request.findUnique({ where: { number }, select: viewerSelect });
}

const handlingSelect = {
  id: true,
  number: true,
  serviceId: true,
  audienceId: true,
  status: true,
  assigneeId: true,
  version: true,
  nominative: true,
  identityValidatedAt: true,
  mergedIntoId: true,
  requesterName: true,
  requesterEmail: true,
  requesterUserId: true,
  senderStatus: true,
  language: true,
  targets: { select: { targetId: true, metric: true, metAt: true } },
} satisfies Prisma.RequestSelect;

export type HandlingRequestRow = Prisma.RequestGetPayload<{ select: typeof handlingSelect }>;

/** What an agent's action needs to know of a request. */
export async function findRequestForHandling(db: Db | Tx, number: string): Promise<HandlingRequestRow | null> {
  // Anything that is no request number (a NUL, a stray byte from a URL) is no request: never a query.
  if (!isRequestNumber(number)) return null;
  return db.request.findUnique({ where: { number }, select: handlingSelect });
}

/**
 * Applies a change only if the request is still at the version the agent saw, and increments
 * the version: false when someone else changed it first (optimistic locking, no lost update).
 */
export async function updateRequestAtVersion(
  tx: Tx,
  id: string,
  version: number,
  data: {
    status?: "new" | "in_progress" | "waiting_requester" | "resolved" | "closed";
    assigneeId?: string | null;
    closedAt?: Date | null;
    identityValidatedAt?: Date;
    mergedIntoId?: string;
    requesterUserId?: string;
    organizationId?: string | null;
    requesterName?: null;
    requesterEmail?: null;
    senderStatus?: string;
  },
): Promise<boolean> {
  const { count } = await tx.request.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  return count === 1;
}

export async function appendEvent(
  tx: Tx,
  event: { requestId: string; kind: string; actorKind: "requester" | "agent" | "system"; actorUserId: string | null; at: Date; data?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.requestEvent.create({ data: { ...event, data: event.data ?? {} }, select: { id: true } });
}

export async function appendAgentMessage(
  tx: Tx,
  requestId: string,
  body: string,
  at: Date,
  authorUserId: string,
  /** `review`: an answer held for a second agent's review, shown to the staff only. */
  visibility: "public" | "internal" | "review",
  replyKind: string | null = null,
  systemKind: SystemMessageKind | null = null,
): Promise<{ messageId: string }> {
  const message = await tx.message.create({ data: { requestId, authorKind: "agent", authorUserId, visibility, body, at, replyKind, systemKind }, select: { id: true } });
  return { messageId: message.id };
}

export const targetFactsSelect = {
  targetId: true,
  metric: true,
  clock: true,
  amount: true,
  unit: true,
  calendarId: true,
  startsAt: true,
  dueAt: true,
  riskAt: true,
  metAt: true,
  metClockMs: true,
} satisfies Prisma.RequestTargetSelect;

export type TargetRow = Prisma.RequestTargetGetPayload<{ select: typeof targetFactsSelect }>;

/** A request's targets and its event log (what the targets' state is derived from). */
export async function findTargetsAndEvents(db: Db | Tx, requestId: string): Promise<{ targets: TargetRow[]; events: { kind: string; at: Date; data: Prisma.JsonValue }[] }> {
  // One after the other: in a transaction, its one connection runs one query at a time (pg warns otherwise).
  const targets = await db.requestTarget.findMany({ where: { requestId }, select: targetFactsSelect, orderBy: [{ startsAt: "asc" }, { targetId: "asc" }] });
  const events = await db.requestEvent.findMany({ where: { requestId }, select: { kind: true, at: true, data: true }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return { targets, events };
}

/** Writes what was derived from the events: each target's met instant (and its time in its own clock) and the queue's columns. */
export async function saveDerivedTargets(
  tx: Tx,
  requestId: string,
  met: ReadonlyMap<string, { metAt: Date | null; metClockMs: number | null }>,
  queue: { nextDueAt: Date | null; nextRiskAt: Date | null; missed: boolean; hasTargets: boolean },
): Promise<void> {
  for (const [targetId, { metAt, metClockMs }] of met) {
    await tx.requestTarget.update({
      where: { requestId_targetId: { requestId, targetId } },
      data: { metAt, metClockMs: metClockMs === null ? null : BigInt(Math.round(metClockMs)) },
      select: { targetId: true },
    });
  }
  await tx.request.update({ where: { id: requestId }, data: queue, select: { id: true } });
}

export async function insertTarget(tx: Tx, requestId: string, target: Omit<TargetRow, "metAt" | "metClockMs">): Promise<void> {
  await tx.requestTarget.create({ data: { requestId, ...target }, select: { targetId: true } });
}

/** The personal information of a request, if it has not been erased. */
export async function findPersonalData(db: Db | Tx, requestId: string): Promise<{ birthDay: number; birthMonth: number } | null> {
  return db.requestPersonalData.findUnique({ where: { requestId }, select: { birthDay: true, birthMonth: true } });
}
