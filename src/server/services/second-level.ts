import "server-only";
// Second level and follow-up (SAGIR's « faire suivre à l'intervenant concerné », « faire le suivi
// des requêtes avec les pilotes de la DGGIR »):
//
// - managers keep a list of second-level parties per service (external contacts);
// - an agent forwards a request to one of them by e-mail, with a note and the thread, and sets a
//   follow-up date: the request is « en attente du second niveau » until the answer comes back;
// - the answer comes back by e-mail (a reply to the forward, or a message from the contact's address
//   naming the request's number) or is typed by the agent; either way it goes into the thread as
//   an internal message — never shown to the requester — and the assigned agent is told;
// - the follow-up date raises a notification (in-app and e-mail) in the service's open hours, once.
//
// The commitments to the requester keep running while the second level works: they are promises
// to the client (the catalogue's clocks), not to the centre. An avis de délai is the way to move them.
import { randomUUID } from "node:crypto";
import { dayNumberFromIsoDate, getZone, isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { recipientsOf } from "@/domain/notifications/notifications";
import { formatDateTime, formatIsoDate } from "@/i18n/format";
import type { CurrentUser } from "@/server/auth/current-user";
import type { Db } from "@/server/db/client";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { mailBaseUrl, mailDomain } from "@/server/mail/settings";
import { appendAudit } from "@/server/repositories/audit-repository";
import { threadMessageIds } from "@/server/repositories/mail-repository";
import { agentsOfServices, insertEmails, insertNotifications } from "@/server/repositories/notification-repository";
import { appendEvent, updateRequestAtVersion, type HandlingRequestRow, type Tx } from "@/server/repositories/request-repository";
import {
  appendSecondLevelMessage,
  claimDueFollowUps,
  findForwardFacts,
  insertContactEmail,
  touchRequest,
  closeReferral,
  findContact,
  findWaitingReferral,
  insertContact,
  insertReferral,
  listContacts,
  markReminded,
  updateContact,
  type ContactRow,
  type ReferralRow,
} from "@/server/repositories/second-level-repository";
import { MAX_FOLLOW_UP_DAYS, type TContactInput, type TContactUpdate, type TForwardInput } from "@/schemas/second-level";
import { requireManagerOf } from "@/server/services/dashboard";
import { refuseIfClosed, requestForAgent } from "@/server/services/handle-request";
import { conflict, refused } from "@/server/services/handling-errors";
import { getCatalogue } from "@/server/services/get-catalogue";

// --- The managers' list of second-level parties --------------------------------------------------------

export async function readContacts({ user, serviceId }: { user: CurrentUser | null; serviceId: string }): Promise<ContactRow[]> {
  requireManagerOf(user, serviceId);
  return listContacts(getDb(), serviceId);
}

const duplicate = () => refused("Ce service a déjà un intervenant à cette adresse.", "This service already has a contact at this address.", "email");

export async function addContact({ user, serviceId, input, now }: { user: CurrentUser | null; serviceId: string; input: TContactInput; now: Date }): Promise<{ id: string }> {
  const manager = requireManagerOf(user, serviceId);
  return getDb().$transaction(async (tx) => {
    const created = await insertContact(tx, { serviceId, ...input });
    if (!created) throw duplicate();
    await appendAudit(tx, { at: now, actorUserId: manager.id, action: "second_level_contact_saved", data: { serviceId, name: input.name, active: true } });
    return created;
  });
}

export async function changeContact({ user, serviceId, input, now }: { user: CurrentUser | null; serviceId: string; input: TContactUpdate; now: Date }): Promise<void> {
  const manager = requireManagerOf(user, serviceId);
  await getDb().$transaction(async (tx) => {
    const contact = await findContact(tx, input.id);
    if (!contact || contact.serviceId !== serviceId) throw new AppError("NOT_FOUND", "no such contact in this service");
    const disabledAt = input.active ? null : (contact.disabledAt ?? now);
    if (!(await updateContact(tx, input.id, { name: input.name, email: input.email, role: input.role, disabledAt }))) throw duplicate();
    await appendAudit(tx, { at: now, actorUserId: manager.id, action: "second_level_contact_saved", data: { serviceId, name: input.name, active: input.active } });
  });
}

// --- The agent's side ----------------------------------------------------------------------------------

/** The request, if the user is an agent of its service (else "not found"), and not closed. */
async function openRequestForAgent(tx: Tx, user: CurrentUser | null, number: string): Promise<{ agent: CurrentUser; row: HandlingRequestRow }> {
  const found = await requestForAgent(tx, user, number);
  refuseIfClosed(found.row);
  return found;
}

async function atVersion(tx: Tx, row: HandlingRequestRow, expectedVersion: number, data: Parameters<typeof updateRequestAtVersion>[3] = {}): Promise<number> {
  if (!(await updateRequestAtVersion(tx, row.id, expectedVersion, data))) throw conflict();
  return expectedVersion + 1;
}

/** The follow-up instant of a date: the start of that day in the service's zone (notified at its first open minute). */
export function followUpInstant(date: string, timeZone: string, now: Date): Date {
  const zone = getZone(timeZone);
  const day = dayNumberFromIsoDate(date);
  const today = zone.dayOf(now.getTime());
  if (day === null || day <= today || day > today + MAX_FOLLOW_UP_DAYS) {
    throw refused("La date de relance doit être après aujourd'hui, dans 90 jours au plus.", "The follow-up date must be after today, within 90 days.", "followUpDate");
  }
  return new Date(zone.midnight(day));
}

/** The default follow-up date offered: two business days ahead in the request's calendar. */
export async function defaultFollowUpDate(serviceId: string, audienceId: string, now: Date): Promise<string> {
  const { engine } = await getCatalogue();
  const calendar = engine.calendarFor(serviceId, audienceId);
  const at = engine.addClockTime({ clock: "business-days", amount: 2, unit: "days", calendarId: calendar.id }, now.getTime());
  return isoDateFromDayNumber(getZone(calendar.timeZone).dayOf(at));
}

/** What the second level receives: the agent's note, then the request and its public thread (no requester's name or address). */
function forwardMail(r: { number: string; subject: string; receivedAt: Date }, note: string, thread: { author: string; at: Date; body: string }[], agentName: string, followUpAt: Date) {
  const subject = `[${r.number}] Demande de suivi / Follow-up request — ${r.subject}`;
  const lines = [
    note,
    "",
    `— ${agentName}`,
    "",
    `Requête ${r.number} — ${r.subject}`,
    `Reçue le ${formatDateTime(r.receivedAt.getTime(), "fr")}. Relance prévue le ${formatDateTime(followUpAt.getTime(), "fr").replace(/ à .*$/, "")}.`,
    "Répondez à ce courriel : votre réponse est versée au dossier de la requête (jamais transmise telle quelle au demandeur).",
    "Reply to this e-mail: your answer goes into the request's file (it is never passed on as is to the requester).",
    "",
    "— Fil de la requête / Request thread —",
    ...thread.flatMap((m) => ["", `${m.author} · ${formatDateTime(m.at.getTime(), "fr")}`, m.body]),
  ];
  return { subject, body: lines.join("\n") };
}

/** Forwards the request to a second-level party by e-mail; the request waits for their answer. */
export async function forwardToSecondLevel({ user, number, input, now }: { user: CurrentUser | null; number: string; input: TForwardInput; now: Date }): Promise<{ version: number }> {
  const catalogue = await getCatalogue();
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await openRequestForAgent(tx, user, number);
    const contact = await findContact(tx, input.contactId);
    if (!contact || contact.serviceId !== row.serviceId || contact.disabledAt) {
      throw refused("Choisissez un intervenant actif de ce service.", "Choose an active contact of this service.", "contactId");
    }
    if (await findWaitingReferral(tx, row.id)) {
      throw refused(
        "Cette requête attend déjà la réponse du second niveau : consignez cette réponse ou retirez la demande avant d'en faire une autre.",
        "This request already waits for the second level's answer: record that answer or withdraw the request before making another.",
      );
    }
    const timeZone = catalogue.engine.calendarFor(row.serviceId, row.audienceId).timeZone;
    const followUpAt = followUpInstant(input.followUpDate, timeZone, now);
    const version = await atVersion(tx, row, input.expectedVersion, row.status === "new" ? { status: "in_progress" } : {});
    if (row.status === "new") await appendEvent(tx, { requestId: row.id, kind: "status_changed", actorKind: "agent", actorUserId: agent.id, at: now, data: { from: "new", to: "in_progress" } });
    const referral = await insertReferral(tx, { requestId: row.id, contactId: contact.id, sentById: agent.id, sentAt: now, followUpAt });
    await appendSecondLevelMessage(tx, { requestId: row.id, authorUserId: agent.id, replyKind: "second_level_forward", body: input.note, at: now });
    await appendEvent(tx, { requestId: row.id, kind: "second_level_forwarded", actorKind: "agent", actorUserId: agent.id, at: now, data: { contact: contact.name, followUpDate: input.followUpDate, referralId: referral.id } });
    const request = await findForwardFacts(tx, row.id);
    const thread = request.messages.map((m) => ({ author: m.authorKind === "agent" ? "Centre / Centre" : "Demandeur / Requester", at: m.at, body: m.body }));
    const mail = forwardMail(request, input.note, thread, agent.name, followUpAt);
    const { sent } = await threadMessageIds(tx, row.id);
    await insertContactEmail(tx, { requestId: row.id, contactId: contact.id, subject: mail.subject, body: mail.body, messageId: `<${randomUUID()}@${mailDomain()}>`, references: sent.slice(-1), createdAt: now });
    return { version };
  });
}

