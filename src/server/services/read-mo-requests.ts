import "server-only";
// An MO's requests to a centre (CA-dotation or SAGIR) as its users see them: their own MO's only.
// Another MO's number is "not found", never "forbidden", so numbers cannot be probed. Personal
// information of a request (a departure's day and month of birth) is not read here at all.
import type { MoCentre } from "@/domain/requests/mo-request";
import { requireCentreAccess } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { findOrganizationRequest, listOrganizationRequests } from "@/server/repositories/request-repository";

export const PAGE_SIZE = 25;

export type MoRequestListItem = {
  number: string;
  type: string;
  subject: string;
  status: string;
  urgent: boolean;
  receivedAt: string;
  dueAt: string | null;
};

export type ListMoRequestsOptions = { user: CurrentUser | null; centre: MoCentre; before?: { receivedAt: Date; number: string } };

export async function listMoRequests({ user, centre, before }: ListMoRequestsOptions) {
  const requester = requireCentreAccess(user, centre);
  const rows = await listOrganizationRequests(getDb(), {
    organizationId: requester.organization.id,
    serviceId: centre,
    limit: PAGE_SIZE + 1,
    before,
  });
  const items: MoRequestListItem[] = rows.slice(0, PAGE_SIZE).map((r) => ({
    number: r.number,
    type: r.type,
    subject: r.subject,
    status: r.status,
    urgent: r.urgent,
    receivedAt: r.receivedAt.toISOString(),
    dueAt: r.targets.find((t) => t.metAt === null)?.dueAt.toISOString() ?? null,
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

export async function getMoRequest({ user, centre, number }: { user: CurrentUser | null; centre: MoCentre; number: string }): Promise<MoRequestDetail> {
  const requester = requireCentreAccess(user, centre);
  const row = await findOrganizationRequest(getDb(), requester.organization.id, number);
  if (!row || row.serviceId !== centre) throw new AppError("NOT_FOUND", "no such request for this MO");
  return {
    number: row.number,
    type: row.type,
    subject: row.subject,
    status: row.status,
    urgent: row.urgent,
    receivedAt: row.receivedAt.toISOString(),
    details: row.details as Record<string, unknown>,
    targets: row.targets.map((t) => ({ id: t.targetId, metric: t.metric, dueAt: t.dueAt.toISOString(), metAt: t.metAt?.toISOString() ?? null })),
    messages: row.messages.map((m) => ({ id: m.id, from: m.authorKind === "requester" ? "requester" : "agent", body: m.body, at: m.at.toISOString(), attachments: m.attachments })),
  };
}
