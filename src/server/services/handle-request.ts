import "server-only";
// What an agent does to a request: take it in charge (assign to me, acknowledge — the SAGIR
// *prise en charge*), reply (answer, avis de délai with the date it promises, redirection), write
// an internal note, change its status (closing erases its personal information: a database
// trigger), reassign it, merge a duplicate into it, validate the requester's identity, read the
// personal information masked elsewhere (each view audited). Every change is made at the version
// the agent saw: a concurrent change gives CONFLICT and saves nothing — never a lost update.
// After each event the targets are derived again from the event log (request-targets.ts).
import { fillCannedReply } from "@/domain/requests/canned-replies";
import { disclosesFileInformation, PROMISE_METRIC, PROMISE_TARGET_PREFIX } from "@/domain/requests/targets";
import { formatIsoDate } from "@/i18n/format";
import type { ReplyInput } from "@/schemas/console";
import { centreAccess, isAgentOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import {
  appendAgentMessage,
  appendEvent,
  findPersonalData,
  findRequestForHandling,
  insertTarget,
  updateRequestAtVersion,
  type HandlingRequestRow,
  type Tx,
} from "@/server/repositories/request-repository";
import { findAccountByEmail, listServiceAgents } from "@/server/repositories/user-repository";
import { toCurrentUser } from "@/server/auth/session-user";
import type { MoCentre } from "@/domain/requests/mo-request";
import { attachmentStore, type CheckedFile } from "@/server/storage/attachment-store";
import { getCatalogue } from "@/server/services/get-catalogue";
import { needsReview, submitForReview } from "@/server/services/quality-review";
import { recordGuideCitations } from "@/server/services/guides";
import { queueReplyMail } from "@/server/services/request-mail";
import { refreshTargets } from "@/server/services/request-targets";
import { conflict, refused } from "@/server/services/handling-errors";

export const REQUEST_STATUSES = ["new", "in_progress", "waiting_requester", "resolved", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A promise of an avis de délai may not be further than this many business days ahead. */
export const MAX_PROMISE_BUSINESS_DAYS = 60;

/** The request, if the user is an agent of its service; otherwise "not found" (numbers cannot be probed). */
export async function requestForAgent(tx: Tx, user: CurrentUser | null, number: string): Promise<{ agent: CurrentUser; row: HandlingRequestRow }> {
  const row = await findRequestForHandling(tx, number);
  if (!row || !isAgentOf(user, row.serviceId)) throw new AppError("NOT_FOUND", "no such request for this agent");
  return { agent: user, row };
}

/**
 * The request, for whoever answers it: an agent of its service; or, for a question about their
 * MO's own communiqué (`responder`), that MO's pilot (the seed: the MO answers the questions about
 * its communiqués). Anyone else: "not found".
 */
async function requestForResponder(tx: Tx, user: CurrentUser | null, number: string, responder?: { communiqueId: string }): Promise<{ agent: CurrentUser; row: HandlingRequestRow }> {
  if (!responder) return requestForAgent(tx, user, number);
  const row = await findRequestForHandling(tx, number);
  const organizationId = user?.role === "mo_pilot" ? user.organization?.id : undefined;
  const linked = row && organizationId
    ? await tx.request.count({ where: { id: row.id, organizationId, communiqueId: responder.communiqueId, communique: { source: "mo", organizationId } } })
    : 0;
  if (!row || !user || linked === 0) throw new AppError("NOT_FOUND", "no such question for this pilot");
  return { agent: user, row };
}

export function refuseIfClosed(row: HandlingRequestRow): void {
  if (row.status === "closed") throw refused("Cette requête est fermée.", "This request is closed.");
}

async function changeAtVersion(tx: Tx, row: HandlingRequestRow, expectedVersion: number, data: Parameters<typeof updateRequestAtVersion>[3]): Promise<number> {
  if (!(await updateRequestAtVersion(tx, row.id, expectedVersion, data))) throw conflict();
  return expectedVersion + 1;
}

async function logStatusChange(tx: Tx, row: HandlingRequestRow, agentId: string, to: string, now: Date): Promise<void> {
  if (to === row.status) return;
  await appendEvent(tx, { requestId: row.id, kind: "status_changed", actorKind: "agent", actorUserId: agentId, at: now, data: { from: row.status, to } });
}

export type HandlingOptions = { user: CurrentUser | null; number: string; expectedVersion: number; now: Date };
export type HandlingResult = { version: number };

/** Assigns the request to the agent, acknowledges it to the requester and meets the take-in-charge target. */
export async function takeInCharge({ user, number, expectedVersion, now, responder }: HandlingOptions & { responder?: { communiqueId: string } }): Promise<HandlingResult> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForResponder(tx, user, number, responder);
    refuseIfClosed(row);
    const status = row.status === "new" ? "in_progress" : row.status;
    const version = await changeAtVersion(tx, row, expectedVersion, { assigneeId: agent.id, status });
    await appendEvent(tx, { requestId: row.id, kind: "taken_in_charge", actorKind: "agent", actorUserId: agent.id, at: now, data: { assigneeId: agent.id, from: row.assigneeId } });
    await logStatusChange(tx, row, agent.id, status, now);
    // Stored as a kind, rendered in each reader's language (src/i18n/system-messages.ts).
    await appendAgentMessage(tx, row.id, "", now, agent.id, "public", "acknowledgement", "taken_in_charge");
    await queueReplyMail(tx, { requestId: row.id, now, kind: "taken_in_charge", body: null, promisedDate: null, resolved: false, messageRef: null, attachmentNames: [] });
    await refreshTargets(tx, row.id);
    return { version };
  });
}

