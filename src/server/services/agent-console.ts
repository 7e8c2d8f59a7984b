import "server-only";
// What the agent console reads: the queue of a service (filters, counts, keyset pages, a badge
// per row with the time left in its target's own clock) and one request with its thread, targets
// (derived from its event log), timeline, canned replies and who else is viewing it.
import { fillCannedReply } from "@/domain/requests/canned-replies";
import { evaluateTarget, evaluateTargets, headlineTarget, maskEmail, maskName, type EvaluatedTarget } from "@/domain/requests/targets";
import { serviceDayMs } from "@/domain/requests/time-left";
import type { QueueQuery } from "@/schemas/console";
import { isAgentOf, isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import {
  countOpenRequests,
  countQueue,
  findTargetsOf,
  isRequestNumber,
  listQueue,
  type QueueCounts,
  type QueueCursor,
  type QueueFilters,
  type QueueRow,
} from "@/server/repositories/queue-repository";
import {
  findConsoleRequest,
  findMergedRequests,
  listCannedReplies,
  listOrganizationsOfService,
  listViewers,
  touchViewer,
} from "@/server/repositories/console-repository";
import { findRequestForHandling } from "@/server/repositories/request-repository";
import { listContacts, listReferrals, listReviews } from "@/server/repositories/second-level-repository";
import { defaultFollowUpDate } from "@/server/services/second-level";
import { listServiceAgents } from "@/server/repositories/user-repository";
import { cannedValuesFor, getCatalogue, type Catalogue } from "@/server/services/get-catalogue";
import { toEventFact, toTargetFacts } from "@/server/services/request-targets";

export const QUEUE_PAGE_SIZE = 25;
/** Counts of the current filter stop there ("1 000 et plus"): an exact count of a million rows is not worth its time. */
export const QUEUE_COUNT_CAP = 1000;
/** A search's count stops lower: beyond a hundred matches, the search needs more words, not a count. */
export const SEARCH_COUNT_CAP = 100;
/** Someone is "viewing" a request if their page reported in within this time. */
export const VIEWER_WINDOW_MS = 30_000;

/** The services the user works in as an agent, or NOT_FOUND for anyone else. */
export function agentServicesOf(user: CurrentUser | null): string[] {
  if (!user || user.role !== "agent" || user.services.length === 0) throw new AppError("NOT_FOUND", "not an agent");
  return user.services;
}

export function requireAgentOf(user: CurrentUser | null, serviceId: string): CurrentUser {
  if (!isAgentOf(user, serviceId)) throw new AppError("NOT_FOUND", "not an agent of this service");
  return user;
}

export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.urgent, c.dueKey?.toISOString() ?? null, c.receivedAt.toISOString(), c.number])).toString("base64url");
}

export function decodeCursor(text: string | undefined): QueueCursor | undefined {
  if (!text) return undefined;
  try {
    const [urgent, due, received, number] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if (typeof urgent !== "boolean" || typeof received !== "string" || typeof number !== "string") return undefined;
    const receivedAt = new Date(received);
    const dueKey = typeof due === "string" ? new Date(due) : null;
    if (Number.isNaN(receivedAt.getTime()) || (dueKey && Number.isNaN(dueKey.getTime()))) return undefined;
    return { urgent, dueKey, receivedAt, number };
  } catch {
    return undefined;
  }
}

export function filtersFromQuery(serviceId: string, query: QueueQuery): QueueFilters {
  return {
    serviceId,
    // A search looks through every status unless one is chosen.
    status: query.status ?? (query.q ? "all" : "open"),
    audienceId: query.audience,
    channel: query.channel,
    type: query.type,
    state: query.state,
    assignee: query.assignee,
    organizationId: query.mo,
    urgent: query.urgent === "1",
    toIdentify: query.identify === "1",
    text: query.q,
    waiting: query.waiting,
  };
}

