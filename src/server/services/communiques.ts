import "server-only";
// Communiqués: a centre's operational communications (CA-dotation's to the MOs' staffing
// specialists; SAGIR's, written by the DGGIR, to groups of SAGIR users) and an MO's own about SAGIR,
// written by its pilot and forwarded as is by a SAGIR agent (or returned with a reason).
//
// - Unchanged content: once submitted, planned or sent, the texts, audience and files are frozen
//   (here, and by a database trigger whatever the code does); the fingerprint (SHA-256 of texts and
//   files) is fixed then and shown. A correction is a new communiqué that « remplace » the old one.
// - Delivery: now or at a planned instant; the fan-out runs on the jobs (runCommuniqueCycle), in
//   batches of short transactions: each person gets it in the app and an e-mail copy in their language.
// - Reading: a communiqué is readable by the people it reached (a read receipt when they open it),
//   by its centre's staff and, for an MO's, by that MO's pilots. Anyone else: "not found".
// - Questions: « Poser une question » opens a request of the communiqué's centre, linked to it, with
//   the centre's usual targets (SAGIR: the Outil Requête's; CA-dotation: the Formulaire's). A question
//   about an MO's communiqué is assigned to that MO's pilot, who answers it (the seed: the MO answers
//   the questions about its communiqués). Agents (and pilots) answer several questions at once.
import {
  audienceProblems,
  COMMUNIQUE_PREFIX,
  COMMUNIQUE_QUESTION_TYPE,
  COMMUNIQUE_ROLES,
  communiqueTextsIn,
  STAFF_SOURCE,
  type CommuniqueAudience,
  type CommuniqueService,
  type CommuniqueSource,
  type CommuniqueStatus,
} from "@/domain/communiques/communiques";
import { communiqueFingerprint } from "@/domain/communiques/fingerprint";
import { localDateTimeToInstant } from "@/domain/catalogue/zone";
import { formatCommuniqueNumber } from "@/domain/communiques/communiques";
import { numberingYear } from "@/domain/requests/numbering";
import type { TCommuniqueAnswer, TCommuniqueDraft, TCommuniqueQuestion, TCommuniqueSend, TMemberGroups } from "@/schemas/communique";
import { canUseCentre, isAgentOf, isManagerOf, requireCentreAccess, requireUser } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb, type Db } from "@/server/db/client";
import { AppError, toAppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import {
  communiqueFigures,
  communiquesToFanOut,
  countAudience,
  countUnreadCommuniques,
  fanOutBatch,
  listQuestions,
  listReceived,
  nextCommuniqueSequence,
  releaseDueCommuniques,
  type CommuniqueFigures,
  type QuestionRow,
} from "@/server/repositories/communique-repository";
import { findOrganizationMember } from "@/server/repositories/user-repository";
import type { Tx } from "@/server/repositories/request-repository";
import type { CheckedFile } from "@/server/storage/attachment-store";
import { openRequest } from "@/server/services/open-request";
import { replyToRequest, takeInCharge } from "@/server/services/handle-request";
import type { AttachmentFile } from "@/server/services/read-attachment";

const ZONE = "America/Toronto";
/** People given a communiqué per fan-out transaction. */
export const FANOUT_BATCH = 5_000;

// --- Who may do what ----------------------------------------------------------------------------

/** A centre's staff who write and send its communiqués (and forward the MOs'): its agents and managers (the admin too). */
export function writesCommuniquesOf(user: CurrentUser | null, serviceId: string): user is CurrentUser {
  return isAgentOf(user, serviceId) || isManagerOf(user, serviceId);
}

/** The communiqué desks a person has: their centres' (staff), SAGIR's MO desk (a pilot of an MO that uses SAGIR). */
export function communiqueDesks(user: CurrentUser | null): CommuniqueService[] {
  if (!user) return [];
  if (user.role === "mo_pilot") return canUseCentre(user, "sagir") ? ["sagir"] : [];
  return (["ca-dotation", "sagir"] as const).filter((s) => writesCommuniquesOf(user, s));
}

function isPilotOf(user: CurrentUser | null, organizationId: string | null): user is CurrentUser {
  return Boolean(user && user.role === "mo_pilot" && organizationId && user.organization?.id === organizationId && canUseCentre(user, "sagir"));
}

type Row = Awaited<ReturnType<typeof findCommunique>>;

async function findCommunique(db: Db | Tx, id: string) {
  return db.communique.findUnique({
    where: { id },
    include: {
      attachments: { select: { id: true, filename: true, contentType: true, size: true, sha256: true }, orderBy: { filename: "asc" } },
      organization: { select: { name: true } },
      author: { select: { name: true } },
      forwardedBy: { select: { name: true } },
      replaces: { select: { id: true, number: true, titleFr: true, titleEn: true } },
      replacedBy: { select: { id: true, number: true, titleFr: true, titleEn: true, status: true } },
    },
  }).catch(() => null);
}

/**
 * Whether the person manages the communiqué (edits a draft, sends, forwards, sees its figures and
 * questions): its centre's staff — an MO's only once submitted, its drafts are the MO's —, and for
 * an MO's, that MO's pilots.
 */
function managesCommunique(user: CurrentUser | null, row: NonNullable<Row>): boolean {
  if (row.source === "mo") {
    if (isPilotOf(user, row.organizationId)) return true;
    return writesCommuniquesOf(user, row.serviceId) && row.status !== "draft" && row.status !== "returned";
  }
  return writesCommuniquesOf(user, row.serviceId);
}

async function managed(db: Db | Tx, user: CurrentUser | null, id: string): Promise<NonNullable<Row>> {
  const row = await findCommunique(db, id);
  if (!row || !managesCommunique(user, row)) throw new AppError("NOT_FOUND", "no such communique");
  return row;
}

const refused = (fr: string, en: string, field?: string) =>
  field ? new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } }) : new AppError("REFUSED", en, {}, { localized: { fr, en } });

