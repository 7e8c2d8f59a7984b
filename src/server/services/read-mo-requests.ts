import "server-only";
// An MO's CA-dotation requests as its users see them: their own MO's only. Another MO's number
// is "not found", never "forbidden", so numbers cannot be probed.
import { requireMoRequestAccess } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { findOrganizationRequest, listOrganizationRequests } from "@/server/repositories/request-repository";

export const PAGE_SIZE = 25;

export type MoRequestListItem = { number: string; subject: string; status: string; urgent: boolean; receivedAt: string; dueAt: string | null };

export async function listMoRequests({ user, before }: { user: CurrentUser | null; before?: { receivedAt: Date; number: string } }) {
  const requester = requireMoRequestAccess(user);
  const rows = await listOrganizationRequests(getDb(), {
    organizationId: requester.organization.id,
    serviceId: "ca-dotation",
    limit: PAGE_SIZE + 1,
    before,
  });
  const items: MoRequestListItem[] = rows.slice(0, PAGE_SIZE).map((r) => ({
    number: r.number,
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
  subject: string;
  status: string;
  urgent: boolean;
  receivedAt: string;
  details: Record<string, unknown>;
  targets: { id: string; metric: string; dueAt: string; metAt: string | null }[];
  messages: { id: string; from: "requester" | "agent"; body: string; at: string }[];
};

export async function getMoRequest({ user, number }: { user: CurrentUser | null; number: string }): Promise<MoRequestDetail> {
  const requester = requireMoRequestAccess(user);
  const row = await findOrganizationRequest(getDb(), requester.organization.id, number);
  if (!row || row.serviceId !== "ca-dotation") throw new AppError("NOT_FOUND", "no such request for this MO");
  return {
    number: row.number,
    subject: row.subject,
    status: row.status,
    urgent: row.urgent,
    receivedAt: row.receivedAt.toISOString(),
    details: row.details as Record<string, unknown>,
    targets: row.targets.map((t) => ({ id: t.targetId, metric: t.metric, dueAt: t.dueAt.toISOString(), metAt: t.metAt?.toISOString() ?? null })),
    messages: row.messages.map((m) => ({ id: m.id, from: m.authorKind === "requester" ? "requester" : "agent", body: m.body, at: m.at.toISOString() })),
  };
}
