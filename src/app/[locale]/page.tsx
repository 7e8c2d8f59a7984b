import { getTranslations, setRequestLocale } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { OpenStatus } from "@/components/open-status";
import { LocaleLink } from "@/components/locale-link";
import type { Locale } from "@/i18n/routing";
import { getNow } from "@/server/clock";
import { listServices } from "@/server/services/get-service-page";

// Live information ("open now", "answer by …"): rendered for each request, never at build.
export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Home");
  const now = await getNow();
  const services = await listServices(now);
  return (
    <>
      <AutoRefresh />
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700">{t("intro")}</p>
      <p className="mt-3 max-w-3xl">
        <LocaleLink locale={locale} href="/guides" className="font-semibold text-qc-blue underline underline-offset-2" data-testid="guides-link">
          {t("guides")}
        </LocaleLink>
      </p>
      <ul className="mt-8 grid gap-6 md:grid-cols-2">
        {services.map((service) => (
          <li key={service.slug} className="flex flex-col rounded-lg border border-slate-200 p-5 shadow-sm" data-testid={`service-${service.slug}`}>
            <h2 className="text-2xl font-semibold text-qc-blue">
              <LocaleLink locale={locale} href={`/services/${service.slug}`} className="hover:underline">
                {service.name[locale]}
              </LocaleLink>
            </h2>
            <p className="mt-2 text-slate-700">{service.description[locale]}</p>
            <ul className="mt-4 space-y-4">
              {service.audiences.map((audience) => (
                <li key={audience.audienceId}>
                  <h3 className="font-semibold">{audience.name[locale]}</h3>
                  <div className="mt-1">
                    <OpenStatus status={audience.status} now={now} locale={locale} />
                  </div>
                  <p className="mt-1">
                    <LocaleLink locale={locale} href={`/services/${service.slug}/${audience.audienceId}`} className="text-qc-blue underline underline-offset-2">
                      {t("seeService", { audience: audience.name[locale] })}
                    </LocaleLink>
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
