// GET /<locale>/gestion/facturation/csv?annee=2026 — a fiscal year's SAGIR invoices for a
// spreadsheet, as the dashboard's exports (src/components/dashboard/tables.ts): UTF-8 with BOM,
// « ; » and decimal commas in French; dates ISO; amounts as numbers of dollars. The managers of
// SAGIR and the admin; anyone else gets 404.
import { getTranslations } from "next-intl/server";
import { type NextRequest } from "next/server";
import { monthLabel } from "@/components/billing/invoice-text";
import { toCsv, type Column } from "@/components/dashboard/tables";
import { fiscalYearLabel } from "@/domain/billing/billing";
import { routing, type Locale } from "@/i18n/routing";
import { ZBillingYear } from "@/schemas/billing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { handleRoute } from "@/server/http/route-handler";
import { fiscalYearShown, readYearInvoices } from "@/server/services/manage-billing";

export function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { locale: rawLocale } = await params;
    const locale: Locale = (routing.locales as readonly string[]).includes(rawLocale) ? (rawLocale as Locale) : "fr";
    const now = await getNow();
    const fiscalYear = fiscalYearShown(ZBillingYear.parse(Object.fromEntries(request.nextUrl.searchParams)).annee, now);
    const invoices = await readYearInvoices({ user: await getCurrentUser(), fiscalYear, now });
    const t = await getTranslations({ locale, namespace: "Billing" });
    const label = (key: string) => t(`csvColumns.${key}` as "title");
    const kinds: [string, Column["kind"]][] = [
      ["code", "text"],
      ["organization", "text"],
      ["number", "text"],
      ["kind", "text"],
      ["period", "text"],
      ["employees", "count"],
      ["rate", "count"],
      ["amount", "count"],
      ["issuedOn", "date"],
      ["dueOn", "date"],
      ["paidOn", "date"],
      ["state", "text"],
    ];
    const columns: Column[] = kinds.map(([key, kind]) => ({ key, label: label(key), kind }));
    const dollars = (cents: number) => ({ text: String(cents / 100), value: cents / 100 });
    const date = (iso: string | null) => (iso === null ? null : { text: iso, value: iso });
    const rows = invoices.map((i) => [
      i.organization.code,
      i.organization.name,
      i.number,
      t(i.kind === "monthly" ? "kinds.monthly" : i.amountCents < 0 ? "kinds.credit" : "kinds.adjustment"),
      i.month ? monthLabel(i.month, locale) : fiscalYearLabel(i.fiscalYear),
      i.employees,
      i.centsPerEmployee === null ? null : dollars(i.centsPerEmployee),
      dollars(i.amountCents),
      date(i.issuedOn),
      date(i.dueOn),
      date(i.paidOn),
      t(`states.${i.state}`),
    ]);
    return new Response(toCsv({ columns, rows }, locale), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="guichet-facturation-sagir-${fiscalYearLabel(fiscalYear)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
