import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { OpenStatus } from "@/components/open-status";
import { TextListSection } from "@/components/text-list";
import { LocaleLink } from "@/components/locale-link";
import type { Locale } from "@/i18n/routing";
import { getNow } from "@/server/clock";
import { getServiceSummary } from "@/server/services/get-service-page";
import { currentSagirRate } from "@/server/services/billing";
import { formatMoney } from "@/domain/billing/billing";

// Live information ("open now", "answer by …"): rendered for each request, never at build.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale; service: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, service } = await params;
  const summary = await getServiceSummary(service, await getNow());
  return { title: summary?.name[locale] };
}

export default async function ServicePage({ params }: { params: Params }) {
  const { locale, service: slug } = await params;
  setRequestLocale(locale);
  const now = await getNow();
  const service = await getServiceSummary(slug, now);
  if (!service) notFound();
  const t = await getTranslations("Service");
  // The seed's « Tarification »: SAGIR at the grid's rate in force; CA-dotation is not billed.
  const rate = service.serviceId === "sagir" ? await currentSagirRate(now) : null;
  const pricing = service.serviceId === "ca-dotation" ? t("pricingDotation") : rate !== null ? t("pricingSagir", { rate: formatMoney(rate, locale) }) : null;
  return (
    <>
      <AutoRefresh />
      <h1 className="text-3xl font-bold text-qc-navy">{service.name[locale]}</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700">{service.description[locale]}</p>
      <div className="mt-6">
        <TextListSection id="prealables" title={t("prerequisites")} items={service.prerequisites} locale={locale} />
      </div>
      <section className="mt-8" aria-labelledby="clienteles">
        <h2 id="clienteles" className="text-xl font-semibold">{t("audiences")}</h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {service.audiences.map((audience) => (
            <li key={audience.audienceId} className="rounded-lg border border-slate-200 p-4">
              <h3 className="text-lg font-semibold text-qc-blue">{audience.name[locale]}</h3>
              <p className="mt-1 text-slate-700">{audience.summary[locale]}</p>
              <div className="mt-2">
                <OpenStatus status={audience.status} now={now} locale={locale} />
              </div>
              <p className="mt-2">
                <LocaleLink locale={locale} href={`/services/${service.slug}/${audience.audienceId}`} className="text-qc-blue underline underline-offset-2">
                  {t("details")}
                </LocaleLink>
              </p>
            </li>
          ))}
        </ul>
      </section>
      {pricing && (
        <section className="mt-8 max-w-3xl" aria-labelledby="tarification" data-testid="pricing">
          <h2 id="tarification" className="text-xl font-semibold">{t("pricingTitle")}</h2>
          <p className="mt-2 text-slate-800">{pricing}</p>
        </section>
      )}
    </>
  );
}