const frozen = () => refused("Ce communiqué est déjà soumis ou envoyé : son contenu ne peut plus changer. Pour le corriger, envoyez un communiqué qui le remplace.", "This communiqué is already submitted or sent: its content can no longer change. To correct it, send a communiqué that replaces it.");

function audienceOf(input: TCommuniqueDraft, source: CommuniqueSource, organizationId: string | null): CommuniqueAudience {
  if (source === "mo") {
    // An MO's communiqué reaches its own people: the MO is the audience, the pilot chooses roles and groups.
    return { organizations: "list", organizationIds: [organizationId!], roles: input.roles, groups: input.groups };
  }
  return {
    organizations: input.organizations,
    organizationIds: input.organizations === "list" ? [...new Set(input.organizationIds)] : [],
    roles: [...new Set(input.roles)],
    groups: input.service === "sagir" ? [...new Set(input.groups)] : [],
  };
}

// --- Writing ------------------------------------------------------------------------------------

export type SaveDraftOptions = {
  user: CurrentUser | null;
  input: TCommuniqueDraft;
  now: Date;
  files?: readonly CheckedFile[];
  removeAttachmentIds?: readonly string[];
};

/** A new draft, or a draft (or a communiqué returned to its pilot) changed. Returns its id. */
export async function saveCommuniqueDraft({ user, input, now, files = [], removeAttachmentIds = [] }: SaveDraftOptions): Promise<{ id: string }> {
  const writer = requireUser(user);
  return getDb().$transaction(async (tx) => {
    let source: CommuniqueSource;
    let organizationId: string | null = null;
    let id = input.id;
    if (id) {
      const row = await managed(tx, writer, id);
      if (row.status !== "draft" && row.status !== "returned") throw frozen();
      if (row.serviceId !== input.service) throw refused("Un communiqué garde son centre.", "A communiqué keeps its centre.", "service");
      source = row.source as CommuniqueSource;
      organizationId = row.organizationId;
    } else if (writer.role === "mo_pilot") {
      if (input.service !== "sagir" || !isPilotOf(writer, writer.organization?.id ?? null)) throw new AppError("NOT_FOUND", "no communiqué desk for this pilot");
      source = "mo";
      organizationId = writer.organization!.id;
    } else {
      if (!writesCommuniquesOf(writer, input.service)) throw new AppError("NOT_FOUND", "no communiqué desk in this service");
      source = STAFF_SOURCE[input.service];
    }
    const audience = audienceOf(input, source, organizationId);
    const problems = audienceProblems(input.service, source, audience);
    if (problems.length) {
      const messages = {
        roles: { fr: "Choisissez des rôles de ce centre.", en: "Choose roles of this centre." },
        groups: { fr: "Les groupes d'utilisateurs ne s'appliquent qu'aux communiqués SAGIR.", en: "User groups apply to SAGIR communiqués only." },
        organizations: { fr: "Ce choix d'organisations ne s'applique pas à ce centre.", en: "This choice of organizations does not apply to this centre." },
        organizationIds: { fr: "Choisissez au moins une organisation.", en: "Choose at least one organization." },
      };
      throw new AppError("INVALID_PARAMETER", "audience", Object.fromEntries(problems.map((p) => [p, messages[p]])));
    }
    if (audience.organizations === "list" && source !== "mo") {
      const known = await tx.organization.count({ where: { id: { in: audience.organizationIds } } });
      if (known !== audience.organizationIds.length) throw refused("Une organisation choisie n'existe pas.", "A chosen organization does not exist.", "organizationIds");
    }
    const texts = { titleFr: input.titleFr, bodyFr: input.bodyFr, titleEn: input.titleEn, bodyEn: input.bodyEn, audience };
    if (id) {
      // Back to a draft: a returned communiqué changed is the pilot's to submit again.
      await tx.communique.update({ where: { id }, data: { ...texts, status: "draft", updatedAt: now } });
    } else {
      let replacesId: string | null = null;
      if (input.replacesId) {
        const replaced = await findCommunique(tx, input.replacesId);
        if (!replaced || !managesCommunique(writer, replaced) || replaced.status !== "sent" || replaced.serviceId !== input.service) {
          throw refused("Seul un communiqué envoyé de ce centre peut être remplacé.", "Only a sent communiqué of this centre can be replaced.", "replacesId");
        }
        if (replaced.replacedBy) throw refused("Ce communiqué a déjà un remplaçant.", "This communiqué already has a replacement.", "replacesId");
        replacesId = replaced.id;
      }
      const created = await tx.communique.create({
        data: { ...texts, serviceId: input.service, source, organizationId, replacesId, authorId: writer.id, createdAt: now, updatedAt: now },
        select: { id: true },
      });
      id = created.id;
    }
    if (removeAttachmentIds.length) await tx.communiqueAttachment.deleteMany({ where: { communiqueId: id, id: { in: [...removeAttachmentIds] } } });
    if (files.length) {
      await tx.communiqueAttachment.createMany({
        data: files.map((f) => ({ communiqueId: id!, filename: f.filename, contentType: f.contentType, size: f.content.length, sha256: f.sha256, data: new Uint8Array(f.content), createdAt: now })),
      });
    }
    return { id };
  });
}