export type Badge = { state: EvaluatedTarget["state"]; remainingMs: number; clock: EvaluatedTarget["clock"]; metAt: number | null; dueAt: number; dayMs: number; withdrawn: boolean; targetId: string; metric: string };

function badgeOf(target: EvaluatedTarget, catalogue: Catalogue): Badge {
  return {
    state: target.state,
    remainingMs: target.remainingMs,
    clock: target.clock,
    metAt: target.metAt,
    dueAt: target.dueAt,
    dayMs: serviceDayMs(catalogue.engine.getCalendar(target.calendarId)),
    withdrawn: target.withdrawn,
    targetId: target.targetId,
    metric: target.metric,
  };
}

export type QueueItem = {
  number: string;
  subject: string;
  type: string;
  status: string;
  urgent: boolean;
  channel: string;
  audienceId: string;
  receivedAt: Date;
  assigneeName: string | null;
  assignedToMe: boolean;
  organizationName: string | null;
  requesterMasked: string | null;
  /** E-mail requests: the sender is unknown or unverified (to identify). */
  toIdentify: boolean;
  /** A late SAGIR departure notice (« avis tardif »): urgent because it came late. */
  lateNotice: boolean;
  /** Forwarded to the second level, no answer yet. */
  secondLevel: boolean;
  /** A resolution waits for a second agent's review. */
  reviewPending: boolean;
  badge: Badge | null;
  otherTargets: number;
  /** The version the agent sees: a bulk action is checked against it. */
  version: number;
};

export type QueuePage = {
  serviceId: string;
  filters: QueueFilters;
  items: QueueItem[];
  total: number;
  totalCapped: boolean;
  /** Where the count stopped (QUEUE_COUNT_CAP, or SEARCH_COUNT_CAP for a search by words). */
  countCap: number;
  counts: QueueCounts;
  nextCursor: string | null;
  /** The service's agents (bulk reassign). */
  agents: { id: string; name: string }[];
};

/** The queue's rows with their badges (the time left in each headline target's own clock). */
async function itemsOf(rows: QueueRow[], agent: CurrentUser, catalogue: Catalogue, now: Date): Promise<QueueItem[]> {
  const targets = await findTargetsOf(getDb(), rows.map((r) => r.id));
  return rows.map((row): QueueItem => {
    // The stored met instants are the event log's (kept in step by refreshTargets).
    const evaluated = targets
      .filter((t) => t.requestId === row.id)
      .map((t) => evaluateTarget(catalogue.engine, toTargetFacts(t), t.metAt?.getTime() ?? null, now.getTime()));
    const headline = headlineTarget(evaluated);
    return {
      number: row.number,
      subject: row.subject,
      type: row.type,
      status: row.status,
      urgent: row.urgent,
      channel: row.channel,
      audienceId: row.audience_id,
      receivedAt: row.received_at,
      assigneeName: row.assignee_name,
      assignedToMe: row.assignee_id === agent.id,
      organizationName: row.organization_name,
      requesterMasked: maskName(row.requester_name),
      toIdentify: row.sender_status === "unknown" || row.sender_status === "unverified",
      lateNotice: row.late_notice === true,
      secondLevel: row.second_level,
      reviewPending: row.review_pending,
      badge: headline ? badgeOf(headline, catalogue) : null,
      otherTargets: Math.max(0, evaluated.filter((t) => t.metAt === null).length - 1),
      version: row.version,
    };
  });
}

