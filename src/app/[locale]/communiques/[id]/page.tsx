import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { CheckboxGroup } from "@/components/console/checkbox-group";
import { ConfirmSubmitButton } from "@/components/console/confirm-submit";
import { COMMUNIQUE_STATUS_STYLE } from "@/components/communiques/status";
import { SAGIR_GROUP_LABELS, type SagirGroup } from "@/domain/communiques/communiques";
import { formatFingerprint } from "@/domain/communiques/fingerprint";
import { renderGuideMarkdown } from "@/domain/guides/guides";
import { formatDateTime, localIsoMinute } from "@/i18n/format";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { toAppError } from "@/server/errors";
import { getCatalogue } from "@/server/services/get-catalogue";
import { readCommunique, type CommuniqueView } from "@/server/services/communiques";
import { isUuid } from "@/server/validate";
import {
  answerQuestionsAction,
  askQuestionAction,
  cancelPlannedAction,
  deleteDraftAction,
  replaceCommuniqueAction,
  returnCommuniqueAction,
  sendCommuniqueAction,
  submitCommuniqueAction,
} from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE = ["envoye", "planifie", "soumis", "retourne", "annule"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Communiques" }))("one"), robots: { index: false } };
}

/**
 * A communiqué: its text, files and fingerprint to the people it reached (opening it is their read
 * receipt; they may ask a question about it); to those who manage it, also its audience and reach,
 * what can be done with it now, its figures and the questions asked.
 */
