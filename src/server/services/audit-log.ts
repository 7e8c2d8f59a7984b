import "server-only";
// The audit log a manager reads at /gestion/journal (and exports as CSV): every sensitive act they
// answer for — views of personal information, identity validations and senders identified on their
// services' requests, the catalogue's edits, the pilots' invitations and changes to people's access.
// The admin reads everything, also the password resets and the admins created. Filtered by who,
// what and when; newest first, paged by id.
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { findAuditActors, listAuditEntries, type AuditFilters, type AuditScope } from "@/server/repositories/audit-repository";

/** What a manager answers for, apart from their services' requests. */
/** SAGIR billing's acts: the history on its page. */
export const BILLING_ACTIONS = ["billing_rate_saved", "billing_rate_deleted", "billing_agreement_saved", "billing_invoices_issued", "billing_payment_recorded", "billing_headcount_declared", "billing_adjustment_issued"] as const;
const MANAGER_GENERAL_ACTIONS = [
  "catalogue_holiday_added",
  "catalogue_holiday_moved",
  "catalogue_holiday_deleted",
  "catalogue_holiday_year_generated",
  "catalogue_hours_changed",
  "catalogue_target_changed",
  "catalogue_mailbox_saved",
  "catalogue_mailbox_deleted",
  "catalogue_line_saved",
  "catalogue_line_deleted",
  "catalogue_retention_changed",
  "member_invited",
  "member_invitation_renewed",
  "member_updated",
  "second_level_contact_saved",
  "review_setting_changed",
  "canned_reply_saved",
  "guide_version_saved",
  "guide_published",
  "guide_archived",
  "communique_sent",
  "communique_scheduled",
  "communique_submitted",
  "communique_forwarded",
  "communique_returned",
  "member_groups_updated",
  "calls_imported",
  ...BILLING_ACTIONS,
] as const;
const REQUEST_ACTIONS = ["personal_data_viewed", "identity_validated", "sender_identified", "guide_proposed"] as const;
const ADMIN_ACTIONS = ["password_reset_requested", "password_reset", "admin_created", "person_data_exported", "person_data_erased", "staff_invited", "staff_updated", "staff_invitation_renewed", "organization_saved", "api_key_created", "api_key_revoked"] as const;
export const AUDIT_ACTIONS = [...REQUEST_ACTIONS, ...MANAGER_GENERAL_ACTIONS, ...ADMIN_ACTIONS] as const;
export type AuditLogAction = (typeof AUDIT_ACTIONS)[number];

/** The most recent entries a CSV file holds (the page says so). */
export const AUDIT_CSV_MAX = 10_000;

export type { AuditFilters };

function scopeOf(user: CurrentUser | null): AuditScope {
  if (user?.role === "admin") return "all";
  if (user?.role === "manager") return { serviceIds: user.services, generalActions: MANAGER_GENERAL_ACTIONS };
  throw new AppError("NOT_FOUND", "not a manager");
}

export type AuditLogEntry = {
  id: bigint;
  at: Date;
  action: string;
  actorName: string | null;
  requestNumber: string | null;
  data: Record<string, unknown>;
  /** The person an entry is about (an invited or changed member, a sender identified), by name. */
  subjectName: string | null;
};

/** One page of the log, with the names of the people it mentions (one query for all of them). */
export async function readAuditLog({ user, filters, before, limit }: { user: CurrentUser | null; filters: AuditFilters; before?: bigint | undefined; limit: number }): Promise<AuditLogEntry[]> {
  const { rows, names } = await listAuditEntries(getDb(), scopeOf(user), filters, before, limit);
  return rows.map((r) => {
    const data = r.data;
    return {
      id: r.id,
      at: r.at,
      action: r.action,
      actorName: r.actor?.name ?? null,
      requestNumber: r.request?.number ?? null,
      data,
      subjectName: typeof data.userId === "string" ? (names.get(data.userId) ?? null) : null,
    };
  });
}

/** The people who appear as actors in what this reader may see (the « Qui » filter). */
export async function listAuditActors(user: CurrentUser | null): Promise<{ id: string; name: string }[]> {
  return findAuditActors(getDb(), scopeOf(user));
}

/** The actions this reader may filter on. */
export function auditActionsFor(user: CurrentUser | null): readonly AuditLogAction[] {
  if (user?.role === "admin") return AUDIT_ACTIONS;
  return [...REQUEST_ACTIONS, ...MANAGER_GENERAL_ACTIONS];
}
