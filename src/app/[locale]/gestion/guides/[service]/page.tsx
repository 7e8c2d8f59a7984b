import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { GuideFileField } from "@/components/console/guide-file-field";
import { GUIDE_AUDIENCES } from "@/domain/guides/guides";
import { formatDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getNow } from "@/server/clock";
import { getCatalogue } from "@/server/services/get-catalogue";
import { listDeskArticles } from "@/server/services/guides";
import { saveGuideAction } from "../actions";
import { guideWriterOf } from "../gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Guides.desk" }))("title"), robots: { index: false } };
}

const STATUS_STYLE: Record<string, string> = { draft: "bg-slate-200 text-slate-900", published: "bg-ok-pale text-ok", archived: "bg-slate-700 text-white" };

/** A service's articles (every status, the counters of the last 90 days) and a new article's form. */
export default async function GuidesDeskPage({ params }: Props) {
  const { locale, service } = await params;
  setRequestLocale(locale);
  const { user, services } = await guideWriterOf(locale, service);
  const [t, tg, now, catalogue] = await Promise.all([getTranslations("Guides.desk"), getTranslations("Guides"), getNow(), getCatalogue()]);
  const articles = await listDeskArticles({ user, serviceId: service, now });
  const serviceName = (id: string) => catalogue.profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;
  const audiences = GUIDE_AUDIENCES.filter((a) => a.serviceId === service).map((a) => ({ value: `${a.serviceId}/${a.audienceId}`, label: tg(`audiences.${a.serviceId}/${a.audienceId}` as "audiences.ca-dotation/candidate") }));
  const number = (n: number) => n.toLocaleString(locale === "fr" ? "fr-CA" : "en-CA");
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("titleOf", { service: serviceName(service) })}</h1>
      {services.length > 1 && (
        <nav aria-label={t("services")} className="mt-3 flex flex-wrap gap-2">
          {services.map((s) => (
            <Link key={s} href={`/gestion/guides/${s}`} aria-current={s === service ? "page" : undefined} className="rounded border border-qc-blue px-3 py-1 aria-[current=page]:bg-qc-blue aria-[current=page]:text-white">
              {serviceName(s)}
            </Link>
          ))}
        </nav>
      )}
      <p className="mt-2 max-w-5xl text-slate-700">{t("intro")}</p>
      <div className="mt-6 grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="articles">
          <h2 id="articles" className="text-2xl font-semibold text-qc-navy">{t("articles")}</h2>
          {articles.length === 0 ? (
            <p className="mt-2">{t("none")}</p>
          ) : (
            <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label={t("articles")}>
              <table className="w-full border-collapse text-left" data-testid="guide-articles">
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="p-2">{t("category")}</th>
                    <th scope="col" className="p-2">{tg("title")}</th>
                    <th scope="col" className="p-2">{t("audience")}</th>
                    <th scope="col" className="p-2">{t("status")}</th>
                    <th scope="col" className="p-2">{t("lastSaved")}</th>
                    <th scope="col" className="p-2 text-right">{t("counters")}</th>
                    <th scope="col" className="p-2 text-right">{t("citations")}</th>
                  </tr>
                </thead>
                <tbody>
                  {articles.map((a) => (
                    <tr key={a.id} className="border-b border-slate-200" data-testid="guide-row" data-status={a.status}>
                      <td className="p-2">{a.category}</td>
                      <td className="p-2">
                        <Link href={`/gestion/guides/${service}/${a.id}`} className="font-semibold text-qc-blue underline">{a.title}</Link>
                      </td>
                      <td className="p-2">{tg(`audiences.${a.serviceId}/${a.audienceId}` as "audiences.ca-dotation/candidate")}</td>
                      <td className="p-2">
                        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[a.status] ?? ""}`}>{t(`statuses.${a.status}` as "statuses.draft")}</span>
                        {a.publishedVersion !== null && a.publishedVersion !== a.lastVersion && a.status === "published" && <span className="ml-1 text-sm">(v{a.publishedVersion})</span>}
                      </td>
                      <td className="p-2 whitespace-nowrap">v{a.lastVersion} · {formatDateTime(a.lastSavedAt.getTime(), locale)}</td>
                      <td className="p-2 text-right tabular-nums" data-testid="guide-counters">{number(a.counts.suggested)} · {number(a.counts.opened)} · {number(a.counts.answered)}</td>
                      <td className="p-2 text-right tabular-nums">{number(a.citations)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="new-article">
          <h2 id="new-article" className="text-2xl font-semibold text-qc-navy">{t("new")}</h2>
          <ActionForm action={saveGuideAction.bind(null, locale, service)} label={t("new")} className="mt-2 space-y-3">
            <div className="grid gap-3 sm:grid-cols-2">
              <Field kind="select" id="new-audience" name="audience" label={t("audience")} options={audiences} />
              <Field kind="input" id="new-category" name="category" label={t("category")} />
            </div>
            <Field kind="input" id="new-titleFr" name="titleFr" label={t("titleFr")} />
            <Field kind="textarea" id="new-bodyFr" name="bodyFr" label={t("bodyFr")} hint={t("markdownHint")} rows={10} maxLength={20000} />
            <GuideFileField label={t("addFiles")} hint={t("filesHint")} />
            <SubmitButton>{t("create")}</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
