import { z } from "zod";
import { CANDIDATE_TOPICS } from "@/domain/requests/candidate-inquiry";
import { MO_FUNCTIONS } from "@/domain/requests/mo-request";
import { SAGIR_REQUEST_TYPES } from "@/domain/requests/sagir-request";
import { REPLY_KINDS } from "@/domain/requests/targets";
import { ZEmail, ZMessage, ZSubject, ZUrgent } from "@/schemas/fields";
import { ZIsoDate } from "@/schemas/sagir-request";

// The agent console's forms, shared by the pages and their server actions. Messages are keys of
// messages.ts.

const ZVersion = z.coerce.number({ error: "text.invalid" }).int().min(0);
const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const STATUS_AFTER_REPLY = ["keep", "in_progress", "waiting_requester", "resolved"] as const;

/** A public reply: an answer, an avis de délai (with the date it promises) or a redirection. */
export const ZReplyInput = z
  .object({
    kind: z.enum(REPLY_KINDS, { error: "choice.invalid" }),
    body: ZMessage,
    promisedDate: z.string().trim().optional().transform((v) => v || null),
    statusAfter: z.enum(STATUS_AFTER_REPLY, { error: "choice.invalid" }).default("keep"),
    /** The agent confirms sending a text that looks like file information before identity validation. */
    acknowledgeDisclosure: ZCheckbox,
    expectedVersion: ZVersion,
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "delay_notice") return;
    if (!v.promisedDate) ctx.addIssue({ code: "custom", path: ["promisedDate"], message: "promisedDate.required" });
    else if (!ZIsoDate.safeParse(v.promisedDate).success) ctx.addIssue({ code: "custom", path: ["promisedDate"], message: "date.invalid" });
  });
export type ReplyInput = z.output<typeof ZReplyInput>;

export const ZNoteInput = z.object({ body: ZMessage, expectedVersion: ZVersion });

export const REQUEST_STATUS_VALUES = ["new", "in_progress", "waiting_requester", "resolved", "closed"] as const;
export const ZStatusInput = z.object({ status: z.enum(REQUEST_STATUS_VALUES, { error: "choice.invalid" }), expectedVersion: ZVersion });

/** A queue view saved by an agent: a name and the filters of the queue as it is shown. */
export const ZSavedViewInput = z.object({
  name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(60, { error: "viewName.length" }),
  query: z.string().max(1000, { error: "text.invalid" }),
});
export const ZSavedViewDelete = z.object({ id: z.uuid({ error: "choice.invalid" }) });
export const SAVED_VIEWS_MAX = 30;
export type TSavedViewInput = z.output<typeof ZSavedViewInput>;

export const BULK_ACTIONS = ["take", "reassign", "status"] as const;
export const BULK_MAX = 100;
/**
 * An action on the requests ticked in the queue, each checked at the version the agent saw
 * (`CAD-2026-000123@4`): take in charge, reassign (to nobody: ""), or change the status (closing
 * one as a duplicate stays the merge, on the request's page: it needs the request kept).
 */
export const ZBulkInput = z
  .object({
    action: z.enum(BULK_ACTIONS, { error: "choice.invalid" }),
    selected: z
      .array(z.string().regex(/^[A-Z]{3}-\d{4}-\d{6}@\d{1,9}$/, { error: "choice.invalid" }), { error: "bulk.none" })
      .min(1, { error: "bulk.none" })
      .max(BULK_MAX, { error: "bulk.tooMany" }),
    assigneeId: z.union([z.literal(""), z.uuid({ error: "choice.invalid" })]).optional(),
    status: z.union([z.literal(""), z.enum(REQUEST_STATUS_VALUES, { error: "choice.invalid" })]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === "status" && !v.status) ctx.addIssue({ code: "custom", path: ["status"], message: "required" });
    if (v.action === "reassign" && v.assigneeId === undefined) ctx.addIssue({ code: "custom", path: ["assigneeId"], message: "required" });
  })
  .transform((v) => ({
    ...v,
    targets: v.selected.map((s) => {
      const [number, version] = s.split("@") as [string, string];
      return { number, expectedVersion: Number(version) };
    }),
  }));
