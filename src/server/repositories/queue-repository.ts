import "server-only";
// The agents' queue: one service's requests, filtered, in queue order (urgent first, then the
// earliest due instant of a target not met yet, then the oldest), keyset-paginated; its counts;
// its search (French full-text, accents ignored). The ORDER BY and the keyset use exactly the
// expressions of the migration's `request_queue_*` indexes, so each filter reads an index in order.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { targetFactsSelect } from "@/server/repositories/request-repository";

export const OPEN_STATUSES = ["new", "in_progress", "waiting_requester"] as const;

export type QueueFilters = {
  serviceId: string;
  /** "open" = new, in progress or waiting for the requester; "all"; or one status. */
  status: "open" | "all" | "new" | "in_progress" | "waiting_requester" | "resolved" | "closed";
  audienceId?: string | undefined;
  channel?: string | undefined;
  type?: string | undefined;
  /**
   * The request-level target state; "overdue-now" and "at-risk-now" are the dashboard's live list:
   * what needs acting on now (a pending target past its due instant, or in its risk window),
   * whatever was missed before — a target met late is over, not « en retard maintenant ».
   */
  state?: "pending" | "at-risk" | "breached" | "met" | "overdue-now" | "at-risk-now" | undefined;
  /** "me", "nobody", or "others" (assigned to someone else). */
  assignee?: "me" | "nobody" | "others" | undefined;
  organizationId?: string | undefined;
  urgent?: boolean | undefined;
  /** Only e-mail requests whose sender is unknown or unverified. */
  toIdentify?: boolean | undefined;
  /** A request number, or words (French full-text search). */
  text?: string | undefined;
  /** Waiting for the second level (a referral not answered), or a resolution waiting for its review. */
  waiting?: "second-level" | "review" | undefined;
};

export type QueueCursor = { urgent: boolean; dueKey: Date | null; receivedAt: Date; number: string };

export type QueueRow = {
  id: string;
  number: string;
  subject: string;
  type: string;
  status: string;
  urgent: boolean;
  channel: string;
  audience_id: string;
  received_at: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  organization_name: string | null;
  requester_name: string | null;
  next_due_at: Date | null;
  next_risk_at: Date | null;
  missed: boolean;
  has_targets: boolean;
  sender_status: string | null;
  version: number;
  /** A SAGIR departure notice received less than 48 business hours before its planned entry. */
  late_notice: boolean | null;
  /** Forwarded to a second-level party, no answer yet. */
  second_level: boolean;
  /** A resolution waits for its review. */
  review_pending: boolean;
};

const DUE_KEY = Prisma.sql`COALESCE(r.next_due_at, 'infinity'::timestamptz)`;

/**
 * The request-level target state (`requestTargetState` of the domain) as SQL on the columns
 * `queueFacts` maintains; tests/integration/console-queue.test.ts checks both agree.
 */
export function stateCondition(state: NonNullable<QueueFilters["state"]>, now: Date): Prisma.Sql {
  switch (state) {
    case "breached":
      return Prisma.sql`r.has_targets AND (r.missed OR r.next_due_at < ${now})`;
    case "at-risk":
      return Prisma.sql`r.has_targets AND NOT r.missed AND r.next_due_at >= ${now} AND r.next_risk_at <= ${now}`;
    case "pending":
      return Prisma.sql`r.has_targets AND NOT r.missed AND r.next_due_at >= ${now} AND r.next_risk_at > ${now}`;
    case "met":
      return Prisma.sql`r.has_targets AND NOT r.missed AND r.next_due_at IS NULL`;
    case "overdue-now":
      return Prisma.sql`r.has_targets AND r.next_due_at < ${now}`;
    case "at-risk-now":
      return Prisma.sql`r.has_targets AND r.next_due_at >= ${now} AND r.next_risk_at <= ${now}`;
  }
}

/**
 * The same states as a range of the queue order's due key (`DUE_KEY`, a column of every queue
 * index), implied by `stateCondition`, so that the reading in queue order starts where they start.
 */