export default async function CommuniquePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  const query = await searchParams;
  const doneKey = DONE.find((d) => d === query.fait);
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (!isUuid(id)) notFound();
  const now = await getNow();
  let c: CommuniqueView;
  try {
    c = await readCommunique({ user, id, locale, now });
  } catch (error) {
    if (toAppError(error).code === "NOT_FOUND") notFound();
    throw error;
  }
  const [t, ta, tc, { profiles }] = await Promise.all([getTranslations("Communiques"), getTranslations("Account"), getTranslations("Console.actions"), getCatalogue()]);
  const centre = profiles.find((p) => p.serviceId === c.serviceId)?.name[locale] ?? c.serviceId;
  const number = (n: number) => n.toLocaleString(locale === "fr" ? "fr-CA" : "en-CA");
  const from = c.source === "mo" ? t("fromMo", { organization: c.organizationName ?? "", centre }) : t(`fromSource.${c.source}` as "fromSource.dggir", { centre });
  const m = c.manage;
  const sendForm = (forward: boolean) => (
    <ActionForm action={sendCommuniqueAction.bind(null, locale, c.id, forward)} label={forward ? t("forward") : t("send")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field kind="select" id="when" name="when" label={t("when")} options={[{ value: "now", label: t("now") }, { value: "later", label: t("later") }]} />
        <Field kind="input" type="datetime-local" id="sendAt" name="sendAt" label={t("sendAt")} hint={t("sendAtHint")} defaultValue={localIsoMinute(now.getTime() + 3_600_000)} required={false} />
      </div>
      <ConfirmSubmitButton question={t(forward ? "forwardConfirm" : "sendConfirm", { count: m?.reach ?? 0 })} confirm={tc("confirm")} cancel={tc("cancel")}>
        {forward ? t("forward") : t("send")}
      </ConfirmSubmitButton>
    </ActionForm>
  );
  // What the action just did, said from the communiqué as it now is (its number, its planned time).
  const doneNotice = doneKey && m ? t(`done.${doneKey}`, { number: c.number ?? "", at: c.sendAt ? formatDateTime(c.sendAt.getTime(), locale) : "" }) : null;
  return (
    <>
      <p>
        <Link href="/communiques" className="text-qc-blue underline">{t("back")}</Link>
      </p>
      {doneNotice && (
        <p role="status" className="mt-3 rounded border-l-4 border-ok bg-ok-pale p-3" data-testid="done-notice">
          {doneNotice}
        </p>
      )}
      <div className="mt-2 grid gap-8 xl:grid-cols-[minmax(0,46rem)_1fr]">
        <article aria-labelledby="communique-title" className="min-w-0">
          <p className="text-slate-700" data-testid="communique-from">
            {c.number && <strong className="mr-2" data-testid="communique-number">{c.number}</strong>}
            {from}
          </p>
          <h1 id="communique-title" className="mt-1 text-3xl font-bold text-qc-navy" lang={c.lang === "fr" ? "fr-CA" : "en-CA"}>{c.title}</h1>
          <p className="mt-1 text-slate-700">
            {m && <span className={`mr-2 rounded px-2 py-0.5 text-sm font-semibold ${COMMUNIQUE_STATUS_STYLE[c.status] ?? ""}`} data-testid="communique-status" data-status={c.status}>{t(`statuses.${c.status}` as "statuses.draft")}</span>}
            {c.sentAt ? t("sentAt", { at: formatDateTime(c.sentAt.getTime(), locale) }) : c.sendAt ? t("plannedAt", { at: formatDateTime(c.sendAt.getTime(), locale) }) : null}
          </p>
          {c.replacedBy && (
            <p role="note" className="mt-3 rounded border-l-4 border-amber-700 bg-amber-100 p-3 text-amber-950" data-testid="replaced-by">
              {t("replacedBy")} <Link href={`/communiques/${c.replacedBy.id}`} className="font-semibold underline">{c.replacedBy.number} — {c.replacedBy.title}</Link>
            </p>
          )}
          {c.replaces && (
            <p className="mt-3 rounded border-l-4 border-qc-blue bg-qc-pale p-3" data-testid="replaces">
              {t("replaces")} <Link href={`/communiques/${c.replaces.id}`} className="font-semibold text-qc-blue underline">{c.replaces.number ?? t("draftLabel")} — {c.replaces.title}</Link>
            </p>
          )}
          <div
            className="mt-4 max-w-3xl space-y-3 [&_a]:text-qc-blue [&_a]:underline [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
            lang={c.lang === "fr" ? "fr-CA" : "en-CA"}
            data-testid="communique-body"
            // markdown-it with `html: false`: an author's tags are shown as text, never rendered.
            dangerouslySetInnerHTML={{ __html: renderGuideMarkdown(c.body) }}
          />
          {c.files.length > 0 && (
            <section aria-labelledby="files" className="mt-6">
              <h2 id="files" className="text-xl font-semibold text-qc-navy">{t("files")}</h2>
              <ul className="mt-1 space-y-1" data-testid="communique-files">
                {c.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/v1/communiques/attachments/${f.id}`} download className="text-qc-blue underline">{f.filename}</a>{" "}
                    <span className="text-sm text-slate-700">({number(Math.max(1, Math.round(f.size / 1024)))} ko)</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {c.fingerprint && (
            <p className="mt-6 text-sm text-slate-700">
              {t("fingerprint")}{" "}
              <code className="break-words rounded bg-slate-100 px-1 text-slate-900" data-testid="fingerprint" data-value={c.fingerprint}>{formatFingerprint(c.fingerprint)}</code>
              <br />
              {t("fingerprintNote")}
            </p>
          )}
          {c.received && c.status === "sent" && (
            <section aria-labelledby="ask" className="mt-8 max-w-3xl border-t border-slate-300 pt-4">
              <h2 id="ask" className="text-xl font-semibold text-qc-navy">{t("ask")}</h2>
              <p className="mt-1 text-slate-700">{c.source === "mo" ? t("askMoNote", { organization: c.organizationName ?? "" }) : t("askNote", { centre })}</p>
              <ActionForm action={askQuestionAction.bind(null, locale, c.id)} label={t("ask")} className="mt-2 space-y-3">
                <Field kind="textarea" id="message" name="message" label={t("question")} rows={5} maxLength={5000} />
                <SubmitButton>{t("askButton")}</SubmitButton>
              </ActionForm>
            </section>
          )}
        </article>

        {m && (
          <aside aria-label={t("management")} className="min-w-0 space-y-6">
            <section aria-labelledby="audience" className="rounded border border-slate-300 p-4">
              <h2 id="audience" className="text-xl font-semibold text-qc-navy">{t("audience")}</h2>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="font-semibold">{t("organizations")}</dt>
                <dd data-testid="audience-organizations">
                  {m.audience.organizations === "list" ? m.audienceOrganizations.map((o) => o.name).join(", ") : t(`scopes.${m.audience.organizations}` as "scopes.all")}
                </dd>
                <dt className="font-semibold">{t("roles")}</dt>
                <dd>{m.audience.roles.map((r) => ta(`roles.${r}` as "roles.admin")).join(", ")}</dd>
                {c.serviceId === "sagir" && (
                  <>
                    <dt className="font-semibold">{t("groups")}</dt>
                    <dd data-testid="audience-groups">{m.audience.groups.length ? m.audience.groups.map((g) => SAGIR_GROUP_LABELS[g as SagirGroup]?.[locale] ?? g).join(", ") : t("allGroups")}</dd>
                  </>
                )}
              </dl>
              <p className="mt-3 text-lg" data-testid="reach" data-count={m.reach}>
                {c.status !== "sent" ? t("wouldReach", { count: m.reach }) : m.delivering !== null ? t("delivering", { done: m.reach, total: m.delivering }) : t("reached", { count: m.reach })}
              </p>
              <p className="mt-2 text-sm text-slate-700">
                {t("writtenBy", { name: m.authorName })}
                {m.submittedAt && <> · {t("submittedAt", { at: formatDateTime(m.submittedAt.getTime(), locale) })}</>}
                {m.forwardedByName && <> · {t("forwardedBy", { name: m.forwardedByName })}</>}
              </p>
              {m.returnReason && c.status === "returned" && (
                <p className="mt-2 rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="return-reason"><strong>{t("returnedBecause")}</strong> {m.returnReason}</p>
              )}
            </section>

            {(m.can.edit || m.can.send || m.can.submit || m.can.forward || m.can.cancel || m.can.replace) && (
              <section aria-labelledby="actions" className="space-y-4 rounded border border-slate-300 p-4">
                <h2 id="actions" className="text-xl font-semibold text-qc-navy">{t("actions")}</h2>
                {m.can.edit && (
                  <div className="flex flex-wrap items-center gap-4">
                    <Link href={`/communiques/${c.id}/modifier`} className="rounded border border-qc-blue px-4 py-2 font-semibold text-qc-blue" data-testid="edit-communique">{t("edit")}</Link>
                    <ActionForm action={deleteDraftAction.bind(null, locale, c.id)} label={t("delete")} className="">
                      <ConfirmSubmitButton variant="secondary" question={t("deleteConfirm")} confirm={tc("confirm")} cancel={tc("cancel")}>{t("delete")}</ConfirmSubmitButton>
                    </ActionForm>
                  </div>
                )}
                {m.can.send && sendForm(false)}
                {m.can.submit && (
                  <ActionForm action={submitCommuniqueAction.bind(null, locale, c.id)} label={t("submit")} className="space-y-2">
                    <p className="text-slate-700">{t("submitNote")}</p>
                    <ConfirmSubmitButton question={t("submitConfirm", { count: m.reach })} confirm={tc("confirm")} cancel={tc("cancel")}>{t("submit")}</ConfirmSubmitButton>
                  </ActionForm>
                )}
                {m.can.forward && (
                  <>
                    <p className="text-slate-700">{t("forwardNote")}</p>
                    {sendForm(true)}
                    <ActionForm action={returnCommuniqueAction.bind(null, locale, c.id)} label={t("return")} className="space-y-2 border-t border-slate-200 pt-3">
                      <Field kind="textarea" id="reason" name="reason" label={t("returnReason")} rows={3} maxLength={1000} />
                      <SubmitButton variant="secondary">{t("return")}</SubmitButton>
                    </ActionForm>
                  </>
                )}
                {m.can.cancel && (
                  <ActionForm action={cancelPlannedAction.bind(null, locale, c.id)} label={t("cancelPlanned")} className="">
                    <ConfirmSubmitButton variant="secondary" question={t("cancelConfirm")} confirm={tc("confirm")} cancel={tc("cancel")}>{t("cancelPlanned")}</ConfirmSubmitButton>
                  </ActionForm>
                )}
                {m.can.replace && (
                  <ActionForm action={replaceCommuniqueAction.bind(null, locale, c.id)} label={t("replace")} className="space-y-2">
                    <p className="text-slate-700">{t("replaceNote")}</p>
                    <SubmitButton variant="secondary">{t("replace")}</SubmitButton>
                  </ActionForm>
                )}
              </section>
            )}

            {m.figures && (
              <section aria-labelledby="figures" className="rounded border border-slate-300 p-4">
                <h2 id="figures" className="text-xl font-semibold text-qc-navy">{t("figuresTitle")}</h2>
                <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="communique-figures">
                  {(["reached", "emailsSent", "emailsFailed", "emailsQueued", "read", "questions", "answered", "answeredOnTime"] as const).map((k) => (
                    <div key={k} className="rounded bg-slate-50 p-2">
                      <dt className="text-sm text-slate-700">{t(`figures.${k}`)}</dt>
                      <dd className="text-2xl font-semibold tabular-nums" data-testid={`figure-${k}`}>{number(m.figures![k])}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            )}

            {c.status === "sent" && (
              <section aria-labelledby="questions" className="rounded border border-slate-300 p-4">
                <h2 id="questions" className="text-xl font-semibold text-qc-navy">{t("questions", { count: m.questions.length })}</h2>
                {m.questions.length === 0 ? (
                  <p className="mt-2">{t("noQuestion")}</p>
                ) : m.can.answer ? (
                  <ActionForm action={answerQuestionsAction.bind(null, locale, c.id)} label={t("answerTitle")} className="mt-2 space-y-3">
                    <CheckboxGroup
                      name="numbers"
                      legend={t("pickQuestions")}
                      checked={m.questions.filter((q) => !q.answered).map((q) => q.number)}
                      options={m.questions.map((q) => ({
                        value: q.number,
                        label: `${q.number} — ${q.organization_name ?? ""}`,
                        detail: `${formatDateTime(q.received_at.getTime(), locale)} · ${q.answered ? t("answeredLabel") : q.next_due_at ? t("dueAt", { at: formatDateTime(q.next_due_at.getTime(), locale) }) : t("open")}`,
                      }))}
                    />
                    <Field kind="textarea" id="body" name="body" label={t("answer")} hint={t("answerHint")} rows={6} maxLength={5000} />
                    <SubmitButton>{t("answerButton")}</SubmitButton>
                  </ActionForm>
                ) : (
                  <ul className="mt-2 space-y-1" data-testid="question-list">
                    {m.questions.map((q) => (
                      <li key={q.number}>
                        {q.number} — {q.organization_name} · {q.answered ? t("answeredLabel") : t("open")}
                        {q.assignee_name && <> · {t("assignedTo", { name: q.assignee_name })}</>}
                      </li>
                    ))}
                  </ul>
                )}
                {user.role === "agent" && m.questions.length > 0 && (
                  <p className="mt-2 text-sm">
                    {m.questions.map((q, i) => (
                      <span key={q.number}>{i > 0 && " · "}<Link href={`/console/requetes/${q.number}`} className="text-qc-blue underline">{q.number}</Link></span>
                    ))}
                  </p>
                )}
              </section>
            )}
          </aside>
        )}
      </div>
    </>
  );
}
