import "server-only";
// Phone calls, voicemails and faxes logged by an agent. A call's answer time meets (or misses) its
// own target — 5 minutes for CA-dotation candidates, 15 minutes for SAGIR (an answered SAGIR call
// is its take in charge) — whether it is settled on the call or opens a request. A request opened
// from a call gets every target of the phone channel (a candidate's also has the 10 business
// days); voicemails, faxes and e-mails received in a centre's mailbox open written requests received when
// they arrived (until the mail receiver does it by itself).
import { TIME_ZONE } from "@/domain/catalogue/default-catalogue";
import { localDateTimeToInstant } from "@/domain/catalogue/zone";
import { CANDIDATE_TOPICS } from "@/domain/requests/candidate-inquiry";
import { MO_FUNCTIONS } from "@/domain/requests/mo-request";
import { SAGIR_REQUEST_TYPES } from "@/domain/requests/sagir-request";
import type { CallInput, CallSettleInput } from "@/schemas/console";
import { isAgentOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError, type Localized } from "@/server/errors";
import { findSystemCall, lockCall, SETTLED_OUTCOMES, settleSystemCall } from "@/server/repositories/call-event-repository";
import { insertPhoneCall } from "@/server/repositories/console-repository";
import { appendEvent, type Tx, updateRequestAtVersion } from "@/server/repositories/request-repository";
import { getCatalogue } from "@/server/services/get-catalogue";
import { openRequest, openRequestIn, type OpenRequestOptions } from "@/server/services/open-request";
import { refreshTargets } from "@/server/services/request-targets";

/** The request types an agent may choose for a request opened from a call, per audience. */
export const CALL_TYPES_BY_AUDIENCE: Record<string, readonly string[]> = {
  candidate: CANDIDATE_TOPICS,
  "mo-specialist": MO_FUNCTIONS,
  "sagir-user": SAGIR_REQUEST_TYPES,
};

function fieldError(field: string, fr: string, en: string): AppError {
  return new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } satisfies Localized });
}

export type LoggedCall = {
  number: string | null;
  /** The call's own answer target, when it has one. */
  answer: { targetId: string; dueAt: Date; answeredAt: Date; met: boolean } | null;
};

export async function logCall({ user, serviceId, input, now }: { user: CurrentUser | null; serviceId: string; input: CallInput; now: Date }): Promise<LoggedCall> {
  if (!isAgentOf(user, serviceId)) throw new AppError("NOT_FOUND", "not an agent of this service");
  const agent = user;
  const { engine } = await getCatalogue();
  const audience = engine.getService(serviceId).audiences.find((a) => a.id === input.audienceId);
  if (!audience) throw fieldError("audienceId", "Choisissez une clientèle de ce service.", "Choose an audience of this service.");
  if (!audience.channels.includes(input.channel)) {
    throw fieldError("channel", "Cette clientèle ne joint pas le centre par ce moyen.", "This audience does not reach the centre this way.");
  }
  const received = localDateTimeToInstant(input.receivedAt, TIME_ZONE);
  if (received === null) throw fieldError("receivedAt", "Cette date et cette heure n'existent pas.", "This date and time do not exist.");
  if (received > now.getTime()) throw fieldError("receivedAt", "L'heure de réception ne peut pas être dans le futur.", "The time received cannot be in the future.");
  let answered: number | null = null;
  if (input.channel === "phone") {
    answered = localDateTimeToInstant(input.answeredAt ?? "", TIME_ZONE);
    if (answered === null) throw fieldError("answeredAt", "Cette date et cette heure n'existent pas.", "This date and time do not exist.");
    if (answered < received) throw fieldError("answeredAt", "Un appel est répondu après sa réception.", "A call is answered after it is received.");
    if (answered > now.getTime()) throw fieldError("answeredAt", "L'heure de réponse ne peut pas être dans le futur.", "The time answered cannot be in the future.");
    // A call is only received while the line is open (spec §3); anything else is a typing error.
    const atReceipt = engine.status(serviceId, audience.id, received);
    if (!atReceipt.open) {
      throw fieldError("receivedAt", "La ligne était fermée à cette heure : vérifiez l'heure de réception.", "The line was closed at that time: check the time received.");
    }
  }
  const due = engine.dueTargets(serviceId, audience.id, input.channel, received);
  const callTarget = input.channel === "phone" ? due.find((d) => d.target.clock === "elapsed") ?? null : null;
  const answer =
    callTarget && answered !== null
      ? { targetId: callTarget.target.id, dueAt: new Date(callTarget.dueAt), answeredAt: new Date(answered), met: answered <= callTarget.dueAt }
      : null;
  const call = {
    serviceId,
    audienceId: audience.id,
    channel: input.channel,
    receivedAt: new Date(received),
    answeredAt: answered === null ? null : new Date(answered),
    urgent: input.urgent,
    agentId: agent.id,
    targetId: callTarget?.target.id ?? null,
    dueAt: callTarget ? new Date(callTarget.dueAt) : null,
  };
  const opens = input.channel !== "phone" || input.outcome === "request_opened";
  if (!opens) {
    await insertPhoneCall(getDb(), { ...call, outcome: "settled", requestId: null });
    return { number: null, answer };
  }
  const options = await callRequestOptions({
    agent,
    serviceId,
    audienceId: audience.id,
    channel: input.channel,
    input,
    receivedAt: new Date(received),
    answeredAt: answered === null ? null : new Date(answered),
    record: (tx, requestId) => insertPhoneCall(tx, { ...call, outcome: "request_opened", requestId }).then(() => undefined),
  });
  const opened = await openRequest(options);
  return { number: opened.number, answer };
}