/** Ends the request's wait for the second level (typed answer, or withdrawn), at the version the agent saw. */
async function endWait(tx: Tx, user: CurrentUser | null, number: string, expectedVersion: number, now: Date, via: "typed" | "withdrawn") {
  const { agent, row } = await openRequestForAgent(tx, user, number);
  const waiting = await findWaitingReferral(tx, row.id);
  if (!waiting) throw refused("Cette requête n'attend pas de réponse du second niveau.", "This request is not waiting for a second-level answer.");
  const version = await atVersion(tx, row, expectedVersion);
  if (!(await closeReferral(tx, waiting.id, now, via))) throw conflict();
  return { agent, row, waiting, version };
}

/** The second level's answer, typed by the agent (it came by phone, Teams…): into the thread, the wait ends. */
export async function recordSecondLevelAnswer({ user, number, body, expectedVersion, now }: { user: CurrentUser | null; number: string; body: string; expectedVersion: number; now: Date }): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const { agent, row, waiting, version } = await endWait(tx, user, number, expectedVersion, now, "typed");
    await appendSecondLevelMessage(tx, { requestId: row.id, authorUserId: agent.id, replyKind: "second_level_answer", body, at: now });
    await appendEvent(tx, { requestId: row.id, kind: "second_level_answered", actorKind: "agent", actorUserId: agent.id, at: now, data: { contact: waiting.contact.name, via: "typed" } });
    return { version };
  });
}

