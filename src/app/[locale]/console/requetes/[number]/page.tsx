import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AttachmentList } from "@/components/attachment-list";
import { AutoRefresh } from "@/components/auto-refresh";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { ConfirmSubmitButton } from "@/components/console/confirm-submit";
import { ConsoleReplyForm } from "@/components/console/reply-form";
import { Reveal } from "@/components/console/reveal";
import { Shortcuts } from "@/components/console/shortcuts";
import { TimeLeftBadge } from "@/components/console/time-left-badge";
import { Viewers } from "@/components/console/viewers";
import { AUDIENCE_LABELS, CHANNEL_LABELS } from "@/domain/catalogue/default-catalogue";
import { sagirDetailFacts } from "@/domain/requests/sagir-request";
import { formatDateTime, formatIsoDate } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import { messageText } from "@/i18n/system-messages";
import type { Locale } from "@/i18n/routing";
import { IDENTITY_METHODS, REQUEST_STATUS_VALUES } from "@/schemas/console";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { readConsoleRequest } from "@/server/services/agent-console";
import {
  heartbeatAction,
  identifySenderAction,
  identityAction,
  mergeAction,
  noteAction,
  reassignAction,
  replyAction,
  revealBirthAction,
  revealRequesterAction,
  statusAction,
  takeInChargeAction,
} from "../../actions";
import { consoleAgent } from "../../gate";
import { requestTypeText } from "../../labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: number, robots: { index: false } };
}

function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section aria-labelledby={`${id ?? title}-h`} className="mt-6 rounded border border-slate-300 p-4">
      <h2 id={`${id ?? title}-h`} className="text-xl font-bold text-qc-navy">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

