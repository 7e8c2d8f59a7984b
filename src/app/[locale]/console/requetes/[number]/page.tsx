import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { ConfirmSubmitButton } from "@/components/console/confirm-submit";
import { RequestRecord, Section } from "@/components/console/request-record";
import { proposeGuideAction } from "@/app/[locale]/gestion/guides/actions";
import { ConsoleReplyForm } from "@/components/console/reply-form";
import { Shortcuts } from "@/components/console/shortcuts";
import { Viewers } from "@/components/console/viewers";
import { formatDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { readConsoleRequest, readQueueBeside } from "@/server/services/agent-console";
import { QueueBeside } from "@/components/console/queue-beside";
import { IDENTITY_METHODS, queueQueryOf, queueViewParams, REQUEST_STATUS_VALUES } from "@/schemas/console";
import {
  heartbeatAction,
  identifySenderAction,
  identityAction,
  forwardAction,
  mergeAction,
  noteAction,
  reassignAction,
  replyAction,
  reviewAction,
  revealBirthAction,
  revealRequesterAction,
  statusAction,
  secondLevelAnswerAction,
  takeInChargeAction,
  withdrawReferralAction,
} from "../../actions";
import { consoleAgent } from "../../gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: number, robots: { index: false } };
}

export default async function ConsoleRequestPage({ params, searchParams }: Props) {
  const { locale, number } = await params;
  // The queue view the request was opened from (none: « Mes requêtes », as the queue opens).
  const queueQuery = queueQueryOf(await searchParams);
  const view = queueViewParams(queueQuery);
  setRequestLocale(locale);
  const agent = await consoleAgent(locale);
  const now = await getNow();
  const request = await readConsoleRequest({ user: agent, number, now }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("Console");
  const tguides = await getTranslations("Guides");
  const beside = await readQueueBeside({ user: agent, serviceId: request.serviceId, query: queueQuery, now });
  const queueHref = `/console/${request.serviceId}?${view}`;
  const closed = request.status === "closed";
  const identityPending = request.nominative && !request.identityValidatedAt;
  const bind = <A extends unknown[], R>(fn: (locale: Locale, number: string, ...rest: A) => R) => fn.bind(null, locale, number) as (...rest: A) => R;
  const version = request.version;
  return (
    <>
      <AutoRefresh everyMs={30_000} />
      <Shortcuts
        title={t("shortcuts")}
        closeLabel={t("close")}
        shortcuts={[
          { key: "p", label: t("keys.take"), click: "#take-in-charge" },
          { key: "r", label: t("keys.reply"), focus: "#reply-body" },
          { key: "n", label: t("keys.note"), focus: "#note-body" },
          { key: "s", label: t("keys.statusKey"), focus: "#status" },
          { key: "i", label: t("keys.identity"), focus: "#method" },
          { key: "g", label: t("keys.queue"), href: `/${locale}${queueHref}` },
        ]}
      />
      <div className="2xl:grid 2xl:grid-cols-[22rem_minmax(0,1fr)] 2xl:gap-6">
      <QueueBeside items={beside} current={request.number} view={view} queueHref={queueHref} locale={locale} t={t} />
      <div>
      <p>
        <Link href={queueHref} className="text-qc-blue underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">
        {request.number} — {request.subject || t("erased")}
        {request.urgent && <span className="ml-3 rounded bg-closed px-2 py-0.5 align-middle text-sm font-semibold text-white">{t("urgent")}</span>}
        {request.waitingReferral && (
          <span className="ml-3 rounded bg-violet-100 px-2 py-0.5 align-middle text-sm font-semibold text-violet-900" data-testid="second-level-badge">
            {t("secondLevel.waitingBadge")}
          </span>
        )}
        {request.pendingReview && (
          <span className="ml-3 rounded bg-sky-100 px-2 py-0.5 align-middle text-sm font-semibold text-sky-900" data-testid="review-badge">
            {t("review.pendingBadge")}
          </span>
        )}
        {request.lateNotice && (
          <span className="ml-3 rounded bg-amber-100 px-2 py-0.5 align-middle text-sm font-semibold text-amber-900" data-testid="late-notice">
            {t("lateNotice")}
          </span>
        )}
      </h1>
      <Viewers heartbeat={bind(heartbeatAction)} template={t("request.viewing", { names: "{names}" })} />
      {request.mergedInto && (
        <p className="mt-3 rounded border-l-4 border-slate-500 bg-slate-100 p-3" data-testid="merged-into">
          {t("request.mergedInto", { number: request.mergedInto })}{" "}
          <Link href={`/console/requetes/${request.mergedInto}`} className="font-semibold text-qc-blue underline">{request.mergedInto}</Link>
        </p>
      )}
      {request.emailFailedAt && (
        <p role="alert" className="mt-3 rounded border-l-4 border-closed bg-red-50 p-3 text-red-900" data-testid="email-failed">
          {t("request.emailFailed", { at: formatDateTime(request.emailFailedAt.getTime(), locale), reason: request.emailFailure ?? "—" })}
        </p>
      )}
      {request.mergedFrom.length > 0 && <p className="mt-3" data-testid="merged-from">{t("request.mergedFrom", { numbers: request.mergedFrom.join(", ") })}</p>}

      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <RequestRecord
          request={request}
          locale={locale}
          t={t}
          reveal={{ requester: bind(revealRequesterAction), birth: bind(revealBirthAction) }}
          propose={{ action: (messageId) => proposeGuideAction.bind(null, locale, request.number, messageId), label: tguides("propose.button"), hint: tguides("propose.hint") }}
        />

        <div>
          {closed ? (
            <p className="rounded border-l-4 border-slate-500 bg-slate-100 p-3">{t("request.closed")}</p>
          ) : (
            <>
              {request.nominative && (
                <Section title={t("actions.identity")} id="identity">
                  {request.identityValidatedAt ? (
                    <p className="rounded border-l-4 border-ok bg-ok-pale p-3" data-testid="identity-done">
                      {t("actions.identityDone", { at: formatDateTime(request.identityValidatedAt.getTime(), locale) })}
                    </p>
                  ) : (
                    <ActionForm action={bind(identityAction)}>
                      <p className="rounded border-l-4 border-amber-700 bg-amber-100 p-3 text-amber-900">{t("actions.identityNeeded")}</p>
                      <input type="hidden" name="expectedVersion" value={version} />
                      <Field kind="select" name="method" label={t("actions.identityMethod")} options={[{ value: "", label: "—" }, ...IDENTITY_METHODS.map((m) => ({ value: m, label: t(`actions.methods.${m}`) }))]} />
                      <Field kind="input" name="note" label={t("actions.identityNote")} required={false} />
                      <SubmitButton>{t("actions.validate")}</SubmitButton>
                    </ActionForm>
                  )}
                </Section>
              )}
              {(request.senderStatus === "unknown" || request.senderStatus === "unverified") && (
                <Section title={t("actions.identifySender")} id="identify-sender">
                  <ActionForm action={bind(identifySenderAction)}>
                    <p className="text-sm">{t("actions.identifySenderHint")}</p>
                    <input type="hidden" name="expectedVersion" value={version} />
                    <Field kind="input" name="email" label={t("actions.identifySenderEmail")} />
                    <SubmitButton variant="secondary">{t("actions.identifySenderButton")}</SubmitButton>
                  </ActionForm>
                </Section>
              )}
              {!request.assignedToMe && (
                <Section title={t("actions.take")} id="take">
                  <ActionForm action={bind(takeInChargeAction)}>
                    <p className="text-sm">{t("actions.takeHint")}</p>
                    <input type="hidden" name="expectedVersion" value={version} />
                    <SubmitButton id="take-in-charge">{t("actions.take")}</SubmitButton>
                  </ActionForm>
                </Section>
              )}
              {request.pendingReview && (
                <Section title={t("review.title")} id="review">
                  <p className="text-sm" data-testid="review-pending">
                    {t("review.pendingBy", { name: request.pendingReview.author?.name ?? "—", at: formatDateTime(request.pendingReview.submittedAt.getTime(), locale) })}
                  </p>
                  {request.canReview ? (
                    <ActionForm action={bind(reviewAction)}>
                      <input type="hidden" name="expectedVersion" value={version} />
                      <Field kind="textarea" name="comment" label={t("review.comment")} hint={t("review.commentHint")} rows={3} required={false} />
                      <div className="flex flex-wrap gap-3">
                        <SubmitButton name="decision" value="approved">{t("review.approve")}</SubmitButton>
                        <SubmitButton name="decision" value="returned" variant="secondary">{t("review.return")}</SubmitButton>
                      </div>
                    </ActionForm>
                  ) : (
                    <p className="mt-2 rounded border-l-4 border-sky-700 bg-sky-50 p-3 text-sm">{t("review.notYours")}</p>
                  )}
                </Section>
              )}
              <Section title={t("actions.reply")} id="reply">
                <ConsoleReplyForm
                  action={bind(replyAction)}
                  version={version}
                  identityPending={identityPending}
                  number={request.number}
                  serviceId={request.serviceId}
                  canned={request.canned.map((c) => ({ id: c.id, kind: c.kind, title: c.title[locale], body: c.body[request.language === "en" ? "en" : "fr"] }))}
                />
              </Section>
              <Section title={t("secondLevel.title")} id="second-level">
                {request.waitingReferral ? (
                  <>
                    <p className="rounded border-l-4 border-violet-700 bg-violet-50 p-3 text-sm" data-testid="second-level-waiting">
                      {t("secondLevel.waiting", {
                        name: request.waitingReferral.contact.name,
                        since: formatDateTime(request.waitingReferral.sentAt.getTime(), locale),
                        followUp: formatDateTime(request.waitingReferral.followUpAt.getTime(), locale),
                      })}
                    </p>
                    <ActionForm action={bind(secondLevelAnswerAction)}>
                      <input type="hidden" name="expectedVersion" value={version} />
                      <Field kind="textarea" id="second-level-answer" name="body" label={t("secondLevel.answer")} hint={t("secondLevel.answerHint")} rows={3} />
                      <SubmitButton variant="secondary">{t("secondLevel.record")}</SubmitButton>
                    </ActionForm>
                    <ActionForm action={bind(withdrawReferralAction)}>
                      <input type="hidden" name="expectedVersion" value={version} />
                      <ConfirmSubmitButton variant="secondary" question={t("secondLevel.withdrawQuestion")} confirm={t("actions.confirm")} cancel={t("actions.cancel")}>
                        {t("secondLevel.withdraw")}
                      </ConfirmSubmitButton>
                    </ActionForm>
                  </>
                ) : request.contacts.length === 0 ? (
                  <p className="text-sm">{t("secondLevel.noContacts")}</p>
                ) : (
                  <ActionForm action={bind(forwardAction)}>
                    <p className="text-sm">{t("secondLevel.hint")}</p>
                    <input type="hidden" name="expectedVersion" value={version} />
                    <Field
                      kind="select"
                      name="contactId"
                      label={t("secondLevel.contact")}
                      options={[{ value: "", label: "—" }, ...request.contacts.map((c) => ({ value: c.id, label: c.role ? `${c.name} — ${c.role}` : c.name }))]}
                    />
                    <Field kind="textarea" id="second-level-note" name="note" label={t("secondLevel.note")} hint={t("secondLevel.noteHint")} rows={4} />
                    <Field kind="input" type="date" name="followUpDate" label={t("secondLevel.followUp")} hint={t("secondLevel.followUpHint")} defaultValue={request.followUpDate} />
                    <SubmitButton variant="secondary">{t("secondLevel.forward")}</SubmitButton>
                  </ActionForm>
                )}
              </Section>
              <Section title={t("actions.note")} id="note">
                <ActionForm action={bind(noteAction)}>
                  <input type="hidden" name="expectedVersion" value={version} />
                  <Field kind="textarea" id="note-body" name="body" label={t("actions.note")} hint={t("actions.noteHint")} rows={3} />
                  <SubmitButton variant="secondary">{t("actions.addNote")}</SubmitButton>
                </ActionForm>
              </Section>
              <Section title={t("actions.status")} id="status-section">
                <ActionForm action={bind(statusAction)}>
                  <input type="hidden" name="expectedVersion" value={version} />
                  <Field kind="select" name="status" label={t("actions.status")} defaultValue={request.status} options={REQUEST_STATUS_VALUES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
                  <SubmitButton variant="secondary">{t("actions.changeStatus")}</SubmitButton>
                </ActionForm>
              </Section>
              <Section title={t("actions.reassign")} id="reassign">
                <ActionForm action={bind(reassignAction)}>
                  <input type="hidden" name="expectedVersion" value={version} />
                  <Field kind="select" name="assigneeId" label={t("actions.reassignTo")} defaultValue={request.assignee?.id ?? ""} options={[{ value: "", label: t("nobody") }, ...request.agents.map((a) => ({ value: a.id, label: a.name }))]} />
                  <SubmitButton variant="secondary">{t("actions.reassignButton")}</SubmitButton>
                </ActionForm>
              </Section>
              <Section title={t("actions.merge")} id="merge">
                <ActionForm action={bind(mergeAction)}>
                  <p className="text-sm">{t("actions.mergeHint")}</p>
                  <input type="hidden" name="expectedVersion" value={version} />
                  <Field kind="input" name="into" label={t("actions.mergeInto")} />
                  <ConfirmSubmitButton variant="secondary" question={t("actions.mergeQuestion")} confirm={t("actions.confirm")} cancel={t("actions.cancel")}>
                    {t("actions.mergeButton")}
                  </ConfirmSubmitButton>
                </ActionForm>
              </Section>
            </>
          )}
        </div>
      </div>
      </div>
      </div>
    </>
  );
}
