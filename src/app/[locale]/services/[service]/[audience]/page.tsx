import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { HoursTable } from "@/components/hours-table";
import { OpenStatus } from "@/components/open-status";
import { TextListSection } from "@/components/text-list";
import type { ContactPoint } from "@/domain/catalogue/service-profile";
import { formatDateTime, formatIsoDate } from "@/i18n/format";
import { LocaleLink } from "@/components/locale-link";
import { phoneText } from "@/i18n/phone";
import type { Locale } from "@/i18n/routing";
import { durationMessage } from "@/i18n/target-duration";
import { getNow } from "@/server/clock";
import { getAudiencePage } from "@/server/services/get-service-page";

// Live information ("open now", "answer by …"): rendered for each request, never at build.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale; service: string; audience: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, service, audience } = await params;
  const page = await getAudiencePage(service, audience, await getNow());
  return { title: page ? `${page.service.shortName[locale]} — ${page.audience.name[locale]}` : undefined };
}

function Contact({ contact, locale, t }: { contact: ContactPoint; locale: Locale; t: (k: string, v?: Record<string, string>) => string }) {
  const value = contact.value;
  return (
    <li className="py-2">
      <span className="block font-semibold">{contact.label[locale]}</span>
      {value && contact.kind === "phone" && (
        <a href={`tel:+1${value.replace(/\D/g, "").replace(/^1/, "").slice(0, 10)}`} className="text-lg text-qc-blue underline" aria-label={t("callPhone", { number: phoneText(value, locale) })}>
          {phoneText(value, locale)}
        </a>
      )}
      {value && contact.kind === "email" && (
        <a href={`mailto:${value}`} className="text-lg text-qc-blue underline" aria-label={t("writeEmail", { address: value })}>
          {value}
        </a>
      )}
      {contact.note && <span className="mt-1 block text-slate-700">{contact.note[locale]}</span>}
    </li>
  );
}

export default async function AudiencePage({ params }: { params: Params }) {
  const { locale, service: slug, audience: audienceId } = await params;
  setRequestLocale(locale);
  const now = await getNow();
  const page = await getAudiencePage(slug, audienceId, now);
  if (!page) notFound();
  const t = await getTranslations("Audience");
  const tm = await getTranslations("Metric");
  const td = await getTranslations("Duration");
  const ts = await getTranslations("Status");
  const ti = await getTranslations("Inquiry");
  const { service, audience } = page;
  const duration = (target: (typeof page.targets)[number]) => td(durationMessage(target), { amount: target.amount });
  return (
    <>
      <AutoRefresh />
      <p>
        <LocaleLink locale={locale} href={`/services/${service.slug}`} className="text-qc-blue underline underline-offset-2">
          {t("backToService", { service: service.shortName[locale] })}
        </LocaleLink>
      </p>
      <h1 className="mt-3 text-3xl font-bold text-qc-navy">
        {service.name[locale]}
        <span className="mt-1 block text-xl font-semibold text-slate-700">{audience.name[locale]}</span>
      </h1>
      <p className="mt-3 max-w-3xl text-slate-700">{audience.summary[locale]}</p>

      <section aria-label={ts("label")} aria-live="polite" className="mt-5">
        <OpenStatus status={page.status} now={now} locale={locale} size="lg" />
      </section>

      {service.slug === "ca-dotation" && audience.audienceId === "candidate" && (
        <p className="mt-5">
          <LocaleLink
            locale={locale}
            href="/services/ca-dotation/candidate/ecrire"
            className="inline-block rounded bg-qc-blue px-5 py-3 font-semibold text-white hover:bg-qc-navy"
          >
            {ti("writeLink")}
          </LocaleLink>
        </p>
      )}

      {page.writeNow.length > 0 && (
        <section className="mt-6 rounded-lg border border-qc-blue bg-qc-pale p-4" aria-labelledby="ecrire" data-testid="write-now">
          <h2 id="ecrire" className="text-lg font-semibold text-qc-navy">{t("writeNowTitle")}</h2>
          {page.writeNow.map((w) => (
            <p key={w.metric} className="mt-1">
              {tm(`writeNow.${w.metric}` as "writeNow.first-reply", { moment: formatDateTime(w.dueAt, locale) })}
            </p>
          ))}
        </section>
      )}

      <div className="mt-8 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-8">
          <section aria-labelledby="heures">
            <h2 id="heures" className="mb-3 text-2xl font-semibold text-qc-navy">{t("hoursTitle")}</h2>
            <HoursTable rows={page.hours} locale={locale} />
          </section>

          <section aria-labelledby="engagements">
            <h2 id="engagements" className="mb-2 text-2xl font-semibold text-qc-navy">{t("commitmentsTitle")}</h2>
            <ul className="list-disc space-y-1 pl-6" data-testid="commitments">
              {page.targets.map((target) => (
                <li key={target.id}>
                  {tm(`commitment.${target.metric}` as "commitment.answer", {
                    channels: target.channelNames.map((c) => c[locale]).join(", "),
                    duration: duration(target),
                  })}
                </li>
              ))}
            </ul>
          </section>

          <TextListSection id="comprend" title={t("coversTitle")} items={audience.covers} locale={locale} />
          <TextListSection id="exclus" title={t("notCoveredTitle")} items={audience.doesNotCover} locale={locale} />
        </div>

        <aside className="space-y-8">
          <section aria-labelledby="joindre" className="rounded-lg border border-slate-200 p-4">
            <h2 id="joindre" className="text-xl font-semibold text-qc-navy">{t("contactTitle")}</h2>
            <ul className="divide-y divide-slate-200" data-testid="contacts">
              {audience.contacts.map((c) => (
                <Contact key={`${c.kind}-${c.label.fr}`} contact={c} locale={locale} t={t} />
              ))}
            </ul>
          </section>

          <section aria-labelledby="feries" className="rounded-lg border border-slate-200 p-4">
            <h2 id="feries" className="text-xl font-semibold text-qc-navy">{t("holidaysTitle")}</h2>
            {page.holidays.length === 0 ? (
              <p className="mt-2">{t("noHolidays")}</p>
            ) : (
              <ul className="mt-2 space-y-2" data-testid="holidays">
                {page.holidays.map((h) => (
                  <li key={h.date}>
                    <time dateTime={h.date} className="block font-semibold">{formatIsoDate(h.date, locale)}</time>
                    <span className="text-slate-700">{h.name[locale]}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
