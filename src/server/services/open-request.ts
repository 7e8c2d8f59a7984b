import "server-only";
// Opening a request, whatever the way in: targets and due instants fixed at receipt by the
// engine, a number without gaps (per service and Québec year), the first event and message.
import { NUMBER_PREFIX, numberingYear } from "@/domain/requests/numbering";
import { queueFacts } from "@/domain/requests/targets";
import type { SystemMessageKind } from "@/i18n/system-messages";
import { randomUUID } from "node:crypto";
import { getDb, type Db } from "@/server/db/client";
import { insertNumberedRequest, provisionalNumber, type Tx } from "@/server/repositories/request-repository";
import { attachmentStore, type CheckedFile, type RefusedFile } from "@/server/storage/attachment-store";
import { getCatalogue, type Catalogue } from "@/server/services/get-catalogue";
import { acknowledgementFor } from "@/server/services/request-mail";

export type OpenRequestOptions = {
  serviceId: string;
  audienceId: string;
  channel: string;
  type: string;
  subject: string;
  body: string;
  urgent: boolean;
  receivedAt: Date;
  /** Typed fields of the request type (no sensitive data: that has its own table). */
  details: Record<string, string | number | boolean | null>;
  /** Personal information kept apart from the request, erased when it is closed. */
  personalData?: { birthDay: number; birthMonth: number } | null;
  requester:
    | { kind: "guest"; name: string; email: string; trackingTokenHash: string; trackingToken?: string | null }
    | { kind: "user"; userId: string; organizationId: string | null; email: string }
    /** Logged by an agent (a call, a voicemail, a fax): the requester may be named, or not. */
    | { kind: "logged"; agentId: string; name: string | null; email: string | null; organizationId: string | null }
    /** Reported by the telephone system (a voicemail): nobody named; the caller's number is in the details. */
    | { kind: "phone-system"; systemMessage: SystemMessageKind };
  /** About the requester's own file: identity must be validated before disclosing anything. */
  nominative?: boolean;
  /** fr | en: the requester's language (the form's, or the e-mail's). */
  language?: "fr" | "en";
  /** E-mail requests: verified | unverified | unknown. */
  senderStatus?: string | null;
  /** The first message's quoted history (e-mail) and the e-mail it came from. */
  firstMessageMail?: { quoted: string | null; inboundEmailId: bigint } | null;
  /** The e-mail the request came from (its Message-ID): the acknowledgement answers it. */
  inReplyTo?: string | null;
  /** Files that came with the first message, already checked (and those refused, named in the acknowledgement). */
  files?: readonly CheckedFile[];
  refusedFiles?: readonly RefusedFile[];
  /** The acknowledgement e-mail (default: sent when the request has an address; not to automatic mail). */
  acknowledge?: boolean;
  /** Written in the same transaction, after the request and its number (a call's answer, its take in charge…). */
  after?: (tx: Tx, request: { id: string }) => Promise<void>;
};

export type OpenedRequest = { number: string; receivedAt: Date; urgent: boolean; targets: { id: string; metric: string; dueAt: Date }[] };

export async function openRequest(options: OpenRequestOptions): Promise<OpenedRequest> {
  // The catalogue first, outside the transaction; then numbering serializes the requests of one
  // service and year: under a burst they queue.
  const catalogue = await getCatalogue();
  // With nothing to write after it, the request is one statement, its own transaction: the
  // numbering lock is held for no round trip (request-repository.ts, insertNumberedRequest).
  if (!options.files?.length && !options.after) return openRequestIn(getDb(), options, catalogue);
  return getDb().$transaction((tx) => openRequestIn(tx, options, catalogue), { maxWait: 60_000, timeout: 30_000 });
}

/**
 * Opens the request in the caller's transaction (the SMTP receiver marks its message processed in
 * the same one), or, given the client itself, as one statement of its own (openRequest).
 */