/** The agent no longer waits for the second level (solved meanwhile, wrong party). */
export async function withdrawReferral({ user, number, expectedVersion, now }: { user: CurrentUser | null; number: string; expectedVersion: number; now: Date }): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const { agent, row, waiting, version } = await endWait(tx, user, number, expectedVersion, now, "withdrawn");
    await appendEvent(tx, { requestId: row.id, kind: "second_level_withdrawn", actorKind: "agent", actorUserId: agent.id, at: now, data: { contact: waiting.contact.name } });
    return { version };
  });
}

/**
 * An e-mail from the second level (a reply to our forward, or from the address of a party the
 * request was forwarded to): an internal message of the thread; it ends the wait, and the assigned
 * agent (or the service's agents) is told at once.
 */
export async function receiveSecondLevelAnswer(
  tx: Tx,
  request: { id: string; serviceId: string },
  mail: { body: string; quoted: string | null; inboundEmailId: bigint; from: string | null },
  now: Date,
): Promise<{ id: string }> {
  const waiting = await findWaitingReferral(tx, request.id);
  const message = await appendSecondLevelMessage(tx, { requestId: request.id, authorUserId: null, replyKind: "second_level_answer", body: mail.body, quoted: mail.quoted, inboundEmailId: mail.inboundEmailId, at: now });
  if (waiting) await closeReferral(tx, waiting.id, now, "email");
  await appendEvent(tx, { requestId: request.id, kind: "second_level_answered", actorKind: "system", actorUserId: null, at: now, data: { contact: waiting?.contact.name ?? mail.from ?? "", via: "email" } });
  const row = await touchRequest(tx, request.id);
  const agents = (await agentsOfServices(tx, [request.serviceId])).get(request.serviceId) ?? [];
  const recipients = recipientsOf(row.assigneeId, agents);
  const key = `second-level:${message.id}`;
  await insertNotifications(tx, recipients.map((userId) => ({ userId, requestId: request.id, targetId: key, state: "second-level-answered", dueAt: now, createdAt: now })));
  const link = `${mailBaseUrl()}/console/requetes/${row.number}`;
  await insertEmails(tx, recipients.map((userId) => ({
    userId,
    kind: "second_level_answered",
    subject: `Guichet — ${row.number} : réponse du second niveau / second-level answer`,
    body: [`Le second niveau a répondu pour la requête ${row.number}.`, `Ouvrir la requête : ${link}`, "", `The second level answered for request ${row.number}.`, `Open the request: ${link}`].join("\n"),
    createdAt: now,
  })));
  return message;
}

