// GET /<locale>/gestion/journal/csv?<the log's filters> — the audit log as CSV for a spreadsheet
// (UTF-8 with BOM; instants in Québec time `2026-11-23 10:30`; the acts and details in words).
// Managers and the admin, each their own scope; anyone else gets 404.
import { getTranslations } from "next-intl/server";
import { type NextRequest } from "next/server";
import { auditActionText, auditDetails } from "@/components/audit/audit-text";
import { toCsv, type Column } from "@/components/dashboard/tables";
import { formatDateTime, localIsoMinute } from "@/i18n/format";
import { routing, type Locale } from "@/i18n/routing";
import { ZAuditQuery } from "@/schemas/audit";
import { getCurrentUser } from "@/server/auth/current-user";
import { handleRoute } from "@/server/http/route-handler";
import { AUDIT_CSV_MAX, readAuditLog } from "@/server/services/audit-log";
import { getCatalogue } from "@/server/services/get-catalogue";

export function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { locale: rawLocale } = await params;
    const locale: Locale = (routing.locales as readonly string[]).includes(rawLocale) ? (rawLocale as Locale) : "fr";
    const query = ZAuditQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
    const filters = { actor: query.actor, action: query.action, from: query.from, to: query.to };
    const [entries, catalogue, troot] = await Promise.all([readAuditLog({ user: await getCurrentUser(), filters, limit: AUDIT_CSV_MAX }), getCatalogue(), getTranslations({ locale })]);
    const tr = (key: string, values?: Record<string, string | number>) => troot(key as "Console.audit.title", values as never);
    const label = (key: string) => tr(`Console.audit.${key}`);
    const columns: Column[] = [
      { key: "at", label: label("at"), kind: "instant" },
      { key: "actor", label: label("actor"), kind: "text" },
      { key: "action", label: label("action"), kind: "text" },
      { key: "request", label: label("request"), kind: "text" },
      { key: "details", label: label("details"), kind: "text" },
    ];
    const rows = entries.map((e) => [
      { text: formatDateTime(e.at.getTime(), locale), value: localIsoMinute(e.at.getTime()) },
      e.actorName,
      auditActionText(e.action, tr),
      e.requestNumber,
      auditDetails(e, catalogue, tr, locale) || null,
    ]);
    return new Response(toCsv({ columns, rows }, locale), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="guichet-journal-${localIsoMinute(Date.now()).slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