/** A correction: a new draft with the sent communiqué's texts, audience and files, that « remplace » it once sent. */
export async function draftReplacement({ user, id, now }: { user: CurrentUser | null; id: string; now: Date }): Promise<{ id: string }> {
  const writer = requireUser(user);
  return getDb().$transaction(async (tx) => {
    const row = await managed(tx, writer, id);
    if (row.status !== "sent") throw refused("Seul un communiqué envoyé peut être remplacé.", "Only a sent communiqué can be replaced.");
    if (row.replacedBy) return { id: row.replacedBy.id };
    // The MO's communiqué is corrected by the MO (its pilot); the centre's by the centre.
    if (row.source === "mo" && !isPilotOf(writer, row.organizationId)) throw refused("Le communiqué d'un MO est corrigé par son pilote.", "An MO's communiqué is corrected by its pilot.");
    const created = await tx.communique.create({
      data: {
        serviceId: row.serviceId, source: row.source, organizationId: row.organizationId, replacesId: row.id, authorId: writer.id,
        titleFr: row.titleFr, bodyFr: row.bodyFr, titleEn: row.titleEn, bodyEn: row.bodyEn, audience: row.audience as object, createdAt: now, updatedAt: now,
      },
      select: { id: true },
    });
    const files = await tx.communiqueAttachment.findMany({ where: { communiqueId: row.id } });
    if (files.length) {
      await tx.communiqueAttachment.createMany({ data: files.map(({ id: _id, communiqueId: _c, ...f }) => ({ ...f, communiqueId: created.id, createdAt: now })) });
    }
    return created;
  });
}

/** A draft deleted (never a submitted or sent communiqué). */
export async function deleteCommuniqueDraft({ user, id }: { user: CurrentUser | null; id: string }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await managed(tx, user, id);
    if (row.status !== "draft" && row.status !== "returned") throw frozen();
    await tx.communique.delete({ where: { id } });
  });
}

function fingerprintOf(row: NonNullable<Row>): string {
  return communiqueFingerprint({ titleFr: row.titleFr, bodyFr: row.bodyFr, titleEn: row.titleEn, bodyEn: row.bodyEn, files: row.attachments });
}

async function numberFor(tx: Tx, row: NonNullable<Row>, now: Date): Promise<string> {
  if (row.number) return row.number;
  const prefix = COMMUNIQUE_PREFIX[row.serviceId as CommuniqueService];
  const year = numberingYear(now.getTime(), ZONE);
  return formatCommuniqueNumber(prefix, year, await nextCommuniqueSequence(tx, prefix, year));
}

function plannedInstant(send: TCommuniqueSend, now: Date): Date | null {
  if (send.when === "now") return null;
  const at = localDateTimeToInstant(send.sendAt!, ZONE);
  if (at === null) throw refused("Date et heure invalides.", "Invalid date and time.", "sendAt");
  if (at <= now.getTime()) throw refused("L'heure prévue doit être dans l'avenir.", "The planned time must be in the future.", "sendAt");
  if (at > now.getTime() + 366 * 86_400_000) throw refused("L'envoi se planifie au plus un an d'avance.", "A send is planned at most a year ahead.", "sendAt");
  return new Date(at);
}

/** Sends (or plans) a communiqué in the same transaction: number, fingerprint, status. */
async function release(tx: Tx, row: NonNullable<Row>, actor: CurrentUser, send: TCommuniqueSend, now: Date, forwarded: boolean): Promise<{ number: string; reached: number; at: Date | null }> {
  const reached = await countAudience(tx, row.serviceId, row.audience as CommuniqueAudience);
  if (reached === 0) throw refused("Ce public ne joint personne : élargissez les rôles, les organisations ou les groupes.", "This audience reaches nobody: widen the roles, organizations or groups.");
  const at = plannedInstant(send, now);
  const number = await numberFor(tx, row, now);
  await tx.communique.update({
    where: { id: row.id },
    data: {
      number,
      // A forwarded MO communiqué keeps the fingerprint its pilot submitted: it is the same content.
      ...(forwarded ? { forwardedById: actor.id } : { fingerprint: fingerprintOf(row) }),
      status: at ? "scheduled" : "sent",
      sendAt: at,
      sentAt: at ? null : now,
      returnReason: null,
      updatedAt: now,
    },
  });
  await appendAudit(tx, {
    at: now,
    actorUserId: actor.id,
    action: forwarded ? "communique_forwarded" : at ? "communique_scheduled" : "communique_sent",
    data: { serviceId: row.serviceId, communiqueId: row.id, number, name: row.titleFr, reached, ...(at ? { sendAt: at.toISOString() } : {}) },
  });
  return { number, reached, at };
}

