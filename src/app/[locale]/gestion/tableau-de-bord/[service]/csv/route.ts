// GET /<locale>/gestion/tableau-de-bord/<service>/csv?table=<id>&<the dashboard's parameters> —
// one table of the dashboard as CSV (UTF-8 with BOM, for Excel in French), the same rows the page
// shows. Managers of the service and the admin only; anyone else gets 404.
import { getTranslations } from "next-intl/server";
import { type NextRequest } from "next/server";
import { dashboardTables, TABLE_IDS, toCsv, type TableId } from "@/components/dashboard/tables";
import { isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { routing, type Locale } from "@/i18n/routing";
import { ZDashboardQuery } from "@/schemas/dashboard";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { handleRoute } from "@/server/http/route-handler";
import { AppError } from "@/server/errors";
import { readDashboard } from "@/server/services/dashboard";
import { getCatalogue } from "@/server/services/get-catalogue";

export function GET(request: NextRequest, { params }: { params: Promise<{ locale: string; service: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { locale: rawLocale, service } = await params;
    const locale: Locale = (routing.locales as readonly string[]).includes(rawLocale) ? (rawLocale as Locale) : "fr";
    const search = Object.fromEntries(request.nextUrl.searchParams);
    const table = search.table as TableId;
    if (!TABLE_IDS.includes(table)) throw new AppError("NOT_FOUND", "unknown table");
    const parsed = ZDashboardQuery.safeParse(search);
    const query = parsed.success ? parsed.data : ZDashboardQuery.parse({});
    const user = await getCurrentUser();
    const [data, catalogue] = await Promise.all([
      readDashboard({ user, serviceId: service, query, valid: parsed.success, now: await getNow() }),
      getCatalogue(),
    ]);
    const t = await getTranslations({ locale, namespace: "Dashboard" });
    const tr = (key: string, values?: Record<string, string | number>) => t(key as "title", values as never);
    const found = dashboardTables(data, catalogue, tr, locale).find((d) => d.id === table)!;
    const name = `guichet-${service}-${table}-${isoDateFromDayNumber(data.period.firstDay)}-${isoDateFromDayNumber(data.period.lastDay)}.csv`;
    return new Response(toCsv(found, locale), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
