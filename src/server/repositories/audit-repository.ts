import "server-only";
// The audit log of sensitive acts (views of personal information, identity validations, the
// pilot's changes to people), append-only: a trigger refuses UPDATE and DELETE.
import type { Prisma } from "@/generated/prisma/client";
import { dayNumberFromIsoDate, getZone } from "@/domain/catalogue/zone";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

export type AuditAction = "personal_data_viewed" | "identity_validated" | "member_invited" | "member_invitation_renewed" | "member_updated" | "sender_identified" | "password_reset_requested" | "password_reset" | "admin_created" | "second_level_contact_saved" | "review_setting_changed" | "catalogue_retention_changed" | "person_data_exported" | "person_data_erased" | "staff_invited" | "staff_updated" | "staff_invitation_renewed" | "organization_saved" | "canned_reply_saved" | "api_key_created" | "api_key_revoked" | "calls_imported" | "billing_rate_saved" | "billing_rate_deleted" | "billing_agreement_saved" | "billing_invoices_issued" | "billing_payment_recorded" | "billing_headcount_declared" | "billing_adjustment_issued" | "guide_version_saved" | "guide_published" | "guide_archived" | "guide_proposed" | "communique_sent" | "communique_scheduled" | "communique_submitted" | "communique_forwarded" | "communique_returned" | "member_groups_updated";

export async function appendAudit(
  db: Db | Tx,
  entry: { at: Date; actorUserId: string | null; action: AuditAction; requestId?: string | null; data?: Prisma.InputJsonValue },
): Promise<void> {
  await db.auditEntry.create({ data: { ...entry, requestId: entry.requestId ?? null, data: entry.data ?? {} }, select: { id: true } });
}

/** `action`: one, or any of several (a page's own history: the billing acts). */
export type AuditFilters = { actor?: string | undefined; action?: string | readonly string[] | undefined; from?: string | undefined; to?: string | undefined };
/** "all" (the admin), or a manager's: their services' requests and the acts of no request they answer for. */
export type AuditScope = "all" | { serviceIds: readonly string[]; generalActions: readonly string[] };

const zone = getZone("America/Toronto");

function scopeWhere(scope: AuditScope): Prisma.AuditEntryWhereInput {
  if (scope === "all") return {};
  return { OR: [{ request: { serviceId: { in: [...scope.serviceIds] } } }, { requestId: null, action: { in: [...scope.generalActions] } }] };
}

function filterWhere(filters: AuditFilters, before: bigint | undefined): Prisma.AuditEntryWhereInput[] {
  // Dates are Québec days: from the first instant of `from` to the end of `to`.
  const from = filters.from ? dayNumberFromIsoDate(filters.from) : null;
  const to = filters.to ? dayNumberFromIsoDate(filters.to) : null;
  return [
    filters.actor ? { actorUserId: filters.actor } : {},
    typeof filters.action === "string" ? { action: filters.action } : filters.action ? { action: { in: [...filters.action] } } : {},
    from !== null ? { at: { gte: new Date(zone.midnight(from)) } } : {},
    to !== null ? { at: { lt: new Date(zone.midnight(to + 1)) } } : {},
    before ? { id: { lt: before } } : {},
  ];
}

/** A page of the log, newest first, with the names of the people its entries are about (one query). */
export async function listAuditEntries(db: Db, scope: AuditScope, filters: AuditFilters, before: bigint | undefined, limit: number) {
  const rows = await db.auditEntry.findMany({
    where: { AND: [scopeWhere(scope), ...filterWhere(filters, before)] },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, at: true, action: true, data: true, actor: { select: { name: true } }, request: { select: { number: true } } },
  });
  const dataOf = (d: Prisma.JsonValue) => (d && typeof d === "object" && !Array.isArray(d) ? (d as Record<string, unknown>) : {});
  const withData = rows.map((r) => ({ ...r, data: dataOf(r.data) }));
  const userIds = [...new Set(withData.map((r) => r.data.userId).filter((id): id is string => typeof id === "string"))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  return { rows: withData, names: new Map(users.map((u) => [u.id, u.name])) };
}

/** The people who acted in a scope, by name. */
export async function findAuditActors(db: Db, scope: AuditScope): Promise<{ id: string; name: string }[]> {
  const ids = await db.auditEntry.findMany({ where: { AND: [scopeWhere(scope), { actorUserId: { not: null } }] }, distinct: ["actorUserId"], select: { actorUserId: true } });
  return db.user.findMany({ where: { id: { in: ids.map((i) => i.actorUserId!) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