export async function openRequestIn(tx: Tx | Db, options: OpenRequestOptions, catalogue?: Catalogue): Promise<OpenedRequest & { id: string }> {
  const { serviceId, audienceId, channel, receivedAt, requester } = options;
  const inForce = catalogue ?? (await getCatalogue());
  const { engine } = inForce;
  const due = engine.dueTargets(serviceId, audienceId, channel, receivedAt.getTime());
  const prefix = NUMBER_PREFIX[serviceId]!;
  const year = numberingYear(receivedAt.getTime());
  const guest = requester.kind === "guest" ? requester : null;
  const user = requester.kind === "user" ? requester : null;
  const logged = requester.kind === "logged" ? requester : null;
  const phoneSystem = requester.kind === "phone-system" ? requester : null;
  const targets = due.map(({ target, dueAt }) => ({
    targetId: target.id,
    metric: target.metric,
    clock: target.clock,
    amount: target.amount,
    unit: target.unit,
    calendarId: target.calendarId,
    startsAt: receivedAt,
    dueAt: new Date(dueAt),
    riskAt: new Date(engine.atRiskAt(target, receivedAt.getTime(), dueAt)),
  }));
  const facts = queueFacts(targets.map((t) => ({ dueAt: t.dueAt.getTime(), riskAt: t.riskAt.getTime(), metAt: null })));
  const request = {
    serviceId,
    audienceId,
    channel,
    type: options.type,
    subject: options.subject,
    urgent: options.urgent,
    requesterName: guest?.name ?? logged?.name ?? null,
    requesterEmail: guest?.email ?? logged?.email ?? null,
    requesterUserId: user?.userId ?? null,
    organizationId: user?.organizationId ?? logged?.organizationId ?? null,
    trackingTokenHash: guest?.trackingTokenHash ?? null,
    details: options.details,
    receivedAt,
    targets,
    queue: {
      nextDueAt: facts.nextDueAt === null ? null : new Date(facts.nextDueAt),
      nextRiskAt: facts.nextRiskAt === null ? null : new Date(facts.nextRiskAt),
      hasTargets: facts.hasTargets,
    },
    nominative: options.nominative ?? false,
    language: options.language ?? "fr",
    senderStatus: options.senderStatus ?? null,
    firstMessage: phoneSystem
      ? // Written by Guichet for the agents, in their language (src/i18n/system-messages.ts).
        { authorKind: "agent" as const, authorUserId: null, body: "", systemKind: phoneSystem.systemMessage }
      : logged
      ? { authorKind: "agent" as const, authorUserId: logged.agentId, body: options.body }
      : { authorKind: "requester" as const, authorUserId: user?.userId ?? null, body: options.body, quoted: options.firstMessageMail?.quoted ?? null, inboundEmailId: options.firstMessageMail?.inboundEmailId ?? null },
    firstMessageVisibility: logged || phoneSystem ? ("internal" as const) : ("public" as const),
    personalData: options.personalData ?? null,
    actorKind: phoneSystem ? ("system" as const) : logged ? ("agent" as const) : ("requester" as const),
    actorUserId: user?.userId ?? logged?.agentId ?? null,
  };
  const id = randomUUID();
  // The acknowledgement is rendered before the request has its number: it names it by the
  // provisional one, which guichet_open_request replaces.
  const acknowledgement = (options.acknowledge ?? true)
    ? acknowledgementFor({
        request: {
          id,
          number: provisionalNumber(id),
          subject: options.subject,
          serviceId,
          audienceId,
          channel,
          language: options.language ?? "fr",
          requesterEmail: request.requesterEmail,
          requesterUser: user ? { email: user.email, disabledAt: null } : null,
        },
        targets: [...targets].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).map((t) => ({ metric: t.metric, dueAt: t.dueAt })),
        thread: { inReplyTo: options.inReplyTo ?? null, references: options.inReplyTo ? [options.inReplyTo] : [] },
        now: receivedAt,
        trackingToken: guest?.trackingToken ?? null,
        refusedFiles: options.refusedFiles ?? [],
        catalogue: inForce,
      })
    : null;
  const inserted = await insertNumberedRequest(tx, { ...request, id }, { prefix, year }, acknowledgement);
  if (options.files?.length) {
    const first = await tx.message.findFirst({ where: { requestId: id }, select: { id: true } });
    await attachmentStore().save(tx, { requestId: id, messageId: first?.id ?? null, at: receivedAt }, options.files);
  }
  await options.after?.(tx, { id });
  return {
    id,
    number: inserted.number,
    receivedAt,
    urgent: options.urgent,
    targets: due.map(({ target, dueAt }) => ({ id: target.id, metric: target.metric, dueAt: new Date(dueAt) })),
  };
}