export default async function ConsoleRequestPage({ params }: Props) {
  const { locale, number } = await params;
  setRequestLocale(locale);
  const agent = await consoleAgent(locale);
  const now = await getNow();
  const request = await readConsoleRequest({ user: agent, number, now }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("Console");
  const closed = request.status === "closed";
  const identityPending = request.nominative && !request.identityValidatedAt;
  const bind = <A extends unknown[], R>(fn: (locale: Locale, number: string, ...rest: A) => R) => fn.bind(null, locale, number) as (...rest: A) => R;
  const version = request.version;
  const facts = request.serviceId === "sagir" ? sagirDetailFacts(request.type, request.details as Record<string, unknown>, locale) : [];
  const fact = (label: string, value: React.ReactNode) => (
    <div className="contents">
      <dt className="font-semibold">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
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
          { key: "g", label: t("keys.queue"), href: `/${locale}/console/${request.serviceId}` },
        ]}
      />
      <p>
        <Link href={`/console/${request.serviceId}`} className="text-qc-blue underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">
        {request.number} — {request.subject}
        {request.urgent && <span className="ml-3 rounded bg-closed px-2 py-0.5 align-middle text-sm font-semibold text-white">{t("urgent")}</span>}
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
        <div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="request-facts">
            {fact(t("request.status"), <span data-testid="status">{t(`statuses.${request.status}` as "statuses.new")}</span>)}
            {fact(t("request.received"), formatDateTime(request.receivedAt.getTime(), locale))}
            {fact(t("request.channel"), CHANNEL_LABELS[request.channel]?.[locale] ?? request.channel)}
            {fact(t("request.audience"), AUDIENCE_LABELS[request.audienceId]?.[locale] ?? request.audienceId)}
            {fact(t("request.type"), requestTypeText(request.serviceId, request.type, locale))}
            {request.organizationName && fact(t("request.organization"), request.organizationName)}
            {fact(t("request.assignee"), <span data-testid="assignee">{request.assignedToMe ? `${request.assignee!.name} (${t("me")})` : (request.assignee?.name ?? t("nobody"))}</span>)}
            {fact(
              t("request.requester"),
              request.requesterUser ? (
                t("request.userRequester", { name: request.requesterUser.name })
              ) : request.hasGuestRequester ? (
                <span className="flex flex-wrap items-center gap-2">
                  <span data-testid="requester-masked">{[request.requesterMasked.name, request.requesterMasked.email].filter(Boolean).join(" — ")}</span>
                  {!identityPending && <Reveal reveal={bind(revealRequesterAction)} button={t("request.reveal")} render="requester" />}
                </span>
              ) : (
                "—"
              ),
            )}
            {request.senderStatus && fact(t("request.sender"), <span data-testid="sender-status" className={request.senderStatus === "verified" ? "" : "font-semibold text-amber-900"}>{t(`request.senderStatus.${request.senderStatus}` as "request.senderStatus.unknown")}</span>)}
            {request.channel === "email" && fact(t("request.language"), t(`request.languages.${request.language === "en" ? "en" : "fr"}`))}
            {request.hasPersonalData && fact(t("request.birth"), <Reveal reveal={bind(revealBirthAction)} button={t("request.revealBirth")} render="birth" />)}
            {facts.map((f) => fact(f.label, f.value))}
          </dl>
          {request.hasGuestRequester && <p className="mt-1 text-sm text-slate-700">{t("request.revealNote")}</p>}

          <Section title={t("request.targets")} id="targets">
            <table className="w-full border-collapse text-left" data-testid="targets">
              <thead>
                <tr className="border-b border-qc-navy">
                  <th scope="col" className="py-1 pr-3">{t("request.target")}</th>
                  <th scope="col" className="py-1 pr-3">{t("request.due")}</th>
                  <th scope="col" className="py-1">{t("request.state")}</th>
                </tr>
              </thead>
              <tbody>
                {request.targets.map((target) => (
                  <tr key={target.targetId} className="border-b border-slate-200" data-target={target.targetId}>
                    <td className="py-1 pr-3">{t(`metrics.${target.metric}` as "metrics.answer")}</td>
                    <td className="py-1 pr-3">{formatDateTime(target.dueAt, locale)}</td>
                    <td className="py-1">
                      <TimeLeftBadge badge={target.badge} locale={locale} dueLabel={t("request.due")} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>

          <Section title={t("request.thread")} id="thread">
            <ol className="space-y-3" data-testid="thread">
              {request.messages.map((m) => (
                <li key={m.id} className={`rounded border p-3 ${m.visibility === "internal" ? "border-amber-700 bg-amber-50" : m.authorKind === "agent" ? "border-qc-blue bg-qc-pale" : "border-slate-300"}`}>
                  <p className="text-sm text-slate-700">
                    {m.visibility === "internal" ? t("request.internal") : m.replyKind ? t(`replyKinds.${m.replyKind}` as "replyKinds.answer") : t("request.requester")}
                    {m.authorName ? ` · ${m.authorName}` : ""} · {formatDateTime(m.at.getTime(), locale)}
                    {m.from ? ` · ${t("request.fromMerged", { number: m.from })}` : ""}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{messageText(m, m.from ?? request.number, locale)}</p>
                  {m.quoted && (
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer text-slate-700">{t("request.quoted")}</summary>
                      <p className="mt-1 whitespace-pre-line border-l-2 border-slate-300 pl-3 text-slate-700">{m.quoted}</p>
                    </details>
                  )}
                  <AttachmentList files={m.attachments} hrefOf={(id) => `/api/v1/attachments/${id}`} label={t("request.attachments")} locale={locale} />
                </li>
              ))}
            </ol>
          </Section>

          <Section title={t("request.timeline")} id="timeline">
            <ol className="space-y-1" data-testid="timeline">
              {request.timeline.map((e, i) => (
                <li key={i}>
                  <span className="text-slate-700">{formatDateTime(e.at.getTime(), locale)}</span> — {t(`events.${e.kind}` as "events.received")}
                  {e.actorName ? ` (${e.actorName})` : ""}
                  {e.from ? ` · ${t("request.fromMerged", { number: e.from })}` : ""}
                  {e.kind === "attachments_refused" ? ` · ${((e.data as { files?: { name: string }[] })?.files ?? []).map((f) => f.name).join(", ")}` : ""}
                  {e.kind === "public_reply" && (e.data as { promisedDate?: string })?.promisedDate
                    ? ` · ${t("request.promise", { date: formatIsoDate((e.data as { promisedDate: string }).promisedDate, locale) })}`
                    : ""}
                </li>
              ))}
            </ol>
          </Section>
        </div>

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
              <Section title={t("actions.reply")} id="reply">
                <ConsoleReplyForm
                  action={bind(replyAction)}
                  version={version}
                  identityPending={identityPending}
                  number={request.number}
                  canned={request.canned.map((c) => ({ id: c.id, kind: c.kind, title: c.title[locale], body: c.body[request.language === "en" ? "en" : "fr"] }))}
                />
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
    </>
  );
}
