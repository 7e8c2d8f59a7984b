// One MO's fiscal year of SAGIR billing, for the managers (payments, headcounts, adjustment) and
// for the MO's pilot (headcounts): balances, the twelve months — invoice, state, declared
// headcount — and the year-end adjustment with its computation or what it still waits for.
import { getTranslations } from "next-intl/server";
import { fiscalYearEnd, fiscalYearLabel, formatMoney } from "@/domain/billing/billing";
import { formatIsoDate } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ActionForm, SubmitButton } from "@/components/console/action-form";
import { formatCount, monthLabel } from "@/components/billing/invoice-text";
import { InlineForm } from "@/components/billing/inline-form";
import { declareHeadcountAction, issueAdjustmentAction, recordPaymentAction } from "@/components/billing/billing-actions";
import type { InvoiceView, MonthLine, OrganizationBilling } from "@/server/services/manage-billing";

const STATE_STYLE: Record<InvoiceView["state"], string> = {
  issued: "bg-qc-pale text-qc-navy",
  paid: "bg-ok-pale text-ok",
  overdue: "bg-closed-pale text-closed",
};

export async function InvoiceState({ invoice }: { invoice: InvoiceView }) {
  const t = await getTranslations("Billing");
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${STATE_STYLE[invoice.state]}`}>{t(invoice.amountCents < 0 && invoice.state === "paid" ? "states.applied" : `states.${invoice.state}`)}</span>;
}

export async function OrganizationYear({ billing, locale, mode }: { billing: OrganizationBilling; locale: Locale; mode: "manager" | "pilot" }) {
  const t = await getTranslations("Billing");
  const money = (cents: number) => formatMoney(cents, locale);
  const { adjustment } = billing;
  const covered = billing.months.filter((m) => m.covered);
  // The pilot's task is the headcount: its column comes first (on a phone, without scrolling).
  const columns: readonly Column[] = mode === "manager" ? ["month", "invoice", "amount", "issuedOn", "dueOn", "state", "payment", "headcount"] : ["month", "headcount", "invoice", "amount", "issuedOn", "dueOn", "state"];
  const declarable = billing.months.filter((m) => m.declarable);
  const missingNow = declarable.filter((m) => m.declared === null).map((m) => monthLabel(m.month, locale));
  return (
    <>
      <BalanceCards
        testIdPrefix="balance"
        className="max-w-5xl md:grid-cols-4"
        locale={locale}
        figures={{ billed: billing.balances.billedCents, paid: billing.balances.paidCents, balance: billing.balances.balanceCents, overdue: billing.balances.overdueCents }}
      />
      {missingNow.length > 0 && (
        <p className="mt-4 max-w-4xl rounded border-l-4 border-amber-700 bg-amber-100 p-3" role="status" data-testid="missing-headcounts">
          {t("missingHeadcounts", { months: missingNow.join(", ") })}
        </p>
      )}
      <section className="mt-6" aria-labelledby="mois">
        <h2 id="mois" className="text-2xl font-semibold text-qc-navy">
          {t("monthsTitle")}
        </h2>
        {/* The months the agreement covers this year (the others have nothing to show). */}
        {covered.length === 0 ? (
          <p className="mt-2">{t("noAgreementThisYear")}</p>
        ) : (
          <>
            <p className="mt-1 text-slate-800" data-testid="covered-months">
              {t("coveredMonths", { first: monthLabel(covered[0]!.month, locale), last: monthLabel(covered.at(-1)!.month, locale), count: covered.length })}
            </p>
            <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label={t("monthsTitle")}>
              <table className={`w-full ${mode === "manager" ? "min-w-[64rem]" : "min-w-[46rem]"} border-collapse text-left`} data-testid="months">
                <caption className="sr-only">{t("monthsTitle")}</caption>
                <thead>
                  <tr className="border-b border-slate-400">
                    {columns.map((h) => (
                      <th key={h} scope="col" className={`px-2 py-1 ${h === "amount" ? "text-right" : ""}`}>
                        {t(`table.${h}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {covered.map((line) => (
                    <tr key={line.month} className="border-b border-slate-200 align-top" data-testid={`month-${line.month}`}>
                      <th scope="row" className="whitespace-nowrap px-2 py-1 font-semibold">
                        {monthLabel(line.month, locale)}
                      </th>
                      {columns.slice(1).map((column) => (
                        <MonthCell key={column} column={column} line={line} billing={billing} locale={locale} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="mt-8 max-w-5xl" aria-labelledby="ajustement" data-testid="adjustment">
        <h2 id="ajustement" className="text-2xl font-semibold text-qc-navy">
          {t("adjustmentTitleYear", { year: fiscalYearLabel(billing.fiscalYear) })}
        </h2>
        <p className="mt-2 text-slate-800">{t("adjustmentIntro")}</p>
        {adjustment.months.length === 0 ? (
          <p className="mt-2">{t("noAgreementThisYear")}</p>
        ) : adjustment.computation.adjustmentCents === null ? (
          <p className="mt-2" data-testid="adjustment-waiting">
            {t("adjustmentWaiting", { months: adjustment.computation.missing.map((m) => monthLabel(m, locale)).join(", ") })}
          </p>
        ) : (
          <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="adjustment-computation">
            <dt className="font-semibold">{t("computationLabels.average")}</dt>
            <dd className="tabular-nums">{t("computationLabels.averageValue", { average: formatCount(adjustment.computation.averageEmployees!, locale, 2), months: adjustment.months.length })}</dd>
            <dt className="font-semibold">{t("computationLabels.actual")}</dt>
            <dd className="tabular-nums">
              {money(adjustment.computation.actualCents!)}
              <span className="text-slate-700"> {t("computationLabels.actualHow")}</span>
            </dd>
            <dt className="font-semibold">{t("computationLabels.billed")}</dt>
            <dd className="tabular-nums">{money(adjustment.computation.billedCents)}</dd>
            <dt className="font-semibold">{t(adjustment.computation.adjustmentCents < 0 ? "computationLabels.credit" : "computationLabels.adjustment")}</dt>
            <dd className="font-semibold tabular-nums" data-testid="adjustment-amount">
              {money(Math.abs(adjustment.computation.adjustmentCents))}
            </dd>
          </dl>
        )}
        {adjustment.invoice ? (
          <p className="mt-3" data-testid="adjustment-invoice">
            {t("adjustmentMade")}{" "}
            <Link href={`/factures/${adjustment.invoice.id}`} className="font-semibold text-qc-blue underline">
              {adjustment.invoice.number}
            </Link>{" "}
            <InvoiceState invoice={adjustment.invoice} />
          </p>
        ) : null}
        {adjustment.invoice && mode === "manager" && (
          <div className="mt-2 max-w-xl">
            <PaymentForm invoice={adjustment.invoice} locale={locale} label={t("paymentLabel", { number: adjustment.invoice.number })} button={t("save")} />
          </div>
        )}
        {adjustment.invoice ? null : !adjustment.yearEnded && adjustment.months.length > 0 ? (
          <p className="mt-3 text-slate-700">{t("adjustmentFrom", { date: formatIsoDate(fiscalYearEnd(billing.fiscalYear), locale) })}</p>
        ) : (
          mode === "manager" &&
          adjustment.ready && (
            <ActionForm action={issueAdjustmentAction.bind(null, locale)} className="mt-3 space-y-2" label={t("issueAdjustment")}>
              <input type="hidden" name="organizationId" value={billing.organization.id} />
              <input type="hidden" name="fiscalYear" value={String(billing.fiscalYear)} />
              <SubmitButton>{t("issueAdjustment")}</SubmitButton>
            </ActionForm>
          )
        )}
      </section>
    </>
  );
}

type Column = "month" | "invoice" | "amount" | "issuedOn" | "dueOn" | "state" | "payment" | "headcount";

/** One cell of a month's row. */
async function MonthCell({ column, line, billing, locale }: { column: Column; line: MonthLine; billing: OrganizationBilling; locale: Locale }) {
  const t = await getTranslations("Billing");
  const invoice = line.invoice;
  switch (column) {
    case "invoice":
      return (
        <td className="px-2 py-1">
          {invoice ? (
            <Link href={`/factures/${invoice.id}`} className="whitespace-nowrap text-qc-blue underline">
              {invoice.number}
            </Link>
          ) : (
            "—"
          )}
        </td>
      );
    case "amount":
      return <td className="px-2 py-1 text-right tabular-nums">{invoice ? formatMoney(invoice.amountCents, locale) : "—"}</td>;
    case "issuedOn":
    case "dueOn":
      return <td className="px-2 py-1 whitespace-nowrap">{invoice?.[column] ?? "—"}</td>;
    case "state":
      return <td className="px-2 py-1">{invoice ? <InvoiceState invoice={invoice} /> : "—"}</td>;
    case "payment":
      return <td className="px-2 py-1">{invoice && <PaymentForm invoice={invoice} locale={locale} label={t("paymentLabel", { number: invoice.number })} button={t("save")} />}</td>;
    case "headcount":
      return (
        <td className="px-2 py-1">
          {line.declarable ? (
            <InlineForm
              action={declareHeadcountAction.bind(null, locale)}
              hidden={{ organizationId: billing.organization.id, month: line.month }}
              name="employees"
              id={`employees-${line.month}`}
              label={t("headcountLabel", { month: monthLabel(line.month, locale) })}
              type="text"
              inputMode="numeric"
              defaultValue={line.declared ? String(line.declared.employees) : ""}
              button={line.declared ? t("correct") : t("declare")}
            />
          ) : line.declared ? (
            <span className="tabular-nums">{formatCount(line.declared.employees, locale)}</span>
          ) : (
            "—"
          )}
        </td>
      );
    default:
      return null;
  }
}

type Figure = "estimated" | "billed" | "paid" | "balance" | "overdue";

/** A billing page's figures as cards (what is overdue in red when there is some). */
export async function BalanceCards({ figures, locale, testIdPrefix, className }: { figures: Partial<Record<Figure, number>>; locale: Locale; testIdPrefix: string; className: string }) {
  const t = await getTranslations("Billing");
  return (
    <dl className={`mt-4 grid grid-cols-2 gap-3 ${className}`}>
      {(Object.entries(figures) as [Figure, number][]).map(([key, cents]) => (
        <div key={key} className="rounded border border-slate-300 p-3">
          <dt className="text-sm text-slate-700">{t(`balances.${key}`)}</dt>
          <dd className={`text-xl font-semibold tabular-nums ${key === "overdue" && cents > 0 ? "text-closed" : ""}`} data-testid={`${testIdPrefix}-${key}`}>
            {formatMoney(cents, locale)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function PaymentForm({ invoice, locale, label, button }: { invoice: InvoiceView; locale: Locale; label: string; button: string }) {
  return (
    <InlineForm
      action={recordPaymentAction.bind(null, locale)}
      hidden={{ invoiceId: invoice.id }}
      name="paidOn"
      id={`paid-${invoice.id}`}
      label={label}
      type="date"
      defaultValue={invoice.paidOn ?? ""}
      button={button}
    />
  );
}