/** Moves the request to another status; closing it erases its personal information. */
export async function changeRequestStatus({ user, number, expectedVersion, now, status }: HandlingOptions & { status: RequestStatus }): Promise<HandlingResult> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    refuseIfClosed(row);
    if (row.status === status) return { version: row.version };
    const version = await changeAtVersion(tx, row, expectedVersion, { status, closedAt: status === "closed" ? now : null });
    await logStatusChange(tx, row, agent.id, status, now);
    if (status === "resolved") await queueReplyMail(tx, { requestId: row.id, now, kind: "resolved", body: null, promisedDate: null, resolved: true, messageRef: null, attachmentNames: [], agentId: agent.id });
    return { version };
  });
}

/** The end of service of the promised date, checked: a business day, still ahead, not too far. */
async function promiseFor(row: HandlingRequestRow, promisedDate: string, now: Date) {
  const { engine } = await getCatalogue();
  const calendarId = engine.getAudience(row.serviceId, row.audienceId).calendarId;
  const dueAt = engine.closingOfDate(calendarId, promisedDate);
  if (dueAt === null) {
    throw refused("Cette date n'est pas un jour ouvrable du centre : choisissez un jour ouvrable.", "This date is not a business day of the centre: choose a business day.", "promisedDate");
  }
  if (dueAt <= now.getTime()) {
    throw refused("La date promise doit être à venir (aujourd'hui avant la fermeture, ou plus tard).", "The promised date must be ahead (today before closing, or later).", "promisedDate");
  }
  let amount = 0;
  while (engine.addClockTime({ clock: "business-days", amount: amount + 1, unit: "days", calendarId }, now.getTime()) <= dueAt) {
    amount += 1;
    if (amount > MAX_PROMISE_BUSINESS_DAYS) {
      throw refused(
        `Une promesse ne peut dépasser ${MAX_PROMISE_BUSINESS_DAYS} jours ouvrables : choisissez une date plus proche.`,
        `A promise cannot exceed ${MAX_PROMISE_BUSINESS_DAYS} business days: choose an earlier date.`,
        "promisedDate",
      );
    }
  }
  const target = { clock: "business-days" as const, amount, unit: "days" as const, calendarId };
  return { ...target, startsAt: now, dueAt: new Date(dueAt), riskAt: new Date(engine.atRiskAt(target, now.getTime(), dueAt)) };
}