/** The queue's data for one page: rows with their badges, the filter's count, the counts per filter. */
export async function readQueue({ user, serviceId, query, now }: { user: CurrentUser | null; serviceId: string; query: QueueQuery; now: Date }): Promise<QueuePage> {
  const agent = requireAgentOf(user, serviceId);
  const db = getDb();
  const filters = filtersFromQuery(serviceId, query);
  const context = { userId: agent.id, now };
  const countCap = filters.text && !isRequestNumber(filters.text) ? SEARCH_COUNT_CAP : QUEUE_COUNT_CAP;
  const [page, total, counts, catalogue, agents] = await Promise.all([
    listQueue(db, filters, { ...context, limit: QUEUE_PAGE_SIZE, after: decodeCursor(query.after) }),
    countQueue(db, filters, { ...context, cap: countCap }),
    countOpenRequests(db, serviceId, context),
    getCatalogue(),
    listServiceAgents(db, serviceId),
  ]);
  const items = await itemsOf(page.rows, agent, catalogue, now);
  const last = page.rows.at(-1);
  return {
    serviceId,
    filters,
    items,
    total,
    totalCapped: total > countCap,
    countCap,
    counts,
    agents,
    nextCursor: page.hasMore && last ? encodeCursor({ urgent: last.urgent, dueKey: last.next_due_at, receivedAt: last.received_at, number: last.number }) : null,
  };
}

/**
 * The queue beside an open request on a wide screen: the same view's page (its filters and cursor
 * from the address), rows and badges only — no counts, so it costs one indexed read.
 */
export async function readQueueBeside({ user, serviceId, query, now }: { user: CurrentUser | null; serviceId: string; query: QueueQuery; now: Date }): Promise<QueueItem[]> {
  const agent = requireAgentOf(user, serviceId);
  const [page, catalogue] = await Promise.all([
    listQueue(getDb(), filtersFromQuery(serviceId, query), { userId: agent.id, now, limit: QUEUE_PAGE_SIZE, after: decodeCursor(query.after) }),
    getCatalogue(),
  ]);
  return itemsOf(page.rows, agent, catalogue, now);
}