/** A centre's communiqué sent now or planned (its agents and managers). */
export async function sendCommunique({ user, id, send, now }: { user: CurrentUser | null; id: string; send: TCommuniqueSend; now: Date }) {
  const result = await getDb().$transaction(async (tx) => {
    const row = await managed(tx, user, id);
    if (row.source === "mo") throw refused("Le communiqué d'un MO est soumis par son pilote puis acheminé par le Centre d'assistance SAGIR.", "An MO's communiqué is submitted by its pilot, then forwarded by the SAGIR centre.");
    if (row.status !== "draft") throw frozen();
    return release(tx, row, user!, send, now, false);
  });
  await kickCommuniques();
  return result;
}

/** A planned send cancelled: the communiqué is a draft again (nobody received it). */
export async function cancelPlannedCommunique({ user, id, now }: { user: CurrentUser | null; id: string; now: Date }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await managed(tx, user, id);
    if (row.status !== "scheduled") throw refused("Seul un envoi planifié peut être annulé.", "Only a planned send can be cancelled.");
    // An MO's planned communiqué goes back to « submitted »: it is still the MO's content, waiting for the centre.
    const updated = await tx.communique.updateMany({ where: { id, status: "scheduled" }, data: { status: row.source === "mo" ? "submitted" : "draft", sendAt: null, forwardedById: null, updatedAt: now } });
    if (updated.count === 0) throw refused("Ce communiqué vient de partir.", "This communiqué has just gone out.");
  });
}

/** A pilot submits their MO's communiqué to the SAGIR centre: its content and fingerprint are fixed from now on. */
export async function submitCommunique({ user, id, now }: { user: CurrentUser | null; id: string; now: Date }): Promise<{ fingerprint: string }> {
  return getDb().$transaction(async (tx) => {
    const row = await managed(tx, user, id);
    if (row.source !== "mo" || !isPilotOf(user, row.organizationId)) throw new AppError("NOT_FOUND", "not this pilot's communiqué");
    if (row.status !== "draft") throw frozen();
    const reached = await countAudience(tx, row.serviceId, row.audience as CommuniqueAudience);
    if (reached === 0) throw refused("Ce public ne joint personne : élargissez les rôles ou les groupes.", "This audience reaches nobody: widen the roles or groups.");
    const fingerprint = fingerprintOf(row);
    await tx.communique.update({ where: { id }, data: { status: "submitted", fingerprint, submittedAt: now, returnReason: null, updatedAt: now } });
    await appendAudit(tx, { at: now, actorUserId: user!.id, action: "communique_submitted", data: { serviceId: row.serviceId, communiqueId: id, name: row.titleFr, reached } });
    return { fingerprint };
  });
}

function requireForwarder(user: CurrentUser | null, row: NonNullable<Row>): CurrentUser {
  if (row.source !== "mo" || !writesCommuniquesOf(user, row.serviceId)) throw new AppError("NOT_FOUND", "not a communiqué to forward");
  if (row.status !== "submitted") throw refused("Ce communiqué n'attend pas d'acheminement.", "This communiqué is not waiting to be forwarded.");
  return user!;
}

/** A SAGIR agent forwards an MO's communiqué as is, to its MO's groups: now or at a planned instant. */
export async function forwardCommunique({ user, id, send, now }: { user: CurrentUser | null; id: string; send: TCommuniqueSend; now: Date }) {
  const result = await getDb().$transaction(async (tx) => {
    const row = await managed(tx, user, id);
    const agent = requireForwarder(user, row);
    // The content the pilot submitted, checked again: what goes out is what they wrote.
    if (fingerprintOf(row) !== row.fingerprint) throw refused("Le contenu ne correspond plus à l'empreinte soumise.", "The content no longer matches the submitted fingerprint.");
    return release(tx, row, agent, send, now, true);
  });
  await kickCommuniques();
  return result;
}

/** A SAGIR agent returns an MO's communiqué to its pilot, with the reason. */
export async function returnCommunique({ user, id, reason, now }: { user: CurrentUser | null; id: string; reason: string; now: Date }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await managed(tx, user, id);
    const agent = requireForwarder(user, row);
    await tx.communique.update({ where: { id }, data: { status: "returned", returnReason: reason, updatedAt: now } });
    await appendAudit(tx, { at: now, actorUserId: agent.id, action: "communique_returned", data: { serviceId: row.serviceId, communiqueId: id, name: row.titleFr } });
  });
}

// --- Delivery (the jobs) ------------------------------------------------------------------------

let kick: (() => Promise<void>) | null = null;

/** The jobs' worker registers how to run a cycle at once (a send now need not wait for the minute). */
export function onCommuniqueKick(run: (() => Promise<void>) | null): void {
  kick = run;
}

async function kickCommuniques(): Promise<void> {
  try {
    await kick?.();
  } catch {
    // The minute's cycle does it anyway.
  }
}

/**
 * One cycle: planned communiqués whose instant has come are sent (each once), then every sent
 * communiqué not yet given to everyone is fanned out, a batch per transaction. Two workers share
 * the work: a communiqué being fanned out is skipped by the other (SKIP LOCKED), and a person gets
 * it once (their row's key). Returns the communiqués released and the people reached.
 */
