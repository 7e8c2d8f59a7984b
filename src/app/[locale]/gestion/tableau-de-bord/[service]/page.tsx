import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { BarChartFigure } from "@/components/dashboard/bar-chart";
import { DataTableView } from "@/components/dashboard/data-table";
import { isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { PERIOD_KINDS } from "@/domain/dashboard/period";
import { AGE_CLASSES } from "@/domain/dashboard/statistics";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZDashboardQuery, type DashboardQuery } from "@/schemas/dashboard";
import { localizeValidationMessage } from "@/schemas/messages";
import { getNow } from "@/server/clock";
import { readDashboard } from "@/server/services/dashboard";
import { getCatalogue } from "@/server/services/get-catalogue";
import { managerOf } from "../../gate";
import { bucketLabel, dashboardTables, formatCell, periodLabel, periodParams, targetLabel, type DataTable, type TableId } from "@/components/dashboard/tables";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Dashboard" }))("title"), robots: { index: false } };
}

const inputClass = "mt-1 block w-full rounded border border-slate-500 px-2 py-1.5";

export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale, service } = await params;
  setRequestLocale(locale);
  const { user, services } = await managerOf(locale, service);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZDashboardQuery.safeParse(raw);
  const query: DashboardQuery = parsed.success ? parsed.data : ZDashboardQuery.parse({ period: "month" });
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= localizeValidationMessage(issue.message)[locale];
  const t = await getTranslations("Dashboard");
  const now = await getNow();
  const [data, catalogue] = await Promise.all([readDashboard({ user, serviceId: service, query, valid: parsed.success, now }), getCatalogue()]);
  const tr = (key: string, values?: Record<string, string | number>) => t(key as "title", values as never);
  const tables = Object.fromEntries(dashboardTables(data, catalogue, tr, locale).map((table) => [table.id, table])) as Record<TableId, DataTable>;
  const serviceName = (id: string) => catalogue.profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;
  const query$ = periodParams(data.period, data.filters);
  const csvHref = (table: TableId) => `/${locale}/gestion/tableau-de-bord/${service}/csv?table=${table}&${query$}`;

  const kpis: [string, string, string][] = [
    ["requests", formatCell(data.requests, "count", locale), "kpi-requests"],
    ["shareMet", formatCell(data.overall.shareMet, "percent", locale), "kpi-share"],
    ["breaches", formatCell(data.overall.breaches, "count", locale), "kpi-breaches"],
    ["atRiskNow", formatCell(data.atRisk.atRisk, "count", locale), "kpi-at-risk"],
    ["callsWithinTarget", formatCell(data.calls.shareWithinTarget, "percent", locale), "kpi-calls"],
    ["satisfied", formatCell(data.satisfaction.overall.shareSatisfied, "percent", locale), "kpi-satisfied"],
  ];

  const section = (id: TableId, { children, note }: { children?: React.ReactNode; note?: string } = {}) => (
    <section key={id} aria-labelledby={`s-${id}`} className="mt-8" data-testid={`section-${id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`s-${id}`} className="text-2xl font-semibold text-qc-navy">{t(`sections.${id}` as "sections.targets")}</h2>
        <a href={csvHref(id)} className="text-qc-blue underline" data-testid={`csv-${id}`} download>
          {t("csvOf", { table: t(`tableTitles.${id}` as "tableTitles.targets") })}
        </a>
      </div>
      {note && <p className="mt-1 max-w-4xl text-sm text-slate-700">{note}</p>}
      {children}
      <DataTableView
        table={tables[id]}
        locale={locale}
        caption={t(`tableTitles.${id}` as "tableTitles.targets")}
        empty={t(id === "at-risk" ? "emptyAtRisk" : "empty")}
        rowHref={id === "at-risk" ? (r) => `/${locale}/gestion/requetes/${data.atRisk.items[r]!.number}` : undefined}
      />
    </section>
  );

  return (
    <>
      <AutoRefresh />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-qc-navy">{t("titleOf", { service: serviceName(service) })}</h1>
        {/* The report of the month the dashboard shows (it opened on the last complete month). */}
        <Link href={`/gestion/rapport/${service}?month=${isoDateFromDayNumber(data.period.firstDay).slice(0, 7)}`} className="rounded border border-qc-blue px-4 py-2 font-semibold text-qc-blue hover:bg-qc-pale" data-testid="report-link">
          {t("report")}
        </Link>
      </div>
      {services.length > 1 && (
        <nav aria-label={t("services")} className="mt-3 flex flex-wrap gap-2">
          {services.map((s) => (
            <Link key={s} href={`/gestion/tableau-de-bord/${s}`} aria-current={s === service ? "page" : undefined} className="rounded border border-qc-blue px-3 py-1 aria-[current=page]:bg-qc-blue aria-[current=page]:text-white">
              {serviceName(s)}
            </Link>
          ))}
        </nav>
      )}
      <p className="mt-2 max-w-4xl text-slate-700">{t("intro")}</p>

      <form method="get" className="mt-4 rounded border border-slate-300 p-3" aria-label={t("filters")} data-testid="dashboard-filters">
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <div>
            <label htmlFor="f-period" className="font-semibold">{t("period")}</label>
            <select id="f-period" name="period" defaultValue={raw.period ?? data.period.kind} className={inputClass}>
              {PERIOD_KINDS.map((k) => <option key={k} value={k}>{t(`periods.${k}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="f-date" className="font-semibold">{t("date")}</label>
            <input id="f-date" name="date" type="date" defaultValue={raw.date ?? (data.period.kind === "range" ? "" : isoDateFromDayNumber(data.period.firstDay))} className={inputClass} />
          </div>
          {(["from", "to"] as const).map((f) => (
            <div key={f}>
              <label htmlFor={`f-${f}`} className="font-semibold">{t(f)}</label>
              <input
                id={`f-${f}`}
                name={f}
                type="date"
                defaultValue={raw[f] ?? ""}
                aria-invalid={fieldErrors[f] ? true : undefined}
                aria-describedby={fieldErrors[f] ? `e-${f}` : undefined}
                className={inputClass}
              />
              {fieldErrors[f] && <p id={`e-${f}`} className="mt-1 text-sm font-semibold text-red-800">{fieldErrors[f]}</p>}
            </div>
          ))}
          {(
            [
              ["audience", data.filters.audienceId, data.audiences.map((a) => [a, catalogue.audienceLabels[a]?.[locale] ?? a])],
              ["channel", data.filters.channel, data.channels.map((c) => [c, catalogue.channelLabels[c]?.[locale] ?? c])],
            ] as const
          ).map(([name, value, options]) => (
            <div key={name}>
              <label htmlFor={`f-${name}`} className="font-semibold">{t(name)}</label>
              <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className={inputClass}>
                <option value="">{t("all")}</option>
                {options.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
              </select>
            </div>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded bg-qc-blue px-4 py-1.5 font-semibold text-white hover:bg-qc-navy">{t("apply")}</button>
          <Link href={`/gestion/tableau-de-bord/${service}?${periodParams(data.previous, data.filters)}`} className="text-qc-blue underline" rel="prev">
            ← {t("previous")}
          </Link>
          <Link href={`/gestion/tableau-de-bord/${service}?${periodParams(data.next, data.filters)}`} className="text-qc-blue underline" rel="next">
            {t("next")} →
          </Link>
        </div>
        {!parsed.success && <p role="alert" className="mt-2 font-semibold text-red-800">{t("invalid")}</p>}
      </form>

      <h2 className="mt-6 text-xl font-semibold first-letter:uppercase" data-testid="period-label">{periodLabel(data.period, tr, locale)}</h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {kpis.map(([key, value, testId]) => (
          <div key={key} className="rounded border border-slate-300 bg-white p-3">
            <dt className="text-sm font-semibold text-slate-700">{t(`kpi.${key}` as "kpi.requests")}</dt>
            <dd className="mt-1 text-3xl font-bold text-qc-navy" data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>

      {section("at-risk", { note: t("notes.at-risk", { atRisk: data.atRisk.atRisk, breached: data.atRisk.breached }) })}

      {section("targets", { note: t("notes.targets"), children: (<>
        {data.targets.length > 0 && (
          <BarChartFigure
            title={t("chart.targets")}
            locale={locale}
            percent
            xKey="label"
            series={[{ key: "share", label: t("columns.shareMet") }]}
            data={data.targets.map((s) => ({ label: targetLabel(s, catalogue, tr, locale).split(" · ").slice(0, 2).join(" · "), share: s.shareMet }))}
            testId="chart-targets"
          />
        )}
      </>) })}

      {section("promises")}

      {section("volumes", { children: (<>
        <BarChartFigure
          title={t("chart.volumes", { bucket: t(`chart.${data.period.bucket}`) })}
          locale={locale}
          stacked
          xKey="label"
          series={data.volumes.channels.map((c) => ({ key: c, label: catalogue.channelLabels[c]?.[locale] ?? c }))}
          data={data.volumes.rows.map((r) => ({ label: bucketLabel(r.bucket, locale), ...r.byChannel }))}
          testId="chart-volumes"
        />
      </>) })}

      {section("calls")}

      {section("second-level", { note: t("notes.second-level") })}

      {section("reviews", { note: t("notes.reviews") })}

      {section("satisfaction", { note: t("notes.satisfaction") })}

      {section("satisfaction-comments", { note: t("notes.satisfaction-comments") })}

      {section("guides", { note: t("notes.guides") })}

      {section("backlog", { note: t("notes.backlog"), children: (<>
        <BarChartFigure
          title={t("chart.backlog")}
          locale={locale}
          xKey="label"
          series={[{ key: "count", label: t("columns.openRequests") }]}
          data={AGE_CLASSES.map((a) => ({ label: t(`ages.${a}`), count: data.backlog[a] }))}
          testId="chart-backlog"
        />
      </>) })}
    </>
  );
}