export type TBulkInput = z.output<typeof ZBulkInput>;

/** Reassign to another agent of the service, or to nobody (""). */
export const ZReassignInput = z.object({
  assigneeId: z.union([z.literal(""), z.uuid({ error: "choice.invalid" })], { error: "choice.invalid" }).transform((v) => v || null),
  expectedVersion: ZVersion,
});

export const ZMergeInput = z.object({
  into: z
    .string({ error: "requestNumber.invalid" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}-\d{4}-\d{6}$/, { error: "requestNumber.invalid" }),
  expectedVersion: ZVersion,
});

/** How the requester's identity was validated (CA-dotation: before disclosing anything about their file). */
export const IDENTITY_METHODS = ["file-questions", "personal-details", "callback", "other"] as const;
export const ZIdentityInput = z
  .object({
    method: z.enum(IDENTITY_METHODS, { error: "identityMethod.required" }),
    note: z.string().trim().max(300, { error: "text.tooLong" }).optional().transform((v) => v || null),
    expectedVersion: ZVersion,
  })
  .superRefine((v, ctx) => {
    if (v.method === "other" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "identityNote.required" });
  });

/** A local wall time `YYYY-MM-DDTHH:mm` (an `<input type="datetime-local">`), read in the centre's zone. */
export const ZLocalDateTime = z
  .string({ error: "localDateTime.invalid" })
  .trim()
  .regex(/^20\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/, { error: "localDateTime.invalid" });

/** What an agent logs: a call, a voicemail, a fax, or an e-mail received in the centre's mailbox. */
export const CALL_CHANNELS = ["phone", "voicemail", "fax", "email"] as const;
export const CALL_OUTCOMES = ["settled", "request_opened"] as const;
export const CALL_TYPES = [...CANDIDATE_TOPICS, ...MO_FUNCTIONS, ...SAGIR_REQUEST_TYPES] as const;

/**
 * A phone call, voicemail or fax logged by an agent. Phone: answered at is required. Voicemail
 * and fax always open a request. A request opened needs its subject and summary.
 */
/** How a call ended and, when it opens a request, what the agent writes of it. */
const callOutcomeFields = {
  urgent: ZUrgent,
  outcome: z.enum(CALL_OUTCOMES, { error: "choice.invalid" }).default("settled"),
  type: z.string().trim().optional().transform((v) => v || null),
  subject: z.string().trim().optional().transform((v) => v || null),
  summary: z.string().trim().optional().transform((v) => v || null),
  requesterName: z.string().trim().max(120, { error: "name.length" }).optional().transform((v) => v || null),
  requesterEmail: z.union([z.literal(""), ZEmail]).optional().transform((v) => v || null),
  organizationId: z.string().trim().optional().transform((v) => v || null),
};

/** A request opened from a call needs its type, subject and summary. */
function refineOpenedRequest(v: { type: string | null; subject: string | null; summary: string | null }, ctx: z.RefinementCtx, opens: boolean): void {
  if (!opens) return;
  if (!ZSubject.safeParse(v.subject ?? "").success) ctx.addIssue({ code: "custom", path: ["subject"], message: "subject.length" });
  if (!ZMessage.safeParse(v.summary ?? "").success) ctx.addIssue({ code: "custom", path: ["summary"], message: "message.length" });
  if (!v.type || !(CALL_TYPES as readonly string[]).includes(v.type)) ctx.addIssue({ code: "custom", path: ["type"], message: "choice.invalid" });
}

export const ZCallInput = z
  .object({
    audienceId: z.string({ error: "choice.invalid" }).trim().min(1, { error: "choice.invalid" }),
    channel: z.enum(CALL_CHANNELS, { error: "choice.invalid" }),
    receivedAt: ZLocalDateTime,
    answeredAt: z.string().trim().optional().transform((v) => v || null),
    ...callOutcomeFields,
  })
  .superRefine((v, ctx) => {
    if (v.channel === "phone") {
      if (!v.answeredAt) ctx.addIssue({ code: "custom", path: ["answeredAt"], message: "answeredAt.required" });
      else if (!ZLocalDateTime.safeParse(v.answeredAt).success) ctx.addIssue({ code: "custom", path: ["answeredAt"], message: "localDateTime.invalid" });
    }
    refineOpenedRequest(v, ctx, v.channel !== "phone" || v.outcome === "request_opened");
  });