/** One request as the console shows it. Personal information stays masked (revealed by an audited action). */
export async function readConsoleRequest({ user, number, now, readOnly = false }: { user: CurrentUser | null; number: string; now: Date; readOnly?: boolean }) {
  const db = getDb();
  // The request, its thread, history and targets, and its merged duplicates, from one snapshot: read
  // apart (Prisma loads each relation with a query of its own), a reply committed in between showed
  // in the thread while the status above it was still the one before.
  const read = await db.$transaction(
    async (tx) => {
      const found = await findConsoleRequest(tx, number);
      return found ? { row: found, merged: await findMergedRequests(tx, found.id) } : null;
    },
    { isolationLevel: "RepeatableRead" },
  );
  // The managers' read-only view (from the dashboard and the digest) reads the same, acts on nothing.
  if (!read || !(isAgentOf(user, read.row.serviceId) || (readOnly && isManagerOf(user, read.row.serviceId)))) throw new AppError("NOT_FOUND", "no such request for this reader");
  const { row, merged } = read;
  const agent = user!;
  const [catalogue, agents, canned, referrals, reviews, contacts, followUpDate] = await Promise.all([
    getCatalogue(),
    listServiceAgents(db, row.serviceId),
    listCannedReplies(db, row.serviceId),
    listReferrals(db, [row.id]),
    listReviews(db, [row.id]),
    readOnly ? Promise.resolve([]) : listContacts(db, row.serviceId, { activeOnly: true }),
    defaultFollowUpDate(row.serviceId, row.audienceId, now),
  ]);
  const pendingReview = reviews.find((r) => r.decidedAt === null) ?? null;
  const cannedValues = cannedValuesFor(catalogue, row.serviceId, row.audienceId, row.number);
  const events = row.events.map(toEventFact);
  const withdrawn = row.mergedIntoId !== null;
  const targets = evaluateTargets(catalogue.engine, row.targets.map(toTargetFacts), events, now.getTime(), { withdrawn }).map((t) => ({
    ...t,
    badge: badgeOf(t, catalogue),
  }));
  // The thread and the history include those of duplicates merged into this request.
  const origin = new Map<string, string>([[row.id, row.number], ...merged.map((m) => [m.id, m.number] as [string, string])]);
  const messages = [...row.messages, ...merged.flatMap((m) => m.messages)]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map(({ author, ...m }) => ({ ...m, authorName: author?.name ?? null, from: m.requestId === row.id ? null : origin.get(m.requestId) ?? null }));
  const timeline = [...row.events.map((e) => ({ ...e, requestId: row.id })), ...merged.flatMap((m) => m.events.map((e) => ({ ...e, requestId: m.id })))]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => ({ kind: e.kind, at: e.at, data: e.data, actorName: e.actor?.name ?? null, from: e.requestId === row.id ? null : origin.get(e.requestId) ?? null }));
  return {
    id: row.id,
    number: row.number,
    serviceId: row.serviceId,
    audienceId: row.audienceId,
    channel: row.channel,
    type: row.type,
    status: row.status,
    urgent: row.urgent,
    subject: row.subject,
    details: row.details,
    // A SAGIR departure notice received late (« avis tardif »): shown next to « Urgente ».
    lateNotice: row.type === "departure" && typeof row.details === "object" && row.details !== null && !Array.isArray(row.details) && row.details.lateNotice === true,
    receivedAt: row.receivedAt,
    version: row.version,
    nominative: row.nominative,
    identityValidatedAt: row.identityValidatedAt,
    mergedInto: row.mergedInto?.number ?? null,
    mergedFrom: merged.map((m) => m.number),
    assignee: row.assignee,
    assignedToMe: row.assignee?.id === agent.id,
    organizationName: row.organization?.name ?? null,
    requesterUser: row.requesterUser ? { name: row.requesterUser.name } : null,
    requesterMasked: { name: maskName(row.requesterName), email: maskEmail(row.requesterEmail) },
    hasGuestRequester: row.requesterName !== null || row.requesterEmail !== null,
    hasPersonalData: row.personalData !== null,
    language: row.language,
    senderStatus: row.senderStatus,
    emailFailedAt: row.emailFailedAt,
    emailFailure: row.emailFailure,
    /** Loi 25: when the personal information was erased (its texts are then empty). */
    erasedAt: row.personalDataErasedAt,
    targets,
    messages,
    timeline,
    agents,
    /** Second level: every forward of the request, the one waiting (if any), the parties to choose from. */
    referrals,
    waitingReferral: referrals.find((r) => r.answeredAt === null) ?? null,
    contacts,
    followUpDate,
    /** Quality review: the answer waiting (if any), whether this agent may decide on it, the decisions made. */
    pendingReview,
    canReview: pendingReview !== null && pendingReview.author?.id !== agent.id && !readOnly,
    reviews,
    // The bodies with the request's number and the catalogue's phone numbers and hours in force
    // (the date an avis de délai promises is filled when it is sent).
    canned: canned.map((c) => ({ id: c.id, kind: c.kind, title: { fr: c.titleFr, en: c.titleEn }, body: { fr: fillCannedReply(c.bodyFr, cannedValues.fr), en: fillCannedReply(c.bodyEn, cannedValues.en) } })),
  };
}
export type ConsoleRequest = Awaited<ReturnType<typeof readConsoleRequest>>;

/** Reports that the agent has the request open; returns the others who have it open now. */
export async function heartbeat({ user, number, now }: { user: CurrentUser | null; number: string; now: Date }): Promise<{ name: string }[]> {
  const db = getDb();
  const row = await findRequestForHandling(db, number);
  if (!row || !isAgentOf(user, row.serviceId)) throw new AppError("NOT_FOUND", "no such request for this agent");
  await touchViewer(db, row.id, user.id, now);
  return listViewers(db, row.id, { exceptUserId: user.id, since: new Date(now.getTime() - VIEWER_WINDOW_MS) });
}


/** The organizations an agent may attach to a call of the service (those subscribed to it). */
export async function listServiceOrganizations({ user, serviceId }: { user: CurrentUser | null; serviceId: string }): Promise<{ id: string; name: string }[]> {
  requireAgentOf(user, serviceId);
  return listOrganizationsOfService(getDb(), serviceId);
}

