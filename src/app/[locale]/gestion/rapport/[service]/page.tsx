import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataTableView } from "@/components/dashboard/data-table";
import { PrintButton } from "@/components/dashboard/print-button";
import { communiquesTable, dashboardTables, formatCell, periodLabel, satisfactionCommentsTable, satisfactionTable, withColumns, type DataTable, type TableId } from "@/components/dashboard/tables";
import { getZone, ymdFromDayNumber } from "@/domain/catalogue/zone";
import { formatDate } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZReportQuery } from "@/schemas/dashboard";
import { getNow } from "@/server/clock";
import { readDashboard, readQuarterSatisfaction, serviceTimeZone } from "@/server/services/dashboard";
import { readCommuniqueReport } from "@/server/services/communiques";
import { getCatalogue } from "@/server/services/get-catalogue";
import { managerOf } from "../../gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string }>; searchParams: Promise<{ month?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Dashboard" }))("report"), robots: { index: false } };
}

/**
 * The monthly summary of a service for its statement of services: each commitment (targets, share
 * met, times), delay notices and promises, calls, volumes by channel; printable (the site's header,
 * footer and buttons are not printed). Default month: the last complete one.
 */
export default async function ReportPage({ params, searchParams }: Props) {
  const { locale, service } = await params;
  setRequestLocale(locale);
  const { user } = await managerOf(locale, service);
  const requested = [(await searchParams).month].flat()[0];
  const parsed = ZReportQuery.safeParse({ month: requested });
  // A month that is none (« 2026-13 ») is said, and the default month shown with it.
  const invalidMonth = parsed.success ? null : String(requested);
  const month = parsed.success ? parsed.data.month : undefined;
  const [t, tr_, now, catalogue] = await Promise.all([getTranslations("Report"), getTranslations("Dashboard"), getNow(), getCatalogue()]);
  const zone = getZone(serviceTimeZone(catalogue, service));
  const today = ymdFromDayNumber(zone.dayOf(now.getTime()));
  const [year, monthNumber] = month
    ? month.split("-").map(Number) as [number, number]
    : today.month === 1 ? [today.year - 1, 12] : [today.year, today.month - 1];
  const [data, quarterly] = await Promise.all([
    readDashboard({ user, serviceId: service, query: { period: "month", date: `${year}-${String(monthNumber).padStart(2, "0")}-01`, from: undefined, to: undefined, audience: undefined, channel: undefined }, now }),
    readQuarterSatisfaction({ user, serviceId: service, year, month: monthNumber }),
  ]);
  const tr = (key: string, values?: Record<string, string | number>) => tr_(key as "title", values as never);
  const communiques = await readCommuniqueReport({ user, serviceId: service, from: new Date(data.period.from), to: new Date(data.period.to) });
  const all = Object.fromEntries(dashboardTables(data, catalogue, tr, locale).map((d) => [d.id, d])) as Record<TableId, DataTable>;
  // What the statement needs, printable on a page's width: each commitment's outcome and times in
  // its own clock; the month's volumes by channel (the dashboard has them per day).
  const byChannel: DataTable = {
    id: "volumes",
    columns: [{ key: "channel", label: tr("columns.channel"), kind: "text" }, { key: "requestsTotal", label: tr("columns.requestsTotal"), kind: "count" }],
    rows: [
      ...data.volumes.channels.map((c) => [catalogue.channelLabels[c]?.[locale] ?? c, data.volumes.rows.reduce((a, r) => a + (r.byChannel[c] ?? 0), 0)]),
      [tr("columns.requestsTotal"), data.requests],
    ],
  };
  const tables: Record<"targets" | "promises" | "calls" | "volumes", DataTable> = {
    targets: withColumns(all.targets, ["target", "total", "metOnTime", "metLate", "overdue", "pending", "shareMet", "clockMedian", "clockP90"]),
    promises: all.promises,
    calls: all.calls,
    volumes: byChannel,
  };
  const serviceName = catalogue.profiles.find((p) => p.serviceId === service)?.name[locale] ?? service;
  const monthText = periodLabel(data.period, tr, locale);
  const monthValue = `${year}-${String(monthNumber).padStart(2, "0")}`;

  return (
    <article data-testid="report">
      <div className="no-print flex flex-wrap items-end justify-between gap-3">
        <Link href={`/gestion/tableau-de-bord/${service}`} className="text-qc-blue underline">{t("back")}</Link>
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="month" className="block font-semibold">{t("month")}</label>
            <input
              id="month"
              name="month"
              type="month"
              defaultValue={monthValue}
              aria-invalid={invalidMonth ? true : undefined}
              aria-describedby={invalidMonth ? "month-error" : undefined}
              className="mt-1 rounded border border-slate-500 px-2 py-1.5 aria-[invalid=true]:border-closed"
            />
          </div>
          <button type="submit" className="rounded border border-qc-blue px-4 py-1.5 font-semibold text-qc-blue hover:bg-qc-pale">{t("show")}</button>
          <PrintButton label={t("print")} />
        </form>
      </div>
      {invalidMonth !== null && (
        <p id="month-error" role="alert" className="no-print mt-3 rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="month-error">
          {t("invalidMonth", { month: invalidMonth })}
        </p>
      )}
      <h1 className="mt-4 text-3xl font-bold text-qc-navy">{t("title", { service: serviceName })}</h1>
      <p className="mt-1 text-xl first-letter:uppercase" data-testid="report-month">{t("subtitle", { month: monthText })}</p>
      <p className="mt-2 text-sm text-slate-700">{t("generated", { date: formatDate(now.getTime(), locale) })}</p>

      <h2 className="mt-6 text-2xl font-semibold text-qc-navy">{t("summary")}</h2>
      <dl className="mt-2 grid gap-3 sm:grid-cols-3">
        <div className="rounded border border-slate-300 p-3">
          <dt className="text-sm font-semibold text-slate-700">{t("requests")}</dt>
          <dd className="text-2xl font-bold" data-testid="report-requests">{formatCell(data.requests, "count", locale)}</dd>
        </div>
        <div className="rounded border border-slate-300 p-3">
          <dt className="text-sm font-semibold text-slate-700">{tr("kpi.shareMet")}</dt>
          <dd className="text-2xl font-bold" data-testid="report-share">{formatCell(data.overall.shareMet, "percent", locale)}</dd>
        </div>
        <div className="rounded border border-slate-300 p-3">
          <dt className="text-sm font-semibold text-slate-700">{tr("kpi.callsWithinTarget")}</dt>
          <dd className="text-2xl font-bold">{formatCell(data.calls.shareWithinTarget, "percent", locale)}</dd>
        </div>
      </dl>
      {(["targets", "promises", "calls", "volumes"] as const).map((id) => (
        <section key={id} aria-labelledby={`r-${id}`} className="mt-6">
          <h2 id={`r-${id}`} className="text-2xl font-semibold text-qc-navy">{id === "volumes" ? t("volumesByChannel") : tr(`sections.${id}`)}</h2>
          <DataTableView table={tables[id]} locale={locale} caption={id === "volumes" ? t("volumesByChannel") : tr(`tableTitles.${id}`)} empty={tr("empty")} />
        </section>
      ))}
      <p className="mt-6 text-sm text-slate-700">{tr("notes.targets")}</p>

      {/* The continuous-improvement committee's material: satisfaction of the month and of its quarter, with the comments. */}
      <section aria-labelledby="r-satisfaction" className="mt-8 break-before-page" data-testid="report-satisfaction">
        <h2 id="r-satisfaction" className="text-2xl font-semibold text-qc-navy">{t("satisfactionTitle")}</h2>
        <p className="mt-1 max-w-4xl text-sm text-slate-700">{tr("notes.satisfaction")}</p>
        <h3 className="mt-4 text-xl font-semibold first-letter:uppercase">{monthText}</h3>
        <DataTableView table={satisfactionTable(data.satisfaction, catalogue, tr, locale)} locale={locale} caption={t("satisfactionOfMonth", { month: monthText })} empty={t("noSatisfaction")} />
        <h3 className="mt-4 text-xl font-semibold" data-testid="report-quarter">{t("quarter", { quarter: quarterly.quarter.quarter, year: quarterly.quarter.fiscalYear, next: quarterly.quarter.fiscalYear + 1 })}</h3>
        <DataTableView table={satisfactionTable(quarterly.figures, catalogue, tr, locale)} locale={locale} caption={t("satisfactionOfQuarter")} empty={t("noSatisfaction")} />
        <h3 className="mt-4 text-xl font-semibold">{t("commentsOfQuarter")}</h3>
        <DataTableView table={satisfactionCommentsTable(quarterly.figures, catalogue, tr, locale)} locale={locale} caption={t("commentsOfQuarter")} empty={t("noComments")} />
      </section>

      <section aria-labelledby="r-communiques" className="mt-8" data-testid="report-communiques">
        <h2 id="r-communiques" className="text-2xl font-semibold text-qc-navy">{t("communiquesTitle")}</h2>
        <p className="mt-1 max-w-4xl text-sm text-slate-700">{t("communiquesNote")}</p>
        <DataTableView table={communiquesTable(communiques, tr, locale)} locale={locale} caption={t("communiquesTitle")} empty={t("noCommunique")} />
      </section>
    </article>
  );
}
