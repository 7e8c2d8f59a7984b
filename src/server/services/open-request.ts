import "server-only";
// Opening a request, whatever the way in: targets and due instants fixed at receipt by the
// engine, a number without gaps (per service and Québec year), the first event and message.
import { formatRequestNumber, NUMBER_PREFIX, numberingYear } from "@/domain/requests/numbering";
import { getDb } from "@/server/db/client";
import { insertNumberedRequest } from "@/server/repositories/request-repository";
import { getCatalogue } from "@/server/services/get-catalogue";

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
    | { kind: "guest"; name: string; email: string; trackingTokenHash: string }
    | { kind: "user"; userId: string; organizationId: string | null };
};

export type OpenedRequest = { number: string; receivedAt: Date; urgent: boolean; targets: { id: string; metric: string; dueAt: Date }[] };

export async function openRequest(options: OpenRequestOptions): Promise<OpenedRequest> {
  const { serviceId, audienceId, channel, receivedAt, requester } = options;
  const { engine } = await getCatalogue();
  const due = engine.dueTargets(serviceId, audienceId, channel, receivedAt.getTime());
  const prefix = NUMBER_PREFIX[serviceId]!;
  const year = numberingYear(receivedAt.getTime());
  const guest = requester.kind === "guest" ? requester : null;
  const user = requester.kind === "user" ? requester : null;
  const request = {
    serviceId,
    audienceId,
    channel,
    type: options.type,
    subject: options.subject,
    urgent: options.urgent,
    requesterName: guest?.name ?? null,
    requesterEmail: guest?.email ?? null,
    requesterUserId: user?.userId ?? null,
    organizationId: user?.organizationId ?? null,
    trackingTokenHash: guest?.trackingTokenHash ?? null,
    details: options.details,
    receivedAt,
    targets: due.map(({ target, dueAt }) => ({
      targetId: target.id,
      metric: target.metric,
      clock: target.clock,
      amount: target.amount,
      unit: target.unit,
      calendarId: target.calendarId,
      dueAt: new Date(dueAt),
    })),
    firstMessage: { authorKind: "requester" as const, authorUserId: user?.userId ?? null, body: options.body },
    personalData: options.personalData ?? null,
    actorKind: "requester" as const,
    actorUserId: user?.userId ?? null,
  };
  const numbering = { prefix, year, format: (sequence: number) => formatRequestNumber(prefix, year, sequence) };
  // Numbering serializes the requests of one service and year: under a burst they queue.
  const { number } = await getDb().$transaction((tx) => insertNumberedRequest(tx, request, numbering), {
    maxWait: 60_000,
    timeout: 30_000,
  });
  return {
    number,
    receivedAt,
    urgent: options.urgent,
    targets: due.map(({ target, dueAt }) => ({ id: target.id, metric: target.metric, dueAt: new Date(dueAt) })),
  };
}