function dueKeyRange(state: NonNullable<QueueFilters["state"]>, now: Date): Prisma.Sql[] {
  if (state === "pending" || state === "at-risk" || state === "at-risk-now") return [Prisma.sql`${DUE_KEY} >= ${now}`];
  if (state === "met") return [Prisma.sql`${DUE_KEY} = 'infinity'::timestamptz`];
  return [];
}

/** A request number is matched exactly; anything else is searched as words. */
export function isRequestNumber(text: string): boolean {
  return /^[A-Za-z]{3}-\d{4}-\d{6}$/.test(text.trim());
}

/** Words of the subject, requester or thread, in French (stems, accents ignored). */
function wordsMatch(words: string): Prisma.Sql {
  return Prisma.sql`(r.search_vector @@ websearch_to_tsquery('guichet_fr', ${words})
    OR r.thread_vector @@ websearch_to_tsquery('guichet_fr', ${words}))`;
}

/** The filters' conditions; words are left to the search strategies below (`words`). */
function conditions(f: QueueFilters, context: { userId: string; now: Date }): { where: Prisma.Sql[]; words: string | null } {
  const where: Prisma.Sql[] = [Prisma.sql`r.service_id = ${f.serviceId}`];
  if (f.status === "open") where.push(Prisma.sql`r.status IN ('new', 'in_progress', 'waiting_requester')`);
  else if (f.status !== "all") where.push(Prisma.sql`r.status = ${f.status}::request_status`);
  if (f.audienceId) where.push(Prisma.sql`r.audience_id = ${f.audienceId}`);
  if (f.channel) where.push(Prisma.sql`r.channel = ${f.channel}`);
  if (f.type) where.push(Prisma.sql`r.type = ${f.type}`);
  if (f.state) where.push(stateCondition(f.state, context.now), ...dueKeyRange(f.state, context.now));
  if (f.assignee === "me") where.push(Prisma.sql`r.assignee_id = ${context.userId}::uuid`);
  if (f.assignee === "nobody") where.push(Prisma.sql`r.assignee_id IS NULL`);
  if (f.assignee === "others") where.push(Prisma.sql`r.assignee_id IS NOT NULL AND r.assignee_id <> ${context.userId}::uuid`);
  if (f.organizationId) where.push(Prisma.sql`r.organization_id = ${f.organizationId}::uuid`);
  if (f.urgent) where.push(Prisma.sql`r.urgent`);
  if (f.toIdentify) where.push(Prisma.sql`r.sender_status IN ('unknown', 'unverified')`);
  // Few rows each (partial indexes): PostgreSQL reads them first, then the requests by key.
  if (f.waiting === "second-level") where.push(Prisma.sql`r.id IN (SELECT f.request_id FROM referral f WHERE f.answered_at IS NULL)`);
  if (f.waiting === "review") where.push(Prisma.sql`r.id IN (SELECT v.request_id FROM resolution_review v WHERE v.decided_at IS NULL)`);
  const text = f.text?.trim() ?? "";
  if (isRequestNumber(text)) {
    where.push(Prisma.sql`r.number = ${text.toUpperCase()}`);
    return { where, words: null };
  }
  return { where, words: text === "" ? null : text };
}

function keyset(after: QueueCursor): Prisma.Sql {
  const dueKey = after.dueKey ?? Prisma.sql`'infinity'::timestamptz`;
  return Prisma.sql`((NOT r.urgent), ${DUE_KEY}, r.received_at, r.number) > (${!after.urgent}, ${dueKey}, ${after.receivedAt}, ${after.number})`;
}

const QUEUE_ORDER = Prisma.sql`(NOT r.urgent), ${DUE_KEY}, r.received_at, r.number`;
const QUEUE_COLUMNS = Prisma.sql`r.id, r.number, r.subject, r.type, r.status::text AS status, r.urgent, r.channel, r.audience_id,
  r.received_at, r.assignee_id, u.name AS assignee_name, o.name AS organization_name,
  r.requester_name, r.next_due_at, r.next_risk_at, r.missed, r.has_targets, r.sender_status, r.version,
  (r.details->>'lateNotice') = 'true' AS late_notice,
  EXISTS (SELECT 1 FROM referral f WHERE f.request_id = r.id AND f.answered_at IS NULL) AS second_level,
  EXISTS (SELECT 1 FROM resolution_review v WHERE v.request_id = r.id AND v.decided_at IS NULL) AS review_pending`;

