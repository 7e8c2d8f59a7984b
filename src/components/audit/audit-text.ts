// An audit entry in words, in the reader's language, for the log page and its CSV alike: never
// the code keys stored (« birthDay, birthMonth » reads « jour et mois de naissance »).
import { calendarLabel, targetName } from "@/components/catalogue/target-text";
import { fiscalYearLabel, formatMoney } from "@/domain/billing/billing";
import type { Locale } from "@/i18n/routing";
import type { Catalogue } from "@/server/services/get-catalogue";
import type { AuditLogEntry } from "@/server/services/audit-log";

/** A translator at the messages' root. */
type Translate = (key: string, values?: Record<string, string | number>) => string;

const FIELD_GROUPS: { fields: readonly string[]; key: string }[] = [
  { fields: ["requesterName", "requesterEmail"], key: "requester" },
  { fields: ["birthDay", "birthMonth"], key: "birth" },
];

export function auditActionText(action: string, t: Translate): string {
  return t(`Console.audit.actions.${action}`);
}

type BillingAuditData = {
  from?: string;
  before?: number | string | null | { firstMonth?: string; lastMonth?: string | null; employees?: number | null };
  after?: number | string | null | { firstMonth?: string; lastMonth?: string | null; employees?: number };
  organization?: string;
  fiscalYear?: number;
  month?: string;
  issued?: number;
  already?: number;
  invoice?: string;
  amountCents?: number;
};

/** SAGIR billing's acts: amounts in the reader's format, « — » for what was not there before. */
function billingDetails(action: string, d: BillingAuditData, t: Translate, locale: Locale): string {
  const money = (cents: unknown) => (typeof cents === "number" ? formatMoney(cents, locale) : "—");
  const plain = (v: unknown) => (v === null || v === undefined || typeof v === "object" ? "—" : String(v));
  const year = d.fiscalYear !== undefined ? fiscalYearLabel(d.fiscalYear) : "—";
  switch (action) {
    case "billing_rate_saved":
    case "billing_rate_deleted":
      return t("Console.audit.detailTexts.billingRate", { from: d.from ?? "—", before: money(d.before), after: money(d.after) });
    case "billing_agreement_saved": {
      const after = (typeof d.after === "object" && d.after) || {};
      return t("Console.audit.detailTexts.billingAgreement", { organization: d.organization ?? "—", year, first: after.firstMonth ?? "—", last: after.lastMonth ?? "…", employees: after.employees ?? "—" });
    }
    case "billing_invoices_issued":
      return t("Console.audit.detailTexts.billingInvoices", { month: d.month ?? "—", issued: d.issued ?? 0, already: d.already ?? 0 });
    case "billing_payment_recorded":
      return t("Console.audit.detailTexts.billingPayment", { invoice: d.invoice ?? "—", before: plain(d.before), after: plain(d.after) });
    case "billing_headcount_declared":
      return t("Console.audit.detailTexts.billingHeadcount", { organization: d.organization ?? "—", month: d.month ?? "—", before: plain(d.before), after: plain(d.after) });
    default:
      return t("Console.audit.detailTexts.billingAdjustment", { organization: d.organization ?? "—", year, amount: money(d.amountCents) });
  }
}

