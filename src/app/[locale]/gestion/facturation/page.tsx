import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { ConfirmSubmitButton } from "@/components/console/confirm-submit";
import { deleteRateAction, previewRateAction, runMonthAction, saveRateAction } from "@/components/billing/billing-actions";
import { formatCount, monthLabel } from "@/components/billing/invoice-text";
import { YearNav } from "@/components/billing/year-nav";
import { BalanceCards } from "@/components/billing/organization-year";
import { fiscalYearLabel, formatMoney, isMonth, type Month } from "@/domain/billing/billing";
import { auditActionText, auditDetails } from "@/components/audit/audit-text";
import { formatDateTime, formatIsoDate } from "@/i18n/format";
import { BILLING_ACTIONS, readAuditLog } from "@/server/services/audit-log";
import { getCatalogue } from "@/server/services/get-catalogue";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZBillingYear } from "@/schemas/billing";
import type { CurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { runAction } from "@/server/http/server-action";
import { billingMonth } from "@/server/services/billing";
import { fiscalYearShown, previewTariffRate, readBillingOverview } from "@/server/services/manage-billing";
import { managerOf } from "../gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Billing" }))("title"), robots: { index: false } };
}

/**
 * SAGIR billing for the centre (its managers and the admin): a fiscal year's totals, every MO's
 * agreement, invoices, balance and headcounts, the month's invoices issued on demand (the job does
 * it on the 1st), and the tariff grid — a new rate previewed with what it changes, then saved.
 */