/**
 * A search by words first reads at most this many requests of the filtered queue in queue order
 * (its index) and tests their words: a word found in one request in about 100 or more fills a
 * page there. A rarer word is answered from the GIN indexes, its matches sorted: few rows, since
 * the first reading did not find a page of them. PostgreSQL alone cannot choose between the two
 * reliably: for a word it never sampled it guesses "frequent enough to meet soon" and may read a
 * whole service's requests in order (seconds at a million rows).
 */
const SEARCH_WALK = 3000;
/**
 * The same for counting a search (up to its cap): the first requests of the filtered queue, in
 * queue order too — read from the queue's index, the pages the page's reading just used. In any
 * order PostgreSQL read them by a sequential scan, whose pages bypass its buffers (a ring of its
 * own): 20 ms from the system's cache at each search, against 4 ms.
 */
const COUNT_WALK = 2000;

/**
 * In a transaction, only bitmap scans: the word indexes (`search_vector`, `thread_vector`, OR'ed),
 * never a reading of the service in order. Used once a word is known to be rare in the queue.
 */
async function byWordIndexes<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const [, , rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL enable_indexscan = off`,
    db.$executeRaw`SET LOCAL enable_seqscan = off`,
    db.$queryRaw<T[]>(query),
  ]);
  return rows;
}

/**
 * In a transaction, the reading of a queue index in queue order (no bitmap scan, no sort). For the
 * target states: PostgreSQL multiplies the selectivities of the due and at-risk instants as if
 * they were independent, expects a few dozen pending requests where there are thousands, and
 * sorts them all (200 ms at a million requests) where reading the index in order, from the state's
 * due-key range, stops at the page's last row (2 ms). For the waits likewise: it expected 17
 * requests awaiting a review, read the 2,000 by key and sorted them (11 ms) where the open
 * requests in order, each looked up in a hash of the waits, give a page in about a hundred (1 ms).
 */
async function inQueueOrder<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const [, , , rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL enable_bitmapscan = off`,
    db.$executeRaw`SET LOCAL enable_sort = off`,
    // Its workers cost more to start than the hundred rows they share (see `serially`).
    db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
    db.$queryRaw<T[]>(query),
  ]);
  return rows;
}

/**
 * Serially, in a transaction: an aggregate over a service's open requests (an index-only scan of
 * `request_open_counts_idx`). Parallel workers, which PostgreSQL plans for it, made it 3 to 6
 * times slower on a 2-core server answering other readings at the same time.
 */
