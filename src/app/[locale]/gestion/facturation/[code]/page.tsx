import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { OrganizationYear } from "@/components/billing/organization-year";
import { saveAgreementAction } from "@/components/billing/billing-actions";
import { fiscalYearLabel, formatMoney } from "@/domain/billing/billing";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZBillingYear } from "@/schemas/billing";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { billingOrganizationByCode, fiscalYearShown, readOrganizationBilling, type OrganizationBilling } from "@/server/services/manage-billing";
import { managerOf } from "../../gate";
import { YearNav } from "@/components/billing/year-nav";
import { formatCount } from "@/components/billing/invoice-text";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  return { title: `${(await getTranslations({ locale, namespace: "Billing" }))("title")} — ${code}`, robots: { index: false } };
}

/** One MO's SAGIR billing for the centre: its agreement and estimate, its months, payments and headcounts, its adjustment. */
export default async function OrganizationBillingPage({ params, searchParams }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const { user } = await managerOf(locale, "sagir");
  const now = await getNow();
  const query = ZBillingYear.safeParse(await searchParams);
  const fiscalYear = fiscalYearShown(query.success ? query.data.annee : undefined, now);
  let billing: OrganizationBilling;
  try {
    billing = await readOrganizationBilling({ user, organizationId: await billingOrganizationByCode({ user, code }), fiscalYear, now });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const t = await getTranslations("Billing");
  return (
    <>
      <p className="no-print">
        <Link href={`/gestion/facturation?annee=${fiscalYear}`} className="text-qc-blue underline">
          {t("backToOverview")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">
        {billing.organization.name} <span className="text-slate-700">({billing.organization.code})</span>
      </h1>
      <p className="mt-1 text-slate-800">
        {billing.organization.adheredOn ? t("adheredOn", { date: billing.organization.adheredOn }) : t("notAdhered")}
      </p>
      <YearNav fiscalYear={fiscalYear} href={`/gestion/facturation/${billing.organization.code}`} />
      <section className="mt-6 max-w-5xl rounded border border-slate-300 p-4" aria-labelledby="entente">
        <h2 id="entente" className="text-2xl font-semibold text-qc-navy">
          {t("agreementTitle")}
        </h2>
        <p className="mt-1 text-slate-800">
          {billing.agreement && billing.estimate !== null
            ? t("agreementSummary", { estimate: formatCount(billing.estimate, locale), year: fiscalYearLabel(fiscalYear), cost: formatMoney(billing.estimatedCents ?? 0, locale) })
            : t("agreementHint")}
        </p>
        <ActionForm action={saveAgreementAction.bind(null, locale)} className="mt-3 space-y-3" label={t("agreementTitle")}>
          <input type="hidden" name="organizationId" value={billing.organization.id} />
          <input type="hidden" name="fiscalYear" value={String(fiscalYear)} />
          <div className="grid gap-4 md:grid-cols-3">
            <Field kind="input" type="month" name="firstMonth" label={t("firstMonth")} hint={t("firstMonthHint")} defaultValue={billing.agreement?.firstMonth ?? ""} />
            <Field kind="input" type="month" name="lastMonth" label={t("lastMonth")} hint={t("lastMonthHint")} defaultValue={billing.agreement?.lastMonth ?? ""} required={false} />
            <Field kind="input" inputMode="numeric" name="employees" label={t("estimate", { year: fiscalYearLabel(fiscalYear) })} hint={t("estimateHint")} defaultValue={billing.estimate === null ? "" : String(billing.estimate)} />
          </div>
          <SubmitButton>{t("saveAgreement")}</SubmitButton>
        </ActionForm>
      </section>
      <OrganizationYear billing={billing} locale={locale} mode="manager" />
    </>
  );
}