export async function runCommuniqueCycle(db: Db, now: Date, options: { batch?: number; budgetMs?: number } = {}): Promise<{ released: number; delivered: number }> {
  const released = await releaseDueCommuniques(db, now);
  const started = Date.now();
  let delivered = 0;
  for (const id of await communiquesToFanOut(db)) {
    for (;;) {
      const batch = await fanOutBatch(db, id, now, options.batch ?? FANOUT_BATCH);
      if (!batch) break;
      delivered += batch.added;
      if (batch.done) break;
      // The rest at the next cycle: a cycle never runs unbounded.
      if (Date.now() - started > (options.budgetMs ?? 240_000)) return { released: released.length, delivered };
    }
  }
  return { released: released.length, delivered };
}

/** One cycle on the app's database (the e2e tests' route, at their fixed instant). */
export function runAppCommuniqueCycle(now: Date) {
  return runCommuniqueCycle(getDb(), now);
}

// --- Reading ------------------------------------------------------------------------------------

export type CommuniqueFile = { id: string; filename: string; size: number };

export type CommuniqueView = {
  id: string;
  number: string | null;
  serviceId: CommuniqueService;
  source: CommuniqueSource;
  organizationName: string | null;
  status: CommuniqueStatus;
  title: string;
  body: string;
  lang: "fr" | "en";
  sentAt: Date | null;
  sendAt: Date | null;
  fingerprint: string | null;
  files: CommuniqueFile[];
  replaces: { id: string; number: string | null; title: string } | null;
  replacedBy: { id: string; number: string | null; title: string } | null;
  /** The reader received it (they may ask a question about it). */
  received: boolean;
  /** The reader manages it: the texts in both languages, the audience, the figures, the questions. */
  manage: null | {
    texts: { titleFr: string; bodyFr: string; titleEn: string | null; bodyEn: string | null };
    audience: CommuniqueAudience;
    audienceOrganizations: { id: string; name: string }[];
    /** Sent: the people it reached so far; otherwise the people its audience reaches now. */
    reach: number;
    /** Sent and still being delivered (the worker adds recipients in batches): the audience's size. */
    delivering: number | null;
    authorName: string;
    forwardedByName: string | null;
    submittedAt: Date | null;
    returnReason: string | null;
    figures: CommuniqueFigures | null;
    questions: QuestionRow[];
    /** What the reader may do now. */
    can: { edit: boolean; send: boolean; submit: boolean; forward: boolean; cancel: boolean; replace: boolean; answer: boolean };
  };
};

/**
 * A communiqué as the reader may see it: its recipients (opening it is their read receipt), its
 * managers (with the figures and questions). Anyone else: "not found", as for one that does not exist.
 */
