import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, CheckboxGroup, Field, SubmitButton } from "@/components/console/action-form";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { CANNED_KINDS } from "@/schemas/canned-reply";
import { readCannedReplies } from "@/server/services/canned-replies";
import { getCatalogue } from "@/server/services/get-catalogue";
import { managerOf } from "../../gate";
import { saveCannedReplyAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "CannedReplies" }))("title"), robots: { index: false } };
}

/** A service's canned replies, edited by its managers in French and English; the catalogue fills their placeholders. */
export default async function CannedRepliesPage({ params }: Props) {
  const { locale, service } = await params;
  setRequestLocale(locale);
  const { user, services } = await managerOf(locale, service);
  const [t, { replies, previewAudience }, catalogue] = await Promise.all([getTranslations("CannedReplies"), readCannedReplies({ user, serviceId: service }), getCatalogue()]);
  const profile = catalogue.profiles.find((p) => p.serviceId === service);
  const serviceName = (id: string) => catalogue.profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;
  const audienceName = profile?.audiences.find((a) => a.audienceId === previewAudience)?.name[locale] ?? previewAudience;
  const kinds = CANNED_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }));
  const fields = (prefix: string, reply?: (typeof replies)[number]) => (
    <>
      <div className="grid gap-3 lg:grid-cols-[14rem_1fr_1fr]">
        <Field kind="select" id={`${prefix}-kind`} name="kind" label={t("kind")} options={kinds} defaultValue={reply?.kind ?? "answer"} />
        <Field kind="input" id={`${prefix}-titleFr`} name="titleFr" label={t("titleFr")} defaultValue={reply?.title.fr} />
        <Field kind="input" id={`${prefix}-titleEn`} name="titleEn" label={t("titleEn")} defaultValue={reply?.title.en} />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <Field kind="textarea" id={`${prefix}-bodyFr`} name="bodyFr" label={t("bodyFr")} rows={8} defaultValue={reply?.body.fr} />
        <Field kind="textarea" id={`${prefix}-bodyEn`} name="bodyEn" label={t("bodyEn")} rows={8} defaultValue={reply?.body.en} />
      </div>
      <CheckboxGroup name="active" prefix="" legend={t("offered")} idPrefix={`${prefix}-active`} options={[{ value: "active", label: t("active") }]} defaultChecked={!reply || reply.active ? ["active"] : []} />
    </>
  );
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("titleOf", { service: serviceName(service) })}</h1>
      {services.length > 1 && (
        <nav aria-label={t("services")} className="mt-3 flex flex-wrap gap-2">
          {services.map((s) => (
            <Link key={s} href={`/gestion/reponses/${s}`} aria-current={s === service ? "page" : undefined} className="rounded border border-qc-blue px-3 py-1 aria-[current=page]:bg-qc-blue aria-[current=page]:text-white">
              {serviceName(s)}
            </Link>
          ))}
        </nav>
      )}
      <p className="mt-2 max-w-5xl text-slate-700">{t("intro")}</p>
      <ul className="mt-2 max-w-5xl list-disc pl-6 text-slate-700" aria-label={t("placeholders")}>
        {(["numero", "telephones", "heures", "date"] as const).map((p) => (
          <li key={p}>
            <code className="font-mono">{`{${p}}`}</code> — {t(`placeholder.${p}`)}
          </li>
        ))}
      </ul>
      <ul className="mt-6 space-y-6" data-testid="canned-replies">
        {replies.map((r) => (
          <li key={r.id} className="rounded border border-slate-300 p-4" data-testid="canned-reply" data-active={r.active ? "yes" : "no"}>
            <h2 className="text-xl font-semibold text-qc-navy">
              {r.title[locale]} {!r.active && <span className="ml-2 rounded bg-slate-700 px-2 py-0.5 text-sm font-semibold text-white">{t("withdrawn")}</span>}
            </h2>
            <ActionForm action={saveCannedReplyAction.bind(null, locale, service)} label={t("editOf", { title: r.title[locale] })} className="mt-3 space-y-3">
              <input type="hidden" name="id" value={r.id} />
              {fields(r.id, r)}
              <SubmitButton variant="secondary">{t("save")}</SubmitButton>
            </ActionForm>
            <details className="mt-3">
              <summary className="cursor-pointer font-semibold text-qc-blue">{t("preview", { audience: audienceName })}</summary>
              <div className="mt-2 grid gap-3 lg:grid-cols-2">
                <pre className="whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans" lang="fr-CA" data-testid="preview-fr">{r.preview.fr}</pre>
                <pre className="whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans" lang="en-CA">{r.preview.en}</pre>
              </div>
            </details>
          </li>
        ))}
      </ul>
      <section className="mt-8 border-t border-slate-300 pt-6" aria-labelledby="new-reply">
        <h2 id="new-reply" className="text-2xl font-semibold text-qc-navy">{t("new")}</h2>
        <ActionForm action={saveCannedReplyAction.bind(null, locale, service)} label={t("new")} className="mt-3 space-y-3">
          {fields("new")}
          <SubmitButton>{t("add")}</SubmitButton>
        </ActionForm>
      </section>
    </>
  );
}