/** What an agent writes when a call opens a request (the form's « Requête ouverte » fields). */
type OpenedFields = Pick<CallInput, "type" | "subject" | "summary" | "urgent" | "requesterName" | "requesterEmail" | "organizationId">;

/**
 * A request opened from a call (logged by hand or settled from the screen pop): of the type the
 * agent chose, received when the call was, with the call's answer as its first events — for SAGIR,
 * answering is taking it in charge — and the call recorded with it (`record`), in one transaction.
 */
async function callRequestOptions({
  agent,
  serviceId,
  audienceId,
  channel,
  input,
  receivedAt,
  answeredAt,
  record,
}: {
  agent: CurrentUser;
  serviceId: string;
  audienceId: string;
  channel: string;
  input: OpenedFields;
  receivedAt: Date;
  answeredAt: Date | null;
  record: (tx: Tx, requestId: string) => Promise<void>;
}): Promise<OpenRequestOptions> {
  if (!input.type || !CALL_TYPES_BY_AUDIENCE[audienceId]?.includes(input.type)) {
    throw fieldError("type", "Choisissez un type de demande de cette clientèle.", "Choose a request type of this audience.");
  }
  let organizationId: string | null = null;
  if (input.organizationId && audienceId !== "candidate") {
    const organization = await getDb().organizationService.findFirst({ where: { organizationId: input.organizationId, serviceId }, select: { organizationId: true } });
    if (!organization) throw fieldError("organizationId", "Choisissez un ministère ou organisme abonné à ce service.", "Choose a ministry or organization subscribed to this service.");
    organizationId = organization.organizationId;
  }
  return {
    serviceId,
    audienceId,
    channel,
    type: input.type,
    subject: input.subject!,
    body: input.summary!,
    urgent: input.urgent,
    receivedAt,
    details: { loggedBy: agent.id },
    requester: { kind: "logged", agentId: agent.id, name: input.requesterName, email: input.requesterEmail, organizationId },
    nominative: audienceId === "candidate" && input.type === "my-candidate-file",
    after: async (tx, request) => {
      if (answeredAt !== null) {
        await appendEvent(tx, { requestId: request.id, kind: "call_answered", actorKind: "agent", actorUserId: agent.id, at: answeredAt });
        if (serviceId === "sagir") {
          // Answering a SAGIR call is taking it in charge: the agent who answered handles it.
          await updateRequestAtVersion(tx, request.id, 0, { assigneeId: agent.id, status: "in_progress" });
          await appendEvent(tx, { requestId: request.id, kind: "taken_in_charge", actorKind: "agent", actorUserId: agent.id, at: answeredAt, data: { assigneeId: agent.id, from: null } });
          await appendEvent(tx, { requestId: request.id, kind: "status_changed", actorKind: "agent", actorUserId: agent.id, at: answeredAt, data: { from: "new", to: "in_progress" } });
        }
      }
      await record(tx, request.id);
      await refreshTargets(tx, request.id);
    },
  };
}

const notYourCall = () => new AppError("NOT_FOUND", "no such call for this agent", {}, {
  localized: { fr: "Cet appel n'existe pas ou n'a pas été répondu par vous.", en: "This call does not exist or was not answered by you." },
});

/**
 * An answered call the telephone system reported, settled by the agent it names (the screen pop,
 * « Appel en cours »): settled on the call, or a request opened from it — with the system's
 * instants, not typed ones. The call's row is updated, not a second one added, so the dashboards
 * count it once; a call already settled is refused (two tabs, a double click).
 */
export async function settleCall({ user, serviceId, input }: { user: CurrentUser | null; serviceId: string; input: CallSettleInput }): Promise<LoggedCall> {
  if (!isAgentOf(user, serviceId)) throw new AppError("NOT_FOUND", "not an agent of this service");
  const agent = user;
  const found = await findSystemCall(getDb(), input.callId);
  if (!found || found.serviceId !== serviceId || found.agentId !== agent.id || found.answeredAt === null) throw notYourCall();
  const catalogue = await getCatalogue();
  const options =
    input.outcome === "request_opened"
      ? await callRequestOptions({
          agent,
          serviceId,
          audienceId: found.audienceId,
          channel: "phone",
          input,
          receivedAt: found.receivedAt,
          answeredAt: found.answeredAt,
          record: (tx, requestId) => settleSystemCall(tx, found.id, { outcome: "request_opened", requestId, urgent: input.urgent }),
        })
      : null;
  const opened = await getDb().$transaction(
    async (tx) => {
      // One writer at a time with the call's events (src/server/services/call-events.ts).
      await lockCall(tx, found.externalId);
      const call = await findSystemCall(tx, found.id);
      if (!call || call.agentId !== agent.id || call.answeredAt === null) throw notYourCall();
      if ((SETTLED_OUTCOMES as readonly string[]).includes(call.outcome)) {
        throw new AppError("CONFLICT", "call settled already", {}, { localized: { fr: "Cet appel est déjà réglé.", en: "This call is settled already." } });
      }
      if (!options) {
        await settleSystemCall(tx, call.id, { outcome: "settled", requestId: null, urgent: input.urgent });
        return null;
      }
      return openRequestIn(tx, options, catalogue);
    },
    { maxWait: 60_000, timeout: 30_000 },
  );
  const answer =
    found.targetId && found.dueAt
      ? { targetId: found.targetId, dueAt: found.dueAt, answeredAt: found.answeredAt, met: found.answeredAt.getTime() <= found.dueAt.getTime() }
      : null;
  return { number: opened?.number ?? null, answer };
}
