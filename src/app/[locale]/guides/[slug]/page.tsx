import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AttachmentList } from "@/components/attachment-list";
import { LocaleLink } from "@/components/locale-link";
import { formatDate } from "@/i18n/format";
import { LANGUAGE_TAG, type Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { toAppError } from "@/server/errors";
import { readGuide, type PublicGuide } from "@/server/services/guides";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

async function guideOrNull(locale: Locale, slug: string): Promise<PublicGuide | null> {
  try {
    return await readGuide({ user: await getCurrentUser(), slug, locale });
  } catch (error) {
    if (toAppError(error).code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const guide = await guideOrNull(locale, slug);
  // A private article is indexed by nobody; a public one is (the candidates' questions).
  return guide ? { title: guide.title, robots: guide.public ? undefined : { index: false } } : {};
}

/** A published article: « dernière mise à jour », its text rendered from Markdown (never an author's HTML). */
export default async function GuidePage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const guide = await guideOrNull(locale, slug);
  if (!guide) notFound();
  const t = await getTranslations("Guides");
  return (
    <article lang={guide.lang === locale ? undefined : LANGUAGE_TAG[guide.lang]} data-testid="guide-article">
      <p>
        <LocaleLink locale={locale} href="/guides" className="text-qc-blue underline">{t("back")}</LocaleLink>
      </p>
      <p className="mt-3 text-sm text-slate-700">
        {t(`audiences.${guide.serviceId}/${guide.audienceId}` as "audiences.ca-dotation/candidate")} · {guide.category}
        {!guide.public && <> · {t("private")}</>}
      </p>
      <h1 className="mt-1 text-3xl font-bold text-qc-navy">{guide.title}</h1>
      <p className="mt-2 text-sm text-slate-700" data-testid="guide-updated">{t("updated", { date: formatDate(guide.publishedAt.getTime(), locale) })}</p>
      {guide.lang !== locale && <p lang={LANGUAGE_TAG[locale]} className="mt-3 rounded border-l-4 border-qc-blue bg-qc-pale p-3">{t("frenchOnly")}</p>}
      <div
        className="guide-body mt-6 max-w-3xl space-y-4 leading-relaxed [&_a]:text-qc-blue [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h2]:mt-6 [&_h2]:text-2xl [&_h2]:font-semibold [&_h2]:text-qc-navy [&_h3]:mt-4 [&_h3]:text-xl [&_h3]:font-semibold [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_table]:border-collapse [&_td]:border [&_td]:border-slate-300 [&_td]:p-1 [&_th]:border [&_th]:border-slate-300 [&_th]:p-1"
        // Rendered by markdown-it with `html: false` (src/domain/guides/guides.ts): every tag an author typed is escaped.
        dangerouslySetInnerHTML={{ __html: guide.html }}
      />
      <AttachmentList files={guide.files} hrefOf={(id) => `/api/v1/guides/attachments/${id}`} label={t("desk.attachments")} locale={locale} />
      {guide.serviceId === "ca-dotation" && guide.audienceId === "candidate" && (
        <aside className="mt-10 max-w-3xl rounded border border-slate-300 p-4">
          <p className="font-semibold">{t("stillQuestion")}</p>
          <LocaleLink locale={locale} href="/services/ca-dotation/candidate/ecrire" className="mt-1 inline-block text-qc-blue underline">{t("writeUs")}</LocaleLink>
        </aside>
      )}
    </article>
  );
}
