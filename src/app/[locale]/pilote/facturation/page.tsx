import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrganizationYear } from "@/components/billing/organization-year";
import { YearNav } from "@/components/billing/year-nav";
import { formatCount } from "@/components/billing/invoice-text";
import { fiscalYearLabel, formatMoney } from "@/domain/billing/billing";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZBillingYear } from "@/schemas/billing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { fiscalYearShown, readOrganizationBilling } from "@/server/services/manage-billing";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Billing" }))("pilotTitle"), robots: { index: false } };
}

/** The pilot's view of their MO's SAGIR billing: its invoices (printable, PDF), its headcounts to declare, its adjustment. */
export default async function PilotBillingPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const t = await getTranslations("Billing");
  if (user.role !== "mo_pilot" || !user.organization) {
    return (
      <p role="alert" className="max-w-2xl rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="forbidden">
        {t("pilotOnly")}
      </p>
    );
  }
  const now = await getNow();
  const query = ZBillingYear.safeParse(await searchParams);
  const fiscalYear = fiscalYearShown(query.success ? query.data.annee : undefined, now);
  const billing = await readOrganizationBilling({ user, organizationId: user.organization.id, fiscalYear, now });
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("pilotTitle")}</h1>
      <p className="mt-2 max-w-5xl text-slate-800">{t("pilotIntro", { organization: billing.organization.name })}</p>
      <YearNav fiscalYear={fiscalYear} href="/pilote/facturation" />
      <p className="mt-3 max-w-5xl" data-testid="pilot-agreement">
        {billing.agreement
          ? billing.estimate !== null
            ? t("agreementSummary", { estimate: formatCount(billing.estimate, locale), year: fiscalYearLabel(fiscalYear), cost: formatMoney(billing.estimatedCents ?? 0, locale) })
            : t("pilotNoEstimate", { year: fiscalYearLabel(fiscalYear) })
          : t("pilotNoAgreement")}
      </p>
      <OrganizationYear billing={billing} locale={locale} mode="pilot" />
    </>
  );
}
