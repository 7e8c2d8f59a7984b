import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { ConfirmSubmitButton } from "@/components/console/confirm-submit";
import { AttachedFilesField } from "@/components/console/attached-files-field";
import { GuideFileField } from "@/components/console/guide-file-field";
import { renderGuideMarkdown } from "@/domain/guides/guides";
import { formatDateTime } from "@/i18n/format";
import { localePath } from "@/i18n/locale-path";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { isManagerOf } from "@/server/auth/authorize";
import { getNow } from "@/server/clock";
import { toAppError } from "@/server/errors";
import { readDeskArticle, type DeskArticleDetail } from "@/server/services/guides";
import { isUuid } from "@/server/validate";
import { archiveGuideAction, publishGuideAction, saveGuideAction } from "../../actions";
import { guideWriterOf } from "../../gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Guides.desk" }))("title"), robots: { index: false } };
}

/** One article for its writers: edit (a new version), the versions (a manager publishes one, or archives), the preview, the requests citing it. */
export default async function GuideDeskArticlePage({ params }: Props) {
  const { locale, service, id } = await params;
  setRequestLocale(locale);
  const { user } = await guideWriterOf(locale, service);
  if (!isUuid(id)) notFound();
  const now = await getNow();
  let article: DeskArticleDetail;
  try {
    article = await readDeskArticle({ user, articleId: id, now });
  } catch (error) {
    if (toAppError(error).code === "NOT_FOUND") notFound();
    throw error;
  }
  if (article.serviceId !== service) notFound();
  const [t, tg, tc] = await Promise.all([getTranslations("Guides.desk"), getTranslations("Guides"), getTranslations("Console.actions")]);
  const manager = isManagerOf(user, service);
  const number = (n: number) => n.toLocaleString(locale === "fr" ? "fr-CA" : "en-CA");
  return (
    <>
      <p>
        <Link href={`/gestion/guides/${service}`} className="text-qc-blue underline">{t("backToList")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">{article.last.titleFr}</h1>
      <p className="mt-1 text-slate-700" data-testid="guide-status" data-status={article.status}>
        {t(`statuses.${article.status}` as "statuses.draft")}
        {article.publishedVersion !== null && <> · {t("publishedVersion")} v{article.publishedVersion}</>} · {tg(`audiences.${article.serviceId}/${article.audienceId}` as "audiences.ca-dotation/candidate")} · {t("address")} <code>/guides/{article.slug}</code>
        {article.status === "published" && (
          <>
            {" · "}
            <a href={localePath(`/guides/${article.slug}`, locale)} className="text-qc-blue underline" data-testid="public-link">{t("publicLink")}</a>
          </>
        )}
      </p>
      <p className="mt-1 text-sm text-slate-700">{t("counters")} : <span data-testid="guide-counters">{number(article.counts.suggested)} · {number(article.counts.opened)} · {number(article.counts.answered)}</span></p>

      <div className="mt-6 grid gap-8 xl:grid-cols-2">
        <section aria-labelledby="edit">
          <h2 id="edit" className="text-2xl font-semibold text-qc-navy">{t("edit")}</h2>
          <ActionForm action={saveGuideAction.bind(null, locale, service)} label={t("edit")} className="mt-2 space-y-3">
            <input type="hidden" name="articleId" value={article.id} />
            <Field kind="input" id="category" name="category" label={t("category")} defaultValue={article.last.category} />
            <div className="grid gap-3 lg:grid-cols-2">
              <Field kind="input" id="titleFr" name="titleFr" label={t("titleFr")} defaultValue={article.last.titleFr} />
              <Field kind="input" id="titleEn" name="titleEn" label={t("titleEn")} defaultValue={article.last.titleEn} required={false} />
            </div>
            <Field kind="textarea" id="bodyFr" name="bodyFr" label={t("bodyFr")} hint={t("markdownHint")} rows={14} maxLength={20000} defaultValue={article.last.bodyFr} />
            <Field kind="textarea" id="bodyEn" name="bodyEn" label={t("bodyEn")} rows={8} maxLength={20000} defaultValue={article.last.bodyEn} required={false} />
            <AttachedFilesField legend={t("files")} removeLabel={t("removeFile")} files={article.files} downloadPath="/api/v1/guides/attachments" testId="guide-files" />
            <GuideFileField label={t("addFiles")} hint={t("filesHint")} />
            <SubmitButton>{t("save")}</SubmitButton>
          </ActionForm>
        </section>

        <div className="space-y-8">
          <section aria-labelledby="versions">
            <h2 id="versions" className="text-2xl font-semibold text-qc-navy">{t("versions")}</h2>
            {!manager && <p className="mt-1 text-sm text-slate-700">{t("onlyManagers")}</p>}
            <ol className="mt-2 space-y-2" data-testid="guide-versions">
              {article.versions.map((v) => (
                <li key={v.number} className="rounded border border-slate-300 p-3" data-testid="guide-version">
                  <p>
                    <strong>v{v.number}</strong> · {t("savedAt")} {formatDateTime(v.createdAt.getTime(), locale)}
                    {v.authorName && <> · {v.authorName}</>}
                    {v.publishedAt && (
                      <> · {t("publishedAt")} {formatDateTime(v.publishedAt.getTime(), locale)}{v.publishedByName && <> {t("publishedBy", { name: v.publishedByName })}</>}</>
                    )}
                  </p>
                  {manager && (
                    // Kept mounted once the version is published, so that its notice stays shown.
                    <ActionForm action={publishGuideAction.bind(null, locale, service)} label={t("publish", { version: v.number })} className="mt-2">
                      <input type="hidden" name="articleId" value={article.id} />
                      <input type="hidden" name="version" value={v.number} />
                      {article.status === "published" && article.publishedVersion === v.number ? (
                        <p className="text-sm font-semibold text-ok">{t("shownNow")}</p>
                      ) : (
                        <SubmitButton size="small" variant={v.number === article.lastVersion ? "primary" : "secondary"}>
                          {t(v.publishedAt ? "republish" : "publish", { version: v.number })}
                        </SubmitButton>
                      )}
                    </ActionForm>
                  )}
                </li>
              ))}
            </ol>
            {manager && article.status === "published" && (
              <ActionForm action={archiveGuideAction.bind(null, locale, service, article.id)} label={t("archive")} className="mt-3">
                <ConfirmSubmitButton variant="secondary" question={t("archiveConfirm")} confirm={tc("confirm")} cancel={tc("cancel")}>
                  {t("archive")}
                </ConfirmSubmitButton>
              </ActionForm>
            )}
          </section>

          <section aria-labelledby="preview">
            <h2 id="preview" className="text-2xl font-semibold text-qc-navy">{t("preview")}</h2>
            <div
              className="mt-2 space-y-3 rounded border border-slate-300 p-4 [&_a]:text-qc-blue [&_a]:underline [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
              lang="fr-CA"
              data-testid="guide-preview"
              // markdown-it with `html: false`: an author's tags are escaped, never rendered.
              dangerouslySetInnerHTML={{ __html: renderGuideMarkdown(article.last.bodyFr) }}
            />
          </section>

          <section aria-labelledby="cited-by">
            <h2 id="cited-by" className="text-2xl font-semibold text-qc-navy">{t("citedBy")}</h2>
            {article.citedBy.length === 0 ? (
              <p className="mt-2">{t("noCitation")}</p>
            ) : (
              <ul className="mt-2 space-y-1" data-testid="guide-cited-by">
                {article.citedBy.map((c) => (
                  <li key={c.number}>
                    {/* An agent opens the request in the console; a manager, in the managers' read-only view. */}
                    <Link href={`${user.role === "agent" ? "/console" : "/gestion"}/requetes/${c.number}`} className="text-qc-blue underline">{c.number}</Link> · {formatDateTime(c.citedAt.getTime(), locale)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
