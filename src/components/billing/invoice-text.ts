// An invoice in words, once for its printable page and its PDF (so both say the same): its title,
// period, line, computation, taxes and total, in the reader's language, amounts in the French
// format (« 1 234,56 $ ») or the English one.
import { fiscalMonths, fiscalYearLabel, formatMoney, type Month } from "@/domain/billing/billing";
import { formatIsoDate } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";
import type { InvoiceDocument } from "@/server/services/manage-billing";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type InvoiceText = {
  title: string;
  number: string;
  seller: string;
  buyer: string;
  period: string;
  issuedOn: string;
  dueOn: string;
  state: string;
  line: { description: string; quantity: string; unitPrice: string; amount: string };
  computation: string[];
  taxes: string;
  taxesAmount: string;
  total: string;
  terms: string;
};

/** `avril 2026` / `April 2026`. */
export function monthLabel(month: Month | string, locale: Locale): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/** `1 234` / `1,234`; `1 250,33` with decimals. */
export function formatCount(n: number, locale: Locale, decimals = 0): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);
}

type AdjustmentDetails = { months?: { month: string; employees: number; centsPerEmployee: number | null }[]; averageEmployees?: number; actualCents?: number; billedCents?: number };
type MonthlyDetails = { runningTotalCents?: number; billedBeforeCents?: number; months?: number };

export function invoiceText(invoice: InvoiceDocument, t: Translate, locale: Locale): InvoiceText {
  const money = (cents: number) => formatMoney(cents, locale);
  const months = fiscalMonths(invoice.fiscalYear);
  const base = {
    number: invoice.number,
    seller: t("seller"),
    buyer: invoice.organization.name,
    issuedOn: formatIsoDate(invoice.issuedOn, locale),
    dueOn: formatIsoDate(invoice.dueOn, locale),
    state: t(`states.${invoice.state}`),
    taxes: t("taxes"),
    taxesAmount: money(0),
    total: money(invoice.amountCents),
    terms: t("terms"),
  };
  const rate = invoice.centsPerEmployee;
  if (invoice.kind === "monthly") {
    const d = invoice.details as MonthlyDetails;
    const computation = [t("computation.monthly", { employees: formatCount(invoice.employees, locale), rate: rate === null ? "—" : money(rate), share: rate === null ? "—" : money(Math.round((invoice.employees * rate) / 12)) })];
    // A month that also billed earlier months (an agreement saved late, a changed estimate) says so.
    if ((d.months ?? 1) > 1 || (d.billedBeforeCents ?? 0) > 0) {
      computation.push(t("computation.runningTotal", { months: d.months ?? 1, total: money(d.runningTotalCents ?? 0), billed: money(d.billedBeforeCents ?? 0), amount: money(invoice.amountCents) }));
    }
    return {
      ...base,
      title: t("invoiceTitle"),
      period: monthLabel(invoice.month!, locale),
      line: { description: t("lineMonthly", { month: monthLabel(invoice.month!, locale) }), quantity: formatCount(invoice.employees, locale), unitPrice: rate === null ? "—" : t("perEmployeeYear", { rate: money(rate) }), amount: money(invoice.amountCents) },
      computation,
    };
  }
  const d = invoice.details as AdjustmentDetails;
  const average = d.averageEmployees ?? invoice.employees;
  const computation = [
    ...(d.months ?? []).map((m) => t("computation.declared", { month: monthLabel(m.month, locale), employees: formatCount(m.employees, locale), rate: m.centsPerEmployee === null ? "—" : money(m.centsPerEmployee) })),
    t("computation.average", { months: d.months?.length ?? 0, average: formatCount(average, locale, 2) }),
    t("computation.actual", { amount: money(d.actualCents ?? 0) }),
    t("computation.billed", { amount: money(d.billedCents ?? 0) }),
    t(invoice.amountCents < 0 ? "computation.credit" : "computation.adjustment", { amount: money(Math.abs(invoice.amountCents)) }),
  ];
  return {
    ...base,
    title: t(invoice.amountCents < 0 ? "creditTitle" : "adjustmentTitle"),
    period: t("fiscalYear", { year: fiscalYearLabel(invoice.fiscalYear), first: monthLabel(months[0]!, locale), last: monthLabel(months[11]!, locale) }),
    line: { description: t("lineAdjustment"), quantity: formatCount(average, locale, 2), unitPrice: rate === null ? t("ratesPerMonth") : t("perEmployeeYear", { rate: money(rate) }), amount: money(invoice.amountCents) },
    computation,
  };
}