export function auditDetails(entry: AuditLogEntry, catalogue: Catalogue, t: Translate, locale: Locale): string {
  const d = entry.data as {
    fields?: string[];
    method?: string;
    note?: string;
    role?: string;
    services?: string[];
    active?: boolean;
    sessionsEnded?: number;
    date?: string;
    from?: string;
    to?: string;
    year?: number;
    nameFr?: string;
    nameEn?: string;
    calendarId?: string;
    targetId?: string;
    address?: string;
    line?: string;
    serviceId?: string;
    name?: string;
    number?: string;
    reached?: number;
    groups?: string[];
    version?: number;
    reviewResolutions?: boolean;
    after?: { active?: boolean; services?: string[] };
    requests?: string[];
    erased?: string[];
    prefix?: string;
    filename?: string;
    calls?: number;
    eventsStored?: number;
  };
  const who = entry.subjectName ?? t("Console.audit.someone");
  const services = (ids: readonly string[] = []) => ids.map((id) => catalogue.profiles.find((p) => p.serviceId === id)?.shortName[locale] ?? id).join(", ") || t("Console.audit.noCentre");
  switch (entry.action) {
    case "personal_data_viewed": {
      const fields = d.fields ?? [];
      const groups = FIELD_GROUPS.filter((g) => g.fields.some((f) => fields.includes(f))).map((g) => t(`Console.audit.fields.${g.key}`));
      return groups.join("; ");
    }
    case "identity_validated":
      return d.method ? t(`Console.actions.methods.${d.method}`) + (d.note ? ` — ${d.note}` : "") : "";
    case "sender_identified":
      return t("Console.audit.detailTexts.senderIdentified", { name: who });
    case "member_invited":
    case "staff_invited":
      return t("Console.audit.detailTexts.memberInvited", { name: who, role: d.role ? t(`Account.roles.${d.role}`) : "—", services: services(d.services) });
    case "organization_saved":
      return d.name ?? "";
    case "api_key_created":
    case "api_key_revoked":
      return `${d.name ?? ""} (gk_${d.prefix ?? ""}…)`;
    case "billing_rate_saved":
    case "billing_rate_deleted":
    case "billing_agreement_saved":
    case "billing_invoices_issued":
    case "billing_payment_recorded":
    case "billing_headcount_declared":
    case "billing_adjustment_issued":
      return billingDetails(entry.action, entry.data as BillingAuditData, t, locale);
    case "calls_imported":
      return t("Console.audit.detailTexts.callsImported", { file: d.filename ?? "", calls: d.calls ?? 0, events: d.eventsStored ?? 0 });
    case "guide_version_saved":
      return t("Console.audit.detailTexts.guideVersion", { name: d.name ?? "", version: d.version ?? 0 });
    case "guide_published":
      return t("Console.audit.detailTexts.guidePublished", { name: d.name ?? "", version: d.version ?? 0 });
    case "communique_sent":
    case "communique_scheduled":
    case "communique_forwarded":
      return t("Console.audit.detailTexts.communiqueSent", { number: d.number ?? "", name: d.name ?? "", reached: d.reached ?? 0 });
    case "communique_submitted":
    case "communique_returned":
      return d.name ?? "";
    case "member_groups_updated":
      return t("Console.audit.detailTexts.memberGroups", { name: who, count: Array.isArray(d.groups) ? d.groups.length : 0 });
    case "guide_archived":
    case "canned_reply_saved":
      return `${d.name ?? ""} (${services(d.serviceId ? [d.serviceId] : [])})`;
    case "staff_updated":
      return t(d.after?.active === false ? "Console.audit.detailTexts.memberDisabled" : "Console.audit.detailTexts.memberActive", { name: who, services: services(d.after?.services) });
    case "member_updated":
      return t(d.active === false ? "Console.audit.detailTexts.memberDisabled" : "Console.audit.detailTexts.memberActive", { name: who, services: services(d.services) });
    case "member_invitation_renewed":
    case "staff_invitation_renewed":
    case "admin_created":
      return who;
    case "password_reset":
      return t("Console.audit.detailTexts.passwordReset", { count: d.sessionsEnded ?? 0 });
    case "password_reset_requested":
      return "";
    case "second_level_contact_saved":
      return t(d.active === false ? "Console.audit.detailTexts.contactDisabled" : "Console.audit.detailTexts.contactActive", { name: d.name ?? "", services: services(d.serviceId ? [d.serviceId] : []) });
    case "person_data_exported":
      return (d.requests ?? []).join(", ");
    case "person_data_erased":
      return (d.erased ?? []).join(", ");
    case "review_setting_changed":
      return t(d.reviewResolutions ? "Console.audit.detailTexts.reviewOn" : "Console.audit.detailTexts.reviewOff", { services: services(d.serviceId ? [d.serviceId] : []) });
    default:
      if (entry.action.startsWith("catalogue_")) {
        return t(`Catalogue.audit.${entry.action}`, {
          date: d.date ?? d.from ?? "",
          to: d.to ?? "",
          year: d.year ?? "",
          name: (locale === "en" ? d.nameEn : d.nameFr) ?? d.nameFr ?? "",
          calendar: d.calendarId ? calendarLabel(catalogue, d.calendarId, locale) : "",
          target: d.targetId ? targetName(d.targetId, catalogue, t, locale) : "",
          address: d.address ?? "",
          line: d.line ?? "",
        });
      }
      return "";
  }
}