/**
 * A public reply. An avis de délai records the date it promises as a new commitment of the
 * request (its own target, met by the next answer or redirection). Before the identity of a
 * nominative request's requester is validated, a text that reads like file information is sent
 * only if the agent confirms it.
 */
export async function replyToRequest({
  user,
  number,
  now,
  input,
  files = [],
  responder,
}: {
  user: CurrentUser | null;
  number: string;
  now: Date;
  input: ReplyInput;
  files?: readonly CheckedFile[];
  /** An MO's pilot answering a question about their MO's communiqué (src/server/services/communiques.ts). */
  responder?: { communiqueId: string };
}): Promise<HandlingResult & { held?: boolean }> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForResponder(tx, user, number, responder);
    refuseIfClosed(row);
    if (row.nominative && !row.identityValidatedAt && disclosesFileInformation(input.body) && !input.acknowledgeDisclosure) {
      throw refused(
        "Ce texte semble révéler de l'information sur le dossier, et l'identité du demandeur n'est pas validée. Validez-la d'abord, ou confirmez que le texte ne révèle rien du dossier.",
        "This text seems to disclose information about the file, and the requester's identity is not validated. Validate it first, or confirm the text discloses nothing about the file.",
        "acknowledgeDisclosure",
      );
    }
    const promise = input.kind === "delay_notice" && input.promisedDate ? await promiseFor(row, input.promisedDate, now) : null;
    // The promised date in the requester's language (the reply is written to them).
    const body = fillCannedReply(input.body, { number: row.number, promisedDate: input.promisedDate ? formatIsoDate(input.promisedDate, row.language === "en" ? "en" : "fr") : null });
    // The centre's quality review is the centre's agents' work: an MO pilot's answer is the MO's.
    if (!responder && (await needsReview(tx, row.serviceId, input))) {
      // Held for a second agent (quality-review.ts): nothing goes out, no commitment is met yet.
      const heldStatus = row.status === "new" ? "in_progress" : row.status;
      const version = await changeAtVersion(tx, row, input.expectedVersion, { status: heldStatus });
      const { messageId } = await appendAgentMessage(tx, row.id, body, now, agent.id, "review", input.kind);
      await attachmentStore().save(tx, { requestId: row.id, messageId, at: now }, files);
      await submitForReview(tx, row, agent.id, messageId, input, now);
      await logStatusChange(tx, row, agent.id, heldStatus, now);
      return { version, held: true };
    }
    const status = input.statusAfter === "keep" ? (row.status === "new" ? "in_progress" : row.status) : input.statusAfter;
    const version = await changeAtVersion(tx, row, input.expectedVersion, { status });
    const { messageId } = await appendAgentMessage(tx, row.id, body, now, agent.id, "public", input.kind);
    await attachmentStore().save(tx, { requestId: row.id, messageId, at: now }, files);
    await queueReplyMail(tx, {
      requestId: row.id,
      now,
      kind: input.kind,
      body,
      promisedDate: promise ? (input.promisedDate ?? null) : null,
      resolved: status === "resolved",
      messageRef: files.length ? messageId : null,
      attachmentNames: files.map((f) => f.filename),
      agentId: agent.id,
    });
    await recordGuideCitations(tx, { requestId: row.id, body, agentId: agent.id, now });
    await appendEvent(tx, {
      requestId: row.id,
      kind: "public_reply",
      actorKind: "agent",
      actorUserId: agent.id,
      at: now,
      data: { replyKind: input.kind, ...(input.promisedDate && promise ? { promisedDate: input.promisedDate, promiseDueAt: promise.dueAt.toISOString() } : {}) },
    });
    if (promise) {
      const existing = row.targets.filter((t) => t.metric === PROMISE_METRIC).length;
      await insertTarget(tx, row.id, { targetId: `${PROMISE_TARGET_PREFIX}${existing + 1}`, metric: PROMISE_METRIC, ...promise });
    }
    await logStatusChange(tx, row, agent.id, status, now);
    await refreshTargets(tx, row.id);
    return { version };
  });
}

