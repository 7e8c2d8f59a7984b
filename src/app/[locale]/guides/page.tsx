import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { splitHighlight } from "@/domain/guides/guides";
import type { Locale } from "@/i18n/routing";
import { ZGuideQuery } from "@/schemas/guides";
import { getCurrentUser } from "@/server/auth/current-user";
import { listGuides, searchGuides, type GuideListItem } from "@/server/services/guides";

// The articles shown depend on who reads (candidates' are public; others after sign-in).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Guides" });
  return { title: t("title"), description: t("metaDescription") };
}

/** The guides: a French full-text search (typos tolerated), or every article the reader may read, by audience and category. */
export default async function GuidesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = [(await searchParams).q].flat()[0] ?? "";
  const query = ZGuideQuery.safeParse(raw);
  const [t, user] = await Promise.all([getTranslations("Guides"), getCurrentUser()]);
  const hits = query.success ? await searchGuides({ user, query: query.data, locale }) : null;
  const all = hits ? [] : await listGuides({ user, locale });
  const groups = new Map<string, Map<string, GuideListItem[]>>();
  for (const a of all) {
    const audience = `${a.serviceId}/${a.audienceId}`;
    const byCategory = groups.get(audience) ?? new Map<string, GuideListItem[]>();
    byCategory.set(a.category, [...(byCategory.get(a.category) ?? []), a]);
    groups.set(audience, byCategory);
  }
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-slate-700">{t("intro")}</p>
      <form method="get" role="search" className="mt-5 max-w-2xl">
        <label htmlFor="q" className="block font-semibold">{t("search")}</label>
        <p id="q-hint" className="text-sm text-slate-700">{t("searchHint")}</p>
        <div className="mt-1 flex gap-2">
          <input id="q" name="q" type="search" defaultValue={raw} maxLength={200} aria-describedby="q-hint" className="block w-full rounded border border-slate-500 px-3 py-2" />
          <button type="submit" className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">{t("searchButton")}</button>
        </div>
      </form>
      {hits && (
        <section className="mt-6" aria-labelledby="resultats" data-testid="guide-results">
          <h2 id="resultats" className="text-xl font-semibold">{t("results", { count: hits.length, query: query.data! })}</h2>
          <ul className="mt-3 space-y-4">
            {hits.map((h) => (
              <li key={h.id} data-testid="guide-hit">
                <LocaleLink locale={locale} href={`/guides/${h.slug}`} className="text-lg font-semibold text-qc-blue underline">{h.title}</LocaleLink>
                <p className="text-sm text-slate-700">{t(`audiences.${h.serviceId}/${h.audienceId}` as "audiences.ca-dotation/candidate")} · {h.category}</p>
                <p className="mt-1">
                  {splitHighlight(h.excerpt).map((p, i) => (p.match ? <mark key={i} className="bg-amber-100">{p.text}</mark> : <span key={i}>{p.text}</span>))}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!hits && (
        <div className="mt-6 space-y-8" data-testid="guide-index">
          {all.length === 0 && <p>{t("noneYet")}</p>}
          {[...groups].map(([audience, byCategory]) => (
            <section key={audience} aria-labelledby={`a-${audience.replace("/", "-")}`}>
              <h2 id={`a-${audience.replace("/", "-")}`} className="text-2xl font-semibold text-qc-navy">{t(`audiences.${audience}` as "audiences.ca-dotation/candidate")}</h2>
              <div className="mt-3 grid gap-6 md:grid-cols-2">
                {[...byCategory].map(([category, articles]) => (
                  <section key={category} aria-label={category}>
                    <h3 className="text-lg font-semibold">{category}</h3>
                    <ul className="mt-2 space-y-3">
                      {articles.map((a) => (
                        <li key={a.slug}>
                          <LocaleLink locale={locale} href={`/guides/${a.slug}`} className="font-semibold text-qc-blue underline">{a.title}</LocaleLink>
                          <p className="text-sm text-slate-700">{a.summary}</p>
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </div>
            </section>
          ))}
          {!user && <p className="text-slate-700">{t("signInMore")}</p>}
        </div>
      )}
    </>
  );
}