export async function readCommunique({ user, id, locale, now }: { user: CurrentUser | null; id: string; locale: "fr" | "en"; now: Date }): Promise<CommuniqueView> {
  const db = getDb();
  const row = await findCommunique(db, id);
  if (!row) throw new AppError("NOT_FOUND", "no such communique");
  const manages = managesCommunique(user, row);
  const recipient = user ? await db.communiqueRecipient.findUnique({ where: { communiqueId_userId: { communiqueId: id, userId: user.id } } }) : null;
  if (!manages && !recipient) throw new AppError("NOT_FOUND", "no such communique");
  if (recipient && !recipient.readAt) {
    await db.communiqueRecipient.updateMany({ where: { communiqueId: id, userId: user!.id, readAt: null }, data: { readAt: now } });
  }
  const texts = communiqueTextsIn(row, locale);
  const titleOf = (r: { titleFr: string; titleEn: string | null }) => (locale === "en" && r.titleEn ? r.titleEn : r.titleFr);
  let manage: CommuniqueView["manage"] = null;
  if (manages) {
    const audience = row.audience as CommuniqueAudience;
    const sentOrPlanned = row.status === "sent" || row.status === "scheduled";
    const pilot = isPilotOf(user, row.organizationId);
    const staff = writesCommuniquesOf(user, row.serviceId);
    const delivering = row.status === "sent" && !row.fannedOutAt;
    const [reach, figures, questions, organizations, expected] = await Promise.all([
      row.status === "sent" ? Promise.resolve(row.recipientCount) : countAudience(db, row.serviceId, audience),
      row.status === "sent" ? communiqueFigures(db, [row.id]).then((m) => m.get(row.id) ?? null) : Promise.resolve(null),
      row.status === "sent" ? listQuestions(db, row.id) : Promise.resolve([]),
      audience.organizationIds.length ? db.organization.findMany({ where: { id: { in: audience.organizationIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } }) : Promise.resolve([]),
      delivering ? countAudience(db, row.serviceId, audience) : Promise.resolve(null),
    ]);
    const editable = row.status === "draft" || row.status === "returned";
    manage = {
      texts: { titleFr: row.titleFr, bodyFr: row.bodyFr, titleEn: row.titleEn, bodyEn: row.bodyEn },
      audience,
      audienceOrganizations: organizations,
      reach,
      delivering: expected,
      authorName: row.author.name,
      forwardedByName: row.forwardedBy?.name ?? null,
      submittedAt: row.submittedAt,
      returnReason: row.returnReason,
      figures,
      questions,
      can: {
        edit: editable && (row.source === "mo" ? pilot : staff),
        send: row.source !== "mo" && staff && row.status === "draft",
        submit: row.source === "mo" && pilot && editable,
        forward: row.source === "mo" && staff && row.status === "submitted",
        cancel: staff && row.status === "scheduled",
        replace: row.status === "sent" && !row.replacedBy && (row.source === "mo" ? pilot : staff),
        // The centre answers the questions about its communiqués; an MO's pilot, those about the MO's.
        answer: row.status === "sent" && (row.source === "mo" ? pilot : isAgentOf(user, row.serviceId)),
      },
    };
    void sentOrPlanned;
  }
  return {
    id: row.id,
    number: row.number,
    serviceId: row.serviceId as CommuniqueService,
    source: row.source as CommuniqueSource,
    organizationName: row.organization?.name ?? null,
    status: row.status as CommuniqueStatus,
    title: texts.title,
    body: texts.body,
    lang: texts.lang,
    sentAt: row.sentAt,
    sendAt: row.sendAt,
    fingerprint: row.fingerprint,
    files: row.attachments.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
    replaces: row.replaces ? { id: row.replaces.id, number: row.replaces.number, title: titleOf(row.replaces) } : null,
    replacedBy: row.replacedBy && row.replacedBy.status === "sent" ? { id: row.replacedBy.id, number: row.replacedBy.number, title: titleOf(row.replacedBy) } : null,
    received: Boolean(recipient),
    manage,
  };
}

/** A communiqué's file: to whoever may read the communiqué; anyone else "not found". */
export async function readCommuniqueAttachment({ user, id }: { user: CurrentUser | null; id: string }): Promise<AttachmentFile> {
  const db = getDb();
  const file = await db.communiqueAttachment.findUnique({ where: { id } }).catch(() => null);
  if (!file) throw new AppError("NOT_FOUND", "no such file");
  const row = await findCommunique(db, file.communiqueId);
  const recipient = user && row ? await db.communiqueRecipient.findUnique({ where: { communiqueId_userId: { communiqueId: row.id, userId: user.id } }, select: { userId: true } }) : null;
  if (!row || (!managesCommunique(user, row) && !recipient)) throw new AppError("NOT_FOUND", "no such file");
  return { filename: file.filename, contentType: file.contentType, content: Buffer.from(file.data) };
}

export type ReceivedCommunique = { id: string; number: string; serviceId: string; source: string; organizationName: string | null; title: string; deliveredAt: Date; read: boolean };

/** The communiqués a person received, newest first, 20 a page (keyset `before`: "<ISO instant>_<id>"). */
export async function listReceivedCommuniques({ user, locale, before, take = 20 }: { user: CurrentUser | null; locale: "fr" | "en"; before?: string | null; take?: number }) {
  const reader = requireUser(user);
  let keyset: { at: Date; id: string } | undefined;
  if (before) {
    const [at, id] = before.split("_");
    const instant = new Date(at ?? "");
    if (!Number.isNaN(instant.getTime()) && id && /^[0-9a-f-]{36}$/.test(id)) keyset = { at: instant, id };
  }
  const rows = await listReceived(getDb(), reader.id, take + 1, keyset);
  const items: ReceivedCommunique[] = rows.slice(0, take).map((r) => ({
    id: r.id,
    number: r.number,
    serviceId: r.service_id,
    source: r.source,
    organizationName: r.organization_name,
    title: locale === "en" && r.title_en ? r.title_en : r.title_fr,
    deliveredAt: r.delivered_at,
    read: r.read_at !== null,
  }));
  const last = items.at(-1);
  return { items, next: rows.length > take && last ? `${last.deliveredAt.toISOString()}_${last.id}` : null };
}

/** How many communiqués the person has not opened yet (the header's count): 0 for whoever receives none. */
export async function unreadCommuniques(user: CurrentUser | null): Promise<number> {
  if (!user || !["mo_specialist", "sagir_user", "mo_pilot"].includes(user.role)) return 0;
  return countUnreadCommuniques(getDb(), user.id);
}

export type DeskCommunique = {
  id: string;
  number: string | null;
  serviceId: string;
  source: string;
  organizationName: string | null;
  title: string;
  status: CommuniqueStatus;
  sendAt: Date | null;
  sentAt: Date | null;
  updatedAt: Date;
  figures: CommuniqueFigures | null;
};

/**
 * A desk's communiqués, newest first: a centre's staff see their centre's (an MO's once submitted);
 * a pilot, their MO's. 200 at most, the figures of those sent with them.
 */
export async function listDeskCommuniques({ user, serviceId, locale }: { user: CurrentUser | null; serviceId: CommuniqueService; locale: "fr" | "en" }): Promise<DeskCommunique[]> {
  const reader = requireUser(user);
  const db = getDb();
  let where;
  if (reader.role === "mo_pilot") {
    if (serviceId !== "sagir" || !isPilotOf(reader, reader.organization?.id ?? null)) throw new AppError("NOT_FOUND", "no desk");
    where = { serviceId, source: "mo", organizationId: reader.organization!.id };
  } else {
    if (!writesCommuniquesOf(reader, serviceId)) throw new AppError("NOT_FOUND", "no desk");
    where = { serviceId, OR: [{ source: { not: "mo" } }, { status: { notIn: ["draft", "returned"] } }] };
  }
  const rows = await db.communique.findMany({
    where,
    select: { id: true, number: true, serviceId: true, source: true, titleFr: true, titleEn: true, status: true, sendAt: true, sentAt: true, updatedAt: true, organization: { select: { name: true } } },
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
  });
  const figures = await communiqueFigures(db, rows.filter((r) => r.status === "sent").map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    serviceId: r.serviceId,
    source: r.source,
    organizationName: r.organization?.name ?? null,
    title: locale === "en" && r.titleEn ? r.titleEn : r.titleFr,
    status: r.status as CommuniqueStatus,
    sendAt: r.sendAt,
    sentAt: r.sentAt,
    updatedAt: r.updatedAt,
    figures: figures.get(r.id) ?? null,
  }));
}