export type CallInput = z.output<typeof ZCallInput>;

/**
 * A call the telephone system reported, settled by the agent it names (the screen pop): its
 * instants are the system's, so only how it ended and the request it opens are written.
 */
export const ZCallSettleInput = z
  .object({ callId: z.uuid({ error: "choice.invalid" }), ...callOutcomeFields })
  .superRefine((v, ctx) => refineOpenedRequest(v, ctx, v.outcome === "request_opened"));
export type CallSettleInput = z.output<typeof ZCallSettleInput>;

/** The queue's URL parameters; unknown values are ignored rather than refused (a bookmark stays usable). */
export const QUEUE_STATUS_FILTERS = ["open", "all", "new", "in_progress", "waiting_requester", "resolved", "closed"] as const;
export const QUEUE_STATE_FILTERS = ["pending", "at-risk", "breached", "met"] as const;
export const QUEUE_ASSIGNEE_FILTERS = ["me", "nobody", "others"] as const;
const lenient = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);
export const QUEUE_BACK_PAGES = 20;
export const QUEUE_WAITING_FILTERS = ["second-level", "review"] as const;

export const ZQueueQuery = z.object({
  status: lenient(QUEUE_STATUS_FILTERS),
  audience: z.string().max(40).optional().catch(undefined),
  channel: z.string().max(40).optional().catch(undefined),
  type: z.string().max(40).optional().catch(undefined),
  state: lenient(QUEUE_STATE_FILTERS),
  assignee: lenient(QUEUE_ASSIGNEE_FILTERS),
  mo: z.uuid().optional().catch(undefined),
  urgent: z.literal("1").optional().catch(undefined),
  /** E-mail requests whose sender is unknown or unverified: to identify. */
  identify: z.literal("1").optional().catch(undefined),
  /** Waiting for the second level, or a resolution waiting for its review. */
  waiting: lenient(QUEUE_WAITING_FILTERS),
  q: z.string().trim().max(200).optional().catch(undefined),
  after: z.string().max(300).optional().catch(undefined),
  /**
   * The pages before this one, for « Page précédente »: their `after` cursors (base64url, "0" for
   * the first page), "." between them, the nearest last. The queue is paged by cursor, not offset.
   */
  back: z.string().max(QUEUE_BACK_PAGES * 301).regex(/^[A-Za-z0-9_\-.]*$/).optional().catch(undefined),
});

export type QueueQuery = z.output<typeof ZQueueQuery>;

/** A queue query's filters (paging left out), in name order: the page's links and the saved views keep these. */
export function queueFilterParams(query: QueueQuery): [string, string][] {
  return (Object.entries(query).filter(([k, v]) => k !== "after" && k !== "back" && v) as [string, string][]).sort(([a], [b]) => a.localeCompare(b));
}

/** The queue's query from a page's search parameters; none at all is « Mes requêtes », as help desks open. */
export function queueQueryOf(raw: Record<string, string | string[] | undefined>): QueueQuery {
  const given = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return ZQueueQuery.parse(Object.keys(given).length === 0 ? { assignee: "me" } : given);
}

/** The view and page a request is opened from (its filters and cursor): carried to the request, shown beside it. */
export function queueViewParams(query: QueueQuery): string {
  return new URLSearchParams([...queueFilterParams(query), ...(query.after ? [["after", query.after] as [string, string]] : [])]).toString();
}

/** An agent links an e-mail request to the account of the person who wrote it. */
export const ZIdentifySenderInput = z.object({ expectedVersion: z.coerce.number().int().min(0), email: ZEmail });
export type IdentifySenderInput = z.output<typeof ZIdentifySenderInput>;