export default async function BillingPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { user } = await managerOf(locale, "sagir");
  const now = await getNow();
  const search = await searchParams;
  const query = ZBillingYear.safeParse(search);
  const currentMonth = billingMonth(now);
  const fiscalYear = fiscalYearShown(query.success ? query.data.annee : undefined, now);
  const [overview, t] = [await readBillingOverview({ user, fiscalYear, now }), await getTranslations("Billing")];
  const money = (cents: number) => formatMoney(cents, locale);
  const inForceFrom = overview.grid.filter((r) => r.from <= `${currentMonth}-01`).at(-1)?.from;
  const saved = typeof search.tarifEnregistre === "string" && isMonth(search.tarifEnregistre) ? search.tarifEnregistre : null;
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-5xl text-slate-800">{t("intro")}</p>
      <p className="mt-1 max-w-5xl text-slate-700">{t("dotationNotBilled")}</p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <YearNav fiscalYear={fiscalYear} href="/gestion/facturation" />
        <a href={`/${locale}/gestion/facturation/csv?annee=${fiscalYear}`} className="no-print rounded border border-qc-blue px-4 py-2 font-semibold text-qc-blue" data-testid="billing-csv" download>
          {t("csv")}
        </a>
      </div>
      <BalanceCards
        testIdPrefix="total"
        className="md:grid-cols-5"
        locale={locale}
        figures={{ estimated: overview.totals.estimatedCents, billed: overview.totals.billedCents, paid: overview.totals.paidCents, balance: overview.totals.balanceCents, overdue: overview.totals.overdueCents }}
      />
      <section className="mt-6 max-w-5xl rounded border border-slate-300 p-4" aria-labelledby="emission">
        <h2 id="emission" className="text-2xl font-semibold text-qc-navy">
          {t("runTitle")}
        </h2>
        <p className="mt-1 text-slate-800">
          {t("runIntro")} {overview.lastInvoicedMonth ? t("lastInvoiced", { month: monthLabel(overview.lastInvoicedMonth, locale) }) : t("nothingInvoiced")}
        </p>
        <ActionForm action={runMonthAction.bind(null, locale)} className="mt-3 space-y-3" label={t("runTitle")}>
          <SubmitButton>{t("runButton", { month: monthLabel(currentMonth, locale) })}</SubmitButton>
        </ActionForm>
      </section>
      <OrganizationsTable overview={overview} locale={locale} />
      <section className="mt-8 max-w-5xl" aria-labelledby="grille-titre" id="grille">
        <h2 id="grille-titre" className="text-2xl font-semibold text-qc-navy">
          {t("gridTitle")}
        </h2>
        <p className="mt-1 text-slate-800">{t("gridIntro")}</p>
        {saved && (
          <p className="mt-3 rounded border-l-4 border-ok bg-ok-pale p-3" role="status" data-testid="rate-saved">
            {t("notices.rateSaved", { month: monthLabel(saved, locale) })}
          </p>
        )}
        <div className="relative mt-3 overflow-x-auto" tabIndex={0} role="group" aria-label={t("gridTitle")}>
          <table className="w-full min-w-[32rem] border-collapse text-left" data-testid="tariff">
            <caption className="sr-only">{t("gridTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="px-2 py-1">{t("gridFrom")}</th>
                <th scope="col" className="px-2 py-1 text-right">{t("gridRate")}</th>
                <th scope="col" className="px-2 py-1">
                  <span className="sr-only">{t("gridActions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.grid.map((rate) => {
                const month = rate.from.slice(0, 7) as Month;
                const changeable = month >= currentMonth && (overview.lastInvoicedMonth === null || month > overview.lastInvoicedMonth);
                return (
                  <tr key={rate.from} className="border-b border-slate-200">
                    <td className="px-2 py-1">
                      {formatIsoDate(rate.from, locale)}
                      {rate.from === inForceFrom && (
                        <span className="ml-2 rounded bg-ok-pale px-2 py-0.5 text-sm font-semibold text-ok">{t("inForce")}</span>
                      )}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{t("perEmployeeYear", { rate: money(rate.centsPerEmployee) })}</td>
                    <td className="px-2 py-1">
                      {changeable && (
                        <ActionForm action={deleteRateAction.bind(null, locale)} className="inline" label={t("deleteRate", { date: rate.from })}>
                          <input type="hidden" name="from" value={month} />
                          <ConfirmSubmitButton variant="secondary" question={t("deleteRateQuestion", { rate: money(rate.centsPerEmployee), date: formatIsoDate(rate.from, locale) })} confirm={t("deleteRateConfirm")} cancel={t("cancel")}>
                            {t("deleteRate", { date: formatIsoDate(rate.from, locale) })}
                          </ConfirmSubmitButton>
                        </ActionForm>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <RatePreview search={search} user={user} locale={locale} now={now} />
        <ActionForm action={previewRateAction.bind(null, locale)} className="mt-4 space-y-3" label={t("newRate")}>
          <h3 className="text-xl font-semibold text-qc-navy">{t("newRate")}</h3>
          <div className="grid gap-4 md:grid-cols-2">
            <Field kind="input" type="month" name="from" label={t("rateFrom")} hint={t("rateFromHint")} />
            <Field kind="input" inputMode="decimal" name="rate" label={t("rateAmount")} hint={t("rateAmountHint")} />
          </div>
          <SubmitButton>{t("previewRate")}</SubmitButton>
        </ActionForm>
      </section>
      <BillingHistory user={user} locale={locale} />
      <p className="mt-8 text-sm text-slate-700">{t("yearOf", { year: fiscalYearLabel(fiscalYear) })}</p>
    </>
  );
}

async function OrganizationsTable({ overview, locale }: { overview: Awaited<ReturnType<typeof readBillingOverview>>; locale: Locale }) {
  const t = await getTranslations("Billing");
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <section className="mt-8" aria-labelledby="organisations">
      <h2 id="organisations" className="text-2xl font-semibold text-qc-navy">
        {t("organizationsTitle")}
      </h2>
      <p className="mt-1 max-w-5xl text-slate-800">{t("organizationsIntro")}</p>
      {overview.rows.length === 0 ? (
        <p className="mt-2">{t("noOrganizations")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label={t("organizationsTitle")}>
          <table className="w-full min-w-[72rem] border-collapse text-left" data-testid="organizations">
            <caption className="sr-only">{t("organizationsTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                {(["organization", "agreement", "estimate", "invoices", "billed", "paid", "balance", "overdue", "headcounts", "adjustment"] as const).map((h) => (
                  <th key={h} scope="col" className={`px-2 py-1 ${["estimate", "invoices", "billed", "paid", "balance", "overdue"].includes(h) ? "text-right" : ""}`}>
                    {t(`overviewTable.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.rows.map((row) => (
                <tr key={row.organization.id} className="border-b border-slate-200" data-testid={`organization-${row.organization.code}`}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    <Link href={`/gestion/facturation/${row.organization.code}?annee=${overview.fiscalYear}`} className="font-semibold text-qc-blue underline">
                      {row.organization.code}
                    </Link>{" "}
                    {row.organization.name}
                    {!row.organization.adheredOn && <span className="block text-sm text-slate-700">{t("notAdhered")}</span>}
                  </th>
                  <td className="px-2 py-1">
                    {row.agreement ? t("agreementPeriod", { first: row.agreement.firstMonth, last: row.agreement.lastMonth ?? "…" }) : <span className="text-slate-700">{t("noAgreement")}</span>}
                  </td>
                  <td className="px-2 py-1 text-right tabular-nums">{row.estimate === null ? "—" : formatCount(row.estimate, locale)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{row.invoices}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{money(row.balances.billedCents)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{money(row.balances.paidCents)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{money(row.balances.balanceCents)}</td>
                  <td className={`px-2 py-1 text-right tabular-nums ${row.balances.overdueCount ? "font-semibold text-closed" : ""}`}>{money(row.balances.overdueCents)}</td>
                  <td className={`px-2 py-1 tabular-nums ${row.declared < row.declarable ? "font-semibold text-amber-900" : ""}`}>{t("declaredOf", { declared: row.declared, of: row.declarable })}</td>
                  <td className="px-2 py-1 tabular-nums">{row.adjustment ? `${row.adjustment.number} (${money(row.adjustment.amountCents)})` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The latest billing acts (rates, agreements, runs, payments, headcounts, adjustments), as the audit log has them. */
async function BillingHistory({ user, locale }: { user: CurrentUser; locale: Locale }) {
  const [entries, catalogue, troot, t] = [await readAuditLog({ user, filters: { action: BILLING_ACTIONS }, limit: 20 }), await getCatalogue(), await getTranslations(), await getTranslations("Billing")];
  const tr = (key: string, values?: Record<string, string | number>) => troot(key as "Console.audit.title", values as never);
  return (
    <section className="mt-10 max-w-6xl" aria-labelledby="historique">
      <h2 id="historique" className="text-2xl font-semibold text-qc-navy">
        {t("historyTitle")}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2">{t("noHistory")}</p>
      ) : (
        <ul className="mt-2 space-y-1" data-testid="billing-history">
          {entries.map((entry) => (
            <li key={String(entry.id)}>
              {formatDateTime(entry.at.getTime(), locale)} — {entry.actorName ?? t("job")} — {auditActionText(entry.action, tr)}
              {(() => {
                const details = auditDetails(entry, catalogue, tr, locale);
                return details ? ` : ${details}` : "";
              })()}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The rate being previewed (from the URL the preview action redirected to), with a button to save it. */
async function RatePreview({ search, user, locale, now }: { search: Record<string, string | string[] | undefined>; user: CurrentUser; locale: Locale; now: Date }) {
  const { tarifDe, tarif } = search;
  if (typeof tarifDe !== "string" || typeof tarif !== "string" || !/^\d{1,9}$/.test(tarif)) return null;
  const t = await getTranslations("Billing");
  const money = (cents: number) => formatMoney(cents, locale);
  const dollars = (Number(tarif) / 100).toFixed(2);
  const preview = await runAction(locale, async () => {
    if (!isMonth(tarifDe)) throw new Error("not a month");
    return previewTariffRate({ user, input: { from: tarifDe, rate: Number(tarif) }, now });
  });
  if (!preview.ok) {
    return (
      <p className="mt-4 rounded border-l-4 border-closed bg-closed-pale p-3" role="alert">
        {Object.values(preview.fieldErrors)[0] ?? preview.message}
      </p>
    );
  }
  const p = preview.data;
  return (
    <div className="mt-4 rounded border-2 border-qc-blue p-4" data-testid="rate-preview">
      <h3 className="text-xl font-semibold text-qc-navy">{t("previewTitle", { rate: money(p.centsPerEmployee), date: formatIsoDate(p.from, locale) })}</h3>
      <p className="mt-1">{t("previewIntro")}</p>
      {p.effects.length === 0 ? (
        <p className="mt-2">{t("previewNoEffect")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label={t("previewIntro")}>
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <caption className="sr-only">{t("previewTitle", { rate: money(p.centsPerEmployee), date: formatIsoDate(p.from, locale) })}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="px-2 py-1">{t("overviewTable.organization")}</th>
                <th scope="col" className="px-2 py-1 text-right">{t("overviewTable.estimate")}</th>
                <th scope="col" className="px-2 py-1 text-right">{t("previewBefore")}</th>
                <th scope="col" className="px-2 py-1 text-right">{t("previewAfter")}</th>
              </tr>
            </thead>
            <tbody>
              {p.effects.map((e) => (
                <tr key={e.code} className="border-b border-slate-200">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {e.code} {e.name}
                  </th>
                  <td className="px-2 py-1 text-right tabular-nums">{formatCount(e.employees, locale)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{e.beforeCents === null ? "—" : money(e.beforeCents)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{money(e.afterCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <ActionForm action={saveRateAction.bind(null, locale)} className="inline" label={t("saveRate")}>
          <input type="hidden" name="from" value={tarifDe} />
          <input type="hidden" name="rate" value={dollars} />
          <SubmitButton>{t("saveRate")}</SubmitButton>
        </ActionForm>
        <Link href="/gestion/facturation#grille" className="text-qc-blue underline">
          {t("cancel")}
        </Link>
      </div>
    </div>
  );
}