/** How many people an audience reaches now (the compose page shows it before sending). */
export async function previewReach({ user, serviceId, audience }: { user: CurrentUser | null; serviceId: CommuniqueService; audience: CommuniqueAudience }): Promise<number> {
  if (!communiqueDesks(user).includes(serviceId)) throw new AppError("NOT_FOUND", "no desk");
  return countAudience(getDb(), serviceId, audience);
}

/** The organizations a centre's communiqué may be addressed to (those subscribing to the centre). */
export async function audienceOrganizations(serviceId: CommuniqueService): Promise<{ id: string; name: string; adhered: boolean }[]> {
  const rows = await getDb().organization.findMany({
    where: { services: { some: { serviceId } } },
    select: { id: true, name: true, sagirAdheredOn: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, adhered: r.sagirAdheredOn !== null }));
}

// --- Questions ----------------------------------------------------------------------------------

/**
 * « Poser une question sur ce communiqué »: a request of the communiqué's centre, linked to it,
 * through the channel whose targets the centre commits to for its MO people (SAGIR: the Outil
 * Requête, 24 business-day hours to take it in charge; CA-dotation: the Formulaire, 48 hours). A
 * question about an MO's communiqué is assigned to that MO's pilot (its author when still a pilot
 * of the MO), who answers it.
 */
export async function askAboutCommunique({ user, id, input, now, locale }: { user: CurrentUser | null; id: string; input: TCommuniqueQuestion; now: Date; locale: "fr" | "en" }): Promise<{ number: string }> {
  const db = getDb();
  const row = await findCommunique(db, id);
  const recipient = user && row ? await db.communiqueRecipient.findUnique({ where: { communiqueId_userId: { communiqueId: id, userId: user.id } }, select: { userId: true } }) : null;
  if (!row || !recipient) throw new AppError("NOT_FOUND", "no such communique");
  const service = row.serviceId as CommuniqueService;
  const asker = requireCentreAccess(user, service);
  let pilotId: string | null = null;
  if (row.source === "mo") {
    const author = await findOrganizationMember(db, row.organizationId!, row.authorId);
    const pilot = author && author.role === "mo_pilot" && author.disabledAt === null
      ? author
      : await db.user.findFirst({ where: { organizationId: row.organizationId, role: "mo_pilot", disabledAt: null }, orderBy: { createdAt: "asc" }, select: { id: true } });
    pilotId = pilot?.id ?? null;
  }
  const subject = `${locale === "en" ? "Question about" : "Question sur"} ${row.number ?? ""} — ${communiqueTextsIn(row, locale).title}`.slice(0, 150);
  const opened = await openRequest({
    serviceId: service,
    audienceId: service === "sagir" ? "sagir-user" : "mo-specialist",
    channel: service === "sagir" ? "request-tool" : "request-form",
    type: COMMUNIQUE_QUESTION_TYPE,
    subject,
    body: input.message,
    urgent: false,
    receivedAt: now,
    details: { communiqueNumber: row.number ?? null, ...(row.source === "mo" ? { answeredBy: "mo" } : {}) },
    requester: { kind: "user", userId: asker.id, organizationId: asker.organization.id, email: asker.email },
    language: locale,
    after: async (tx, request) => {
      await tx.request.update({ where: { id: request.id }, data: { communiqueId: row.id, ...(pilotId ? { assigneeId: pilotId } : {}) } });
    },
  });
  return { number: opened.number };
}

/** `held`: the centre reviews resolutions (quality review): the answer waits for a second agent. */
export type AnswerOutcome = { number: string; ok: true; held: boolean } | { number: string; ok: false; message: { fr: string; en: string } };

/**
 * One answer to several questions about a communiqué: each asker gets it in their own request's
 * thread and by e-mail, and the request is resolved. Each request on its own transaction: one
 * closed or changed meanwhile is reported, the others answered. The centre's agents answer the
 * questions about its communiqués; an MO's pilot, those about the MO's.
 */