/** A note for the centre's agents only (never shown to the requester). */
export async function addInternalNote({ user, number, now, expectedVersion, body }: HandlingOptions & { body: string }): Promise<HandlingResult> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    const version = await changeAtVersion(tx, row, expectedVersion, {});
    await appendAgentMessage(tx, row.id, body, now, agent.id, "internal");
    await appendEvent(tx, { requestId: row.id, kind: "internal_note", actorKind: "agent", actorUserId: agent.id, at: now });
    return { version };
  });
}

/** Gives the request to another agent of its service, or to nobody. */
export async function reassignRequest({ user, number, now, expectedVersion, assigneeId }: HandlingOptions & { assigneeId: string | null }): Promise<HandlingResult> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    refuseIfClosed(row);
    if (assigneeId !== null) {
      const agents = await listServiceAgents(tx, row.serviceId);
      if (!agents.some((a) => a.id === assigneeId)) {
        throw refused("Choisissez un agent de ce service.", "Choose an agent of this service.", "assigneeId");
      }
    }
    if (assigneeId === row.assigneeId) return { version: row.version };
    const version = await changeAtVersion(tx, row, expectedVersion, { assigneeId });
    await appendEvent(tx, { requestId: row.id, kind: "assigned", actorKind: "agent", actorUserId: agent.id, at: now, data: { from: row.assigneeId, to: assigneeId } });
    return { version };
  });
}

/**
 * Merges this request (a duplicate) into another of the same service: the duplicate is closed
 * and points to the other; its messages and events stay where they are and are shown in the other
 * request's view; its targets not met yet are withdrawn (the other request carries the promise).
 */
export async function mergeRequest({ user, number, now, expectedVersion, into }: HandlingOptions & { into: string }): Promise<{ version: number; into: string }> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    refuseIfClosed(row);
    const survivor = await findRequestForHandling(tx, into);
    if (!survivor || !isAgentOf(agent, survivor.serviceId) || survivor.serviceId !== row.serviceId) {
      throw refused("Aucune requête de ce service ne porte ce numéro.", "No request of this service has this number.", "into");
    }
    if (survivor.id === row.id) throw refused("Une requête ne peut être fusionnée avec elle-même.", "A request cannot be merged into itself.", "into");
    if (survivor.status === "closed") throw refused("Cette requête est fermée : choisissez une requête ouverte.", "That request is closed: choose an open request.", "into");
    const version = await changeAtVersion(tx, row, expectedVersion, { status: "closed", closedAt: now, mergedIntoId: survivor.id });
    // The survivor changes too: anyone acting on it with an older version must see the merge first.
    await updateRequestAtVersion(tx, survivor.id, survivor.version, {});
    await appendEvent(tx, { requestId: row.id, kind: "merged_into", actorKind: "agent", actorUserId: agent.id, at: now, data: { into: survivor.number } });
    await logStatusChange(tx, row, agent.id, "closed", now);
    await appendEvent(tx, { requestId: survivor.id, kind: "merged_from", actorKind: "agent", actorUserId: agent.id, at: now, data: { from: row.number } });
    await refreshTargets(tx, row.id, { withdrawn: true });
    return { version, into: survivor.number };
  });
}

/** Records how the requester's identity was validated (event and audit entry). */
export async function validateIdentity({ user, number, now, expectedVersion, method, note }: HandlingOptions & { method: string; note: string | null }): Promise<HandlingResult> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    refuseIfClosed(row);
    if (!row.nominative) throw refused("Cette requête n'est pas nominative : aucune validation d'identité n'est requise.", "This request is not about a personal file: no identity validation is needed.");
    if (row.identityValidatedAt) return { version: row.version };
    const version = await changeAtVersion(tx, row, expectedVersion, { identityValidatedAt: now });
    await appendEvent(tx, { requestId: row.id, kind: "identity_validated", actorKind: "agent", actorUserId: agent.id, at: now, data: { method } });
    await appendAudit(tx, { at: now, actorUserId: agent.id, action: "identity_validated", requestId: row.id, data: { method, ...(note ? { note } : {}) } });
    return { version };
  });
}