async function serially<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`, db.$queryRaw<T[]>(query)]);
  return rows;
}

/**
 * One page of the queue (`limit` + 1 rows are read to know whether another page follows).
 * `walk` (tests) replaces SEARCH_WALK.
 */
export async function listQueue(
  db: Db,
  filters: QueueFilters,
  options: { userId: string; now: Date; limit: number; after?: QueueCursor | undefined; walk?: number },
): Promise<{ rows: QueueRow[]; hasMore: boolean }> {
  const { where, words } = conditions(filters, options);
  if (options.after) where.push(keyset(options.after));
  const page = (rows: QueueRow[]) => ({ rows: rows.slice(0, options.limit), hasMore: rows.length > options.limit });
  const select = (extra: Prisma.Sql[]) => Prisma.sql`
    SELECT ${QUEUE_COLUMNS}
    FROM request r
    LEFT JOIN app_user u ON u.id = r.assignee_id
    LEFT JOIN organization o ON o.id = r.organization_id
    WHERE ${Prisma.join([...where, ...extra], " AND ")}
    ORDER BY ${QUEUE_ORDER}
    LIMIT ${options.limit + 1}`;
  if (words === null) return page(await (filters.state || filters.waiting ? inQueueOrder<QueueRow>(db, select([])) : db.$queryRaw<QueueRow[]>(select([]))));
  // A common word: the first requests in queue order hold a page of matches.
  const walked = await db.$queryRaw<QueueRow[]>`
    SELECT ${QUEUE_COLUMNS}
    FROM (SELECT r.*, (NOT r.urgent) AS urgent_key, ${DUE_KEY} AS due_key FROM request r
          WHERE ${Prisma.join(where, " AND ")} ORDER BY ${QUEUE_ORDER} LIMIT ${options.walk ?? SEARCH_WALK}) r
    LEFT JOIN app_user u ON u.id = r.assignee_id
    LEFT JOIN organization o ON o.id = r.organization_id
    WHERE ${wordsMatch(words)}
    -- The inner order's own columns: PostgreSQL then keeps it and stops at the page's last match.
    ORDER BY r.urgent_key, r.due_key, r.received_at, r.number
    LIMIT ${options.limit + 1}`;
  if (walked.length > options.limit) return page(walked);
  // A rare word (or a short queue): every match, from the word indexes, sorted — the page's
  // columns (the assignee's and organization's names, the waits) then read for its rows alone,
  // not for the thousands of matches a word found in one request in 200 has at a million.
  return page(
    await byWordIndexes<QueueRow>(
      db,
      Prisma.sql`
    SELECT ${QUEUE_COLUMNS}
    FROM (SELECT r.* FROM request r WHERE ${Prisma.join([...where, wordsMatch(words)], " AND ")} ORDER BY ${QUEUE_ORDER} LIMIT ${options.limit + 1}) r
    LEFT JOIN app_user u ON u.id = r.assignee_id
    LEFT JOIN organization o ON o.id = r.organization_id
    ORDER BY ${QUEUE_ORDER}`,
    ),
  );
}

/**
 * How many requests match the filters, counted up to `cap` (shown as "plus de …" beyond).
 * `walk` (tests) replaces COUNT_WALK.
 */
export async function countQueue(db: Db, filters: QueueFilters, options: { userId: string; now: Date; cap: number; walk?: number }): Promise<number> {
  const { where, words } = conditions(filters, options);
  const capped = (extra: Prisma.Sql[]) => Prisma.sql`
    SELECT count(*) AS n FROM (SELECT 1 FROM request r WHERE ${Prisma.join([...where, ...extra], " AND ")} LIMIT ${options.cap + 1}) capped`;
  if (words === null) return Number((await db.$queryRaw<{ n: bigint }[]>(capped([])))[0]!.n);
  const countWalk = options.walk ?? COUNT_WALK;
  const [prefix] = await db.$queryRaw<{ hits: bigint; walked: bigint }[]>`
    SELECT count(*) FILTER (WHERE ${wordsMatch(words)}) AS hits, count(*) AS walked
    FROM (SELECT r.search_vector, r.thread_vector FROM request r WHERE ${Prisma.join(where, " AND ")} ORDER BY ${QUEUE_ORDER} LIMIT ${countWalk}) r`;
  const hits = Number(prefix!.hits);
  if (hits > options.cap || Number(prefix!.walked) < countWalk) return Math.min(hits, options.cap + 1);
  return Number((await byWordIndexes<{ n: bigint }>(db, capped([wordsMatch(words)])))[0]!.n);
}

export type QueueCounts = {
  open: number;
  byStatus: Record<string, number>;
  byState: Record<"pending" | "at-risk" | "breached" | "met", number>;
  byAssignee: Record<"me" | "nobody" | "others", number>;
  urgent: number;
  toIdentify: number;
  byWaiting: { "second-level": number; review: number };
  byAudience: Record<string, number>;
  byChannel: Record<string, number>;
  byType: Record<string, number>;
  byOrganization: { id: string; name: string; count: number }[];
};

/** The counts beside each filter: the open requests of the service (what is left to do). */
export async function countOpenRequests(db: Db, serviceId: string, options: { userId: string; now: Date }): Promise<QueueCounts> {
  const { userId, now } = options;
  const open = Prisma.sql`r.service_id = ${serviceId} AND r.status IN ('new', 'in_progress', 'waiting_requester')`;
  // Two independent reads, at once (each on a connection of the pool), each an index-only scan of
  // the service's open requests (request_open_counts_idx).
  const [[totals], groups] = await Promise.all([
    serially<Record<string, bigint>>(db, Prisma.sql`
    SELECT count(*) AS open,
      count(*) FILTER (WHERE r.status = 'new') AS "new",
      count(*) FILTER (WHERE r.status = 'in_progress') AS in_progress,
      count(*) FILTER (WHERE r.status = 'waiting_requester') AS waiting_requester,
      count(*) FILTER (WHERE ${stateCondition("pending", now)}) AS pending,
      count(*) FILTER (WHERE ${stateCondition("at-risk", now)}) AS at_risk,
      count(*) FILTER (WHERE ${stateCondition("breached", now)}) AS breached,
      count(*) FILTER (WHERE ${stateCondition("met", now)}) AS met,
      count(*) FILTER (WHERE r.assignee_id = ${userId}::uuid) AS me,
      count(*) FILTER (WHERE r.assignee_id IS NULL) AS nobody,
      count(*) FILTER (WHERE r.assignee_id IS NOT NULL AND r.assignee_id <> ${userId}::uuid) AS others,
      count(*) FILTER (WHERE r.urgent) AS urgent,
      count(*) FILTER (WHERE r.sender_status IN ('unknown', 'unverified')) AS to_identify,
      -- The waits: each open request's id looked up in a hash of the few unanswered forwards and
      -- undecided reviews (partial indexes), read once (a "hashed SubPlan").
      count(*) FILTER (WHERE r.id IN (SELECT f.request_id FROM referral f WHERE f.answered_at IS NULL)) AS second_level,
      count(*) FILTER (WHERE r.id IN (SELECT v.request_id FROM resolution_review v WHERE v.decided_at IS NULL)) AS review
    FROM request r WHERE ${open}`),
    serially<{ audience_id: string | null; channel: string | null; type: string | null; organization_id: string | null; n: bigint }>(db, Prisma.sql`
    SELECT r.audience_id, r.channel, r.type, r.organization_id::text AS organization_id, count(*) AS n
    FROM request r WHERE ${open}
    GROUP BY GROUPING SETS ((r.audience_id), (r.channel), (r.type), (r.organization_id))`),
  ]);
  const t = totals!;
  const n = (key: string) => Number(t[key] ?? 0);
  const byAudience: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const organizationCounts = new Map<string, number>();
  for (const g of groups) {
    if (g.audience_id !== null) byAudience[g.audience_id] = Number(g.n);
    else if (g.channel !== null) byChannel[g.channel] = Number(g.n);
    else if (g.type !== null) byType[g.type] = Number(g.n);
    else if (g.organization_id !== null) organizationCounts.set(g.organization_id, Number(g.n));
  }
  const organizations = organizationCounts.size
    ? await db.organization.findMany({ where: { id: { in: [...organizationCounts.keys()] } }, select: { id: true, name: true } })
    : [];
  return {
    open: n("open"),
    byStatus: { new: n("new"), in_progress: n("in_progress"), waiting_requester: n("waiting_requester") },
    byState: { pending: n("pending"), "at-risk": n("at_risk"), breached: n("breached"), met: n("met") },
    byAssignee: { me: n("me"), nobody: n("nobody"), others: n("others") },
    urgent: n("urgent"),
    toIdentify: n("to_identify"),
    byWaiting: { "second-level": n("second_level"), review: n("review") },
    byAudience,
    byChannel,
    byType,
    byOrganization: organizations
      .map((o) => ({ id: o.id, name: o.name, count: organizationCounts.get(o.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

/** The targets of a page of requests, in one query. */
export async function findTargetsOf(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db.requestTarget.findMany({
    where: { requestId: { in: [...requestIds] } },
    select: { requestId: true, ...targetFactsSelect },
    orderBy: [{ dueAt: "asc" }],
  });
}