export async function answerCommuniqueQuestions({ user, id, input, now }: { user: CurrentUser | null; id: string; input: TCommuniqueAnswer; now: Date }): Promise<AnswerOutcome[]> {
  const db = getDb();
  const row = await findCommunique(db, id);
  if (!row || !managesCommunique(user, row)) throw new AppError("NOT_FOUND", "no such communique");
  const answerer = row.source === "mo" ? isPilotOf(user, row.organizationId) : isAgentOf(user, row.serviceId);
  if (!answerer) throw refused(row.source === "mo" ? "Les questions sur le communiqué d'un MO sont répondues par son pilote." : "Les agents du centre répondent aux questions.", row.source === "mo" ? "Questions about an MO's communiqué are answered by its pilot." : "The centre's agents answer the questions.");
  const requests = await db.request.findMany({
    where: { communiqueId: id, number: { in: input.numbers } },
    select: { number: true, version: true, events: { where: { kind: "taken_in_charge" }, select: { id: true }, take: 1 } },
  });
  const responder = row.source === "mo" ? { communiqueId: row.id } : undefined;
  const outcomes: AnswerOutcome[] = [];
  for (const number of input.numbers) {
    const request = requests.find((r) => r.number === number);
    if (!request) {
      outcomes.push({ number, ok: false, message: { fr: "n'est pas une question sur ce communiqué", en: "is not a question about this communiqué" } });
      continue;
    }
    try {
      // Answering a question is taking it in charge first (the SAGIR « prise en charge », its target met), as an agent would.
      const version = request.events.length ? request.version : (await takeInCharge({ user, number, expectedVersion: request.version, now, responder })).version;
      const result = await replyToRequest({
        user,
        number,
        now,
        input: { kind: "answer", body: input.body, statusAfter: "resolved", expectedVersion: version, promisedDate: null, acknowledgeDisclosure: false } as Parameters<typeof replyToRequest>[0]["input"],
        responder,
      });
      outcomes.push({ number, ok: true, held: result.held === true });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL" || appError.code === "DATABASE_UNAVAILABLE") throw error;
      outcomes.push({ number, ok: false, message: appError.localized ?? { fr: appError.message, en: appError.message } });
    }
  }
  return outcomes;
}

// --- A person's groups and language -------------------------------------------------------------

/** A pilot sets the SAGIR groups of a SAGIR user (or pilot) of their MO. */
export async function setMemberGroups({ user, input, now }: { user: CurrentUser | null; input: TMemberGroups; now: Date }): Promise<void> {
  const pilot = requireUser(user);
  if (pilot.role !== "mo_pilot" || !pilot.organization) throw new AppError("FORBIDDEN", "not an MO pilot");
  const db = getDb();
  const member = await findOrganizationMember(db, pilot.organization.id, input.userId);
  if (!member) throw new AppError("NOT_FOUND", "no such member");
  if (!COMMUNIQUE_ROLES.sagir.includes(member.role as "sagir_user")) throw refused("Les groupes SAGIR s'appliquent aux utilisateurs SAGIR et aux pilotes.", "SAGIR groups apply to SAGIR users and pilots.", "groups");
  const groups = [...new Set(input.groups)];
  await db.$transaction([
    db.userSagirGroup.deleteMany({ where: { userId: member.id } }),
    db.userSagirGroup.createMany({ data: groups.map((groupId) => ({ userId: member.id, groupId })) }),
  ]);
  await appendAudit(db, { at: now, actorUserId: pilot.id, action: "member_groups_updated", data: { userId: member.id, groups } });
}

/** A person's SAGIR groups (shown to them on /espace). */
export async function groupsOf(userId: string): Promise<string[]> {
  const rows = await getDb().userSagirGroup.findMany({ where: { userId }, select: { groupId: true }, orderBy: { groupId: "asc" } });
  return rows.map((r) => r.groupId);
}

/** The SAGIR groups of several people (the pilot's list of their MO's people). */
export async function groupsOfMembers(userIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await getDb().userSagirGroup.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, groupId: true }, orderBy: { groupId: "asc" } });
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.groupId]);
  return map;
}

/** The language Guichet writes to the person in (communiqués' e-mails). */
export async function setUserLocale({ user, locale }: { user: CurrentUser | null; locale: "fr" | "en" }): Promise<void> {
  const person = requireUser(user);
  await getDb().user.update({ where: { id: person.id }, data: { locale }, select: { id: true } });
}

export async function localeOf(userId: string): Promise<"fr" | "en"> {
  const row = await getDb().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return row?.locale === "en" ? "en" : "fr";
}

/** The communiqués sent in a period, with their figures (the monthly report's section). */
export async function communiquesSentBetween(db: Db, serviceIds: readonly string[], from: Date, to: Date) {
  const rows = await db.communique.findMany({
    where: { serviceId: { in: [...serviceIds] }, status: "sent", sentAt: { gte: from, lt: to } },
    select: { id: true, number: true, serviceId: true, source: true, titleFr: true, titleEn: true, sentAt: true, organization: { select: { name: true } } },
    orderBy: [{ sentAt: "asc" }],
    take: 500,
  });
  const figures = await communiqueFigures(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, organizationName: r.organization?.name ?? null, figures: figures.get(r.id)! }));
}

/** The month's communiqués of a service with their figures, for its managers (the monthly report). */
export async function readCommuniqueReport({ user, serviceId, from, to }: { user: CurrentUser | null; serviceId: string; from: Date; to: Date }) {
  if (!isManagerOf(user, serviceId)) throw new AppError("NOT_FOUND", "not a manager of this service");
  return communiquesSentBetween(getDb(), [serviceId], from, to);
}
