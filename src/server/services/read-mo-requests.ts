import "server-only";
import type { Locale } from "@/i18n/routing";
import { messageText } from "@/i18n/system-messages";
// An MO's requests to a centre (CA-dotation or SAGIR) as its users see them: their own MO's only.
// Another MO's number is "not found", never "forbidden", so numbers cannot be probed. Personal
// information of a request (a departure's day and month of birth) is not read here at all.
import type { MoCentre } from "@/domain/requests/mo-request";
import { requireCentreAccess } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { MoListStatus } from "@/domain/requests/mo-request";
import { findOrganizationRequest, listOrganizationRequests, markRequestRead } from "@/server/repositories/request-repository";

export const PAGE_SIZE = 25;

export type MoRequestListItem = {
  number: string;
  type: string;
  subject: string;
  status: string;
  urgent: boolean;
  receivedAt: string;
  dueAt: string | null;
  /** The centre replied since this reader last opened it (or never opened it since a reply). */
  newReply: boolean;
};

export type ListMoRequestsOptions = { user: CurrentUser | null; centre: MoCentre; before?: { receivedAt: Date; number: string }; text?: string | undefined; status?: MoListStatus | undefined };

export async function listMoRequests({ user, centre, before, text, status }: ListMoRequestsOptions) {
  const requester = requireCentreAccess(user, centre);
  const rows = await listOrganizationRequests(getDb(), {
    organizationId: requester.organization.id,
    serviceId: centre,
    readerId: requester.id,
    limit: PAGE_SIZE + 1,
    before,
    text,
    status,
  });
  const items: MoRequestListItem[] = rows.slice(0, PAGE_SIZE).map((r) => ({
    number: r.number,
    type: r.type,
    subject: r.subject,
    status: r.status,
    urgent: r.urgent,
    receivedAt: r.receivedAt.toISOString(),
    dueAt: r.targets.find((t) => t.metAt === null)?.dueAt.toISOString() ?? null,
    newReply: r.messages[0] !== undefined && (r.reads[0] === undefined || r.messages[0].at > r.reads[0].readAt),
  }));
  const last = items.at(-1);
  return { items, next: rows.length > PAGE_SIZE && last ? { receivedAt: last.receivedAt, number: last.number } : null };
}

export type MoRequestDetail = {
  number: string;
  type: string;
  subject: string;
  status: string;
  urgent: boolean;
  receivedAt: string;
  details: Record<string, unknown>;
  targets: { id: string; metric: string; dueAt: string; metAt: string | null }[];
  messages: { id: string; from: "requester" | "agent"; body: string; at: string; attachments: { id: string; filename: string; size: number }[] }[];
};

/** One request of the reader's MO; `readAt`: the reader opened it then (its replies are read). */
export async function getMoRequest({ user, centre, number, locale = "fr", readAt }: { user: CurrentUser | null; centre: MoCentre; number: string; locale?: Locale; readAt?: Date }): Promise<MoRequestDetail> {
  const requester = requireCentreAccess(user, centre);
  const row = await findOrganizationRequest(getDb(), requester.organization.id, number);
  if (!row || row.serviceId !== centre) throw new AppError("NOT_FOUND", "no such request for this MO");
  if (readAt) await markRequestRead(getDb(), requester.id, row.id, readAt);
  return {
    number: row.number,
    type: row.type,
    subject: row.subject,
    status: row.status,
    urgent: row.urgent,
    receivedAt: row.receivedAt.toISOString(),
    details: row.details as Record<string, unknown>,
    targets: row.targets.map((t) => ({ id: t.targetId, metric: t.metric, dueAt: t.dueAt.toISOString(), metAt: t.metAt?.toISOString() ?? null })),
    messages: row.messages.map((m) => ({ id: m.id, from: m.authorKind === "requester" ? "requester" : "agent", body: messageText({ ...m, authorName: m.author?.name }, row.number, locale), at: m.at.toISOString(), attachments: m.attachments })),
  };
}