/**
 * The requester's name and e-mail, masked everywhere else: each view is audited. Where the
 * request is nominative, only once the requester's identity is validated.
 */
export async function revealRequester({ user, number, now }: Omit<HandlingOptions, "expectedVersion">): Promise<{ name: string | null; email: string | null }> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    if (row.nominative && !row.identityValidatedAt) {
      throw new AppError("FORBIDDEN", "identity not validated", {}, {
        localized: {
          fr: "Validez d'abord l'identité du demandeur : ses renseignements restent masqués jusque-là.",
          en: "Validate the requester's identity first: their information stays masked until then.",
        },
      });
    }
    await appendAudit(tx, { at: now, actorUserId: agent.id, action: "personal_data_viewed", requestId: row.id, data: { fields: ["requesterName", "requesterEmail"] } });
    return { name: row.requesterName, email: row.requesterEmail };
  });
}

/**
 * The day and month of birth of a departure notice, for the agent handling it (its assignee)
 * only; each view is written to the audit log. Null once erased (the request was closed).
 */
export async function revealPersonalData({ user, number, now }: Omit<HandlingOptions, "expectedVersion">): Promise<{ birthDay: number; birthMonth: number } | null> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    if (row.assigneeId !== agent.id) {
      throw new AppError("FORBIDDEN", "not the handling agent", {}, {
        localized: {
          fr: "Seul l'agent qui traite cette requête peut voir ces renseignements personnels. Prenez-la en charge d'abord.",
          en: "Only the agent handling this request may see this personal information. Take it in charge first.",
        },
      });
    }
    const data = await findPersonalData(tx, row.id);
    if (data) await appendAudit(tx, { at: now, actorUserId: agent.id, action: "personal_data_viewed", requestId: row.id, data: { fields: ["birthDay", "birthMonth"] } });
    return data;
  });
}

/**
 * Links an e-mail request whose sender is unknown or unverified to the account of the person who
 * wrote it, once the agent has made sure of it (a call back, for instance): the request then
 * belongs to that person and their MO, which may follow it; the guest name and address are dropped
 * (the account holds them). Only an active account with access to the request's centre qualifies.
 */
export async function identifySender({ user, number, now, expectedVersion, email }: HandlingOptions & { email: string }): Promise<HandlingResult> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    refuseIfClosed(row);
    if (row.senderStatus !== "unknown" && row.senderStatus !== "unverified") {
      throw refused("L'expéditeur de cette requête est déjà identifié.", "This request's sender is already identified.");
    }
    const found = await findAccountByEmail(tx, email);
    const account = found ? toCurrentUser(found) : null;
    if (!account || centreAccess(account, row.serviceId as MoCentre) !== "granted") {
      throw refused(
        "Aucun compte actif ayant accès à ce centre n'a cette adresse (ou son organisation n'y a pas adhéré).",
        "No active account with access to this centre has this address (or its organization has not adhered).",
        "email",
      );
    }
    const version = await changeAtVersion(tx, row, expectedVersion, {
      requesterUserId: account.id,
      organizationId: account.organization?.id ?? null,
      requesterName: null,
      requesterEmail: null,
      senderStatus: "identified",
    });
    await appendEvent(tx, { requestId: row.id, kind: "sender_identified", actorKind: "agent", actorUserId: agent.id, at: now, data: { userId: account.id, from: row.senderStatus } });
    await appendAudit(tx, { at: now, actorUserId: agent.id, action: "sender_identified", requestId: row.id, data: { userId: account.id } });
    return { version };
  });
}
