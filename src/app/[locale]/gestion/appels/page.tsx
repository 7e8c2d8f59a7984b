import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { AUDIENCE_LABELS } from "@/domain/catalogue/default-catalogue";
import { CDR_LAYOUTS, GENERIC_COLUMNS, GENERIC_DEFAULT_NAMES } from "@/domain/telephony/cdr";
import { formatShortDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { importableLines, readCallImports, type CallImportView } from "@/server/services/import-calls";
import { managerOf } from "../gate";
import { commitCallImportAction, discardCallImportAction, previewCallImportAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "CallImport" }))("title"), robots: { index: false } };
}

const percent = (n: number, of: number, locale: Locale) => (of === 0 ? "—" : new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "percent", maximumFractionDigits: 1 }).format(n / of));

/**
 * Call detail records for telephone systems without webhooks: a manager uploads the file of a line
 * (Asterisk's Master.csv, or the generic layout with the file's own column names), sees what it
 * holds — calls, answered, within the target, the rows that could not be read — and commits it or
 * not; the imports made are listed. Importing the same calls again adds nothing.
 */
export default async function CallImportPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { user } = await managerOf(locale);
  const { apercu, importe } = await searchParams;
  const [t, { recent, preview }] = await Promise.all([getTranslations("CallImport"), readCallImports({ user, previewId: typeof apercu === "string" ? apercu : undefined })]);
  const lines = await importableLines(user);
  const lineName = (id: string) => {
    const line = lines.find((l) => l.id === id);
    return line ? `${AUDIENCE_LABELS[line.audienceId]?.[locale] ?? line.audienceId} (${id})` : id;
  };
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-4xl text-slate-800">{t("intro")}</p>
      {typeof importe === "string" && recent.some((r) => r.id === importe) && (
        <p className="mt-4 rounded border-l-4 border-ok bg-ok-pale p-3" role="status" data-testid="import-done">
          {(() => {
            const done = recent.find((r) => r.id === importe)!;
            return t(done.summary.eventsStored ? "done" : "doneNothingNew", { calls: done.summary.calls, events: done.summary.eventsStored ?? 0 });
          })()}
        </p>
      )}
      {preview ? (
        <Preview preview={preview} locale={locale} lineName={lineName(preview.lineId)} />
      ) : (
        typeof apercu === "string" && (
          <p className="mt-4 rounded border-l-4 border-amber-700 bg-amber-100 p-3" role="status">
            {t("previewGone")}
          </p>
        )
      )}
      {!preview && (
        <section className="mt-6" aria-labelledby="nouvel-import">
          <h2 id="nouvel-import" className="text-2xl font-semibold text-qc-navy">
            {t("newImport")}
          </h2>
          <ActionForm action={previewCallImportAction.bind(null, locale)} className="mt-3 max-w-6xl space-y-4" label={t("newImport")}>
            <div className="grid gap-4 md:grid-cols-3">
              <Field kind="select" name="line" label={t("line")} options={lines.map((l) => ({ value: l.id, label: lineName(l.id) }))} />
              <Field kind="select" name="layout" label={t("layout")} hint={t("layoutHint")} options={CDR_LAYOUTS.map((l) => ({ value: l, label: t(`layouts.${l}`) }))} />
              <Field kind="file" name="file" label={t("file")} hint={t("fileHint")} accept=".csv,.txt,text/csv" />
            </div>
            {/* Each layout's own fields; without JavaScript, the form's state shows the right ones. */}
            <div className="max-w-md [form:has(#layout_option[value=generic]:checked)_&]:hidden">
              <Field kind="input" name="dialed" label={t("dialed")} hint={t("dialedHint")} required={false} />
            </div>
            <fieldset className="rounded border border-slate-300 p-3 [form:has(#layout_option[value=asterisk]:checked)_&]:hidden">
              <legend className="px-1 font-semibold">{t("columns")}</legend>
              <p className="text-sm text-slate-700">{t("columnsHint")}</p>
              <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
                {GENERIC_COLUMNS.map((c) => (
                  <Field key={c} kind="input" name={`col_${c}`} label={t(`columnNames.${c}`)} defaultValue={GENERIC_DEFAULT_NAMES[c]} required={false} />
                ))}
              </div>
            </fieldset>
            <SubmitButton>{t("previewButton")}</SubmitButton>
          </ActionForm>
        </section>
      )}
      <section className="mt-8" aria-labelledby="imports-faits">
        <h2 id="imports-faits" className="text-2xl font-semibold text-qc-navy">
          {t("recent")}
        </h2>
        {recent.length === 0 ? (
          <p className="mt-2">{t("noneYet")}</p>
        ) : (
          <div className="mt-2 relative overflow-x-auto">
            <table className="w-full min-w-[48rem] border-collapse text-left" data-testid="imports">
              <caption className="sr-only">{t("recent")}</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  {(["when", "line", "fileColumn", "calls", "withinTarget", "newEvents", "problems", "who"] as const).map((h) => (
                    <th key={h} scope="col" className="px-2 py-1">
                      {t(`table.${h}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {recent.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200">
                    <td className="px-2 py-1">{formatShortDateTime((r.committedAt ?? r.createdAt).getTime(), locale)}</td>
                    <td className="px-2 py-1">{lineName(r.lineId)}</td>
                    <td className="px-2 py-1 break-all">{r.filename}</td>
                    <td className="px-2 py-1 tabular-nums">{r.summary.calls}</td>
                    <td className="px-2 py-1 tabular-nums">{percent(r.summary.withinTarget, r.summary.counted, locale)}</td>
                    <td className="px-2 py-1 tabular-nums">{r.summary.eventsStored ?? 0}</td>
                    <td className="px-2 py-1 tabular-nums">{r.summary.problemCount}</td>
                    <td className="px-2 py-1">{r.createdByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** What the file holds, before anything is stored; then « Importer » or « Annuler ». */
async function Preview({ preview, locale, lineName }: { preview: CallImportView; locale: Locale; lineName: string }) {
  const t = await getTranslations("CallImport");
  const s = preview.summary;
  const figures: [string, string, string][] = [
    [t("figures.calls"), String(s.calls), "calls"],
    [t("figures.answered"), String(s.answered), "answered"],
    [t("figures.abandoned"), String(s.abandoned), "abandoned"],
    [t("figures.voicemail"), String(s.voicemail), "voicemail"],
    [t("figures.withinTarget"), `${s.withinTarget} / ${s.counted} (${percent(s.withinTarget, s.counted, locale)})`, "within"],
    [t("figures.known"), String(s.known), "known"],
    [t("figures.problems"), String(s.problemCount), "problems"],
  ];
  return (
    <section className="mt-6 rounded border-2 border-qc-blue p-4" aria-labelledby="apercu" data-testid="import-preview">
      <h2 id="apercu" className="text-2xl font-semibold text-qc-navy">
        {t("previewTitle", { file: preview.filename })}
      </h2>
      <p className="mt-1">
        {lineName} · {t(`layouts.${preview.layout}`)}
        {s.otherNumbers > 0 && <> · {t("otherNumbers", { count: s.otherNumbers })}</>}
      </p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-7">
        {figures.map(([label, value, id]) => (
          <div key={id} className="rounded bg-qc-pale p-2">
            <dt className="text-sm text-slate-800">{label}</dt>
            <dd className="text-xl font-bold tabular-nums" data-testid={`preview-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {s.problems.length > 0 && (
        <div className="mt-4">
          <h3 className="font-semibold">{t("problemsTitle")}</h3>
          <ul className="mt-1 max-h-64 list-disc overflow-y-auto pl-6" data-testid="preview-problem-list">
            {s.problems.map((p, i) => (
              <li key={i}>
                {p.row > 0 && <span className="font-semibold">{t("row", { row: p.row })} </span>}
                {p[locale]}
              </li>
            ))}
          </ul>
          {s.problemCount > s.problems.length && <p className="mt-1 text-sm">{t("moreProblems", { count: s.problemCount - s.problems.length })}</p>}
        </div>
      )}
      <p className="mt-3 text-slate-800">{s.calls === 0 ? t("nothingToImport") : s.known === s.calls ? t("allKnown") : t("commitHint")}</p>
      <div className="mt-3 flex flex-wrap items-start gap-4">
        {/* A file with no call to import (every row in error, or for other numbers) is only cancelled. */}
        {s.calls > 0 && (
          <ActionForm action={commitCallImportAction.bind(null, locale)} label={t("commit", { count: s.calls })}>
            <input type="hidden" name="importId" value={preview.id} />
            <SubmitButton>{t("commit", { count: s.calls })}</SubmitButton>
          </ActionForm>
        )}
        <ActionForm action={discardCallImportAction.bind(null, locale)} label={t("discard")}>
          <input type="hidden" name="importId" value={preview.id} />
          <SubmitButton variant="secondary">{t("discard")}</SubmitButton>
        </ActionForm>
        <Link href="/gestion/appels" className="py-2 text-qc-blue underline">
          {t("back")}
        </Link>
      </div>
    </section>
  );
}