/**
 * The follow-up dates that have come, in their service's open hours: a notification and an e-mail
 * to the assigned agent (or the service's agents), once. Outside open hours they wait for the opening.
 */
export async function remindFollowUps(db: Db, now: Date, baseUrl: string): Promise<number> {
  const catalogue = await getCatalogue();
  return db.$transaction(async (tx) => {
    const due = await claimDueFollowUps(tx, now, 200);
    const open = due.filter((d) => catalogue.engine.status(d.serviceId, d.audienceId, now.getTime()).open);
    if (open.length === 0) return 0;
    const agents = await agentsOfServices(tx, [...new Set(open.map((d) => d.serviceId))]);
    const notifications = [];
    const emails = [];
    for (const d of open) {
      const link = `${baseUrl}/console/requetes/${encodeURIComponent(d.number)}`;
      const date = new Date(d.followUpAt);
      const day = isoDateFromDayNumber(getZone(catalogue.engine.calendarFor(d.serviceId, d.audienceId).timeZone).dayOf(date.getTime()));
      for (const userId of recipientsOf(d.assigneeId, agents.get(d.serviceId) ?? [])) {
        notifications.push({ userId, requestId: d.requestId, targetId: `referral:${d.id}`, state: "follow-up", dueAt: date, createdAt: now });
        emails.push({
          userId,
          kind: "follow_up",
          subject: `Guichet — ${d.number} : relance du second niveau / second-level follow-up`,
          body: [
            `La requête ${d.number} attend toujours la réponse de ${d.contactName} : la date de relance (${formatIsoDate(day, "fr")}) est arrivée.`,
            `Ouvrir la requête : ${link}`,
            "",
            `Request ${d.number} still waits for ${d.contactName}'s answer: its follow-up date (${formatIsoDate(day, "en")}) has come.`,
            `Open the request: ${link}`,
          ].join("\n"),
          createdAt: now,
        });
      }
    }
    await insertNotifications(tx, notifications);
    await insertEmails(tx, emails);
    await markReminded(tx, open.map((d) => d.id), now);
    return open.length;
  });
}

export type { ReferralRow };
