// The record of a request — its facts, targets, thread (with the second level's exchange and the
// answers held for review) and history — as the agent's page and the managers' read-only view show it.
import type { getTranslations } from "next-intl/server";
import { AttachmentList } from "@/components/attachment-list";
import { ActionForm, SubmitButton, type ConsoleFormState } from "@/components/console/action-form";
import { Reveal } from "@/components/console/reveal";
import { TimeLeftBadge } from "@/components/console/time-left-badge";
import { AUDIENCE_LABELS, CHANNEL_LABELS } from "@/domain/catalogue/default-catalogue";
import { sagirDetailFacts } from "@/domain/requests/sagir-request";
import { formatDateTime, formatIsoDate } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";
import { messageText } from "@/i18n/system-messages";
import type { ConsoleRequest } from "@/server/services/agent-console";
import type { RevealState } from "@/app/[locale]/console/actions";
import { requestTypeText } from "@/app/[locale]/console/labels";

type T = Awaited<ReturnType<typeof getTranslations<"Console">>>;
type Message = ConsoleRequest["messages"][number];

export function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section aria-labelledby={`${id ?? title}-h`} className="mt-6 rounded border border-slate-300 p-4">
      <h2 id={`${id ?? title}-h`} className="text-xl font-bold text-qc-navy">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function messageHeading(m: Message, t: T): string {
  if (m.replyKind === "second_level_forward") return t("secondLevel.forwardHeading");
  if (m.replyKind === "second_level_answer") return m.authorKind === "second_level" ? t("secondLevel.answerByEmail") : t("secondLevel.answerTyped");
  if (m.visibility === "review") return t("review.heldHeading");
  if (m.visibility === "returned") return t("review.returnedHeading");
  if (m.visibility === "internal") return t("request.internal");
  return m.replyKind ? t(`replyKinds.${m.replyKind}` as "replyKinds.answer") : t("request.requester");
}

export function RequestRecord({
  request,
  locale,
  t,
  reveal,
  propose,
}: {
  request: ConsoleRequest;
  locale: Locale;
  t: T;
  /** The agent's audited reveal of masked personal information (none in the read-only view). */
  reveal?: { requester: () => Promise<RevealState>; birth: () => Promise<RevealState> };
  /** « Proposer comme guide » on the agents' public answers (the console only). */
  propose?: { action: (messageId: string) => (state: ConsoleFormState, form: FormData) => Promise<ConsoleFormState>; label: string; hint: string };
}) {
  const identityPending = request.nominative && !request.identityValidatedAt;
  const facts = request.serviceId === "sagir" ? sagirDetailFacts(request.type, request.details as Record<string, unknown>, locale) : [];
  const reviewOf = (messageId: string) => request.reviews.find((r) => r.messageId === messageId && r.decision === "returned");
  const fact = (label: string, value: React.ReactNode) => (
    <div className="contents">
      <dt className="font-semibold">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div>
          {request.erasedAt && (
            <p className="mb-3 rounded border-l-4 border-slate-500 bg-slate-100 p-3" data-testid="erased">
              {t("erasedNote", { at: formatDateTime(request.erasedAt.getTime(), locale) })}
            </p>
          )}
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
                  {!identityPending && reveal && <Reveal reveal={reveal.requester} button={t("request.reveal")} render="requester" />}
                </span>
              ) : (
                "—"
              ),
            )}
            {request.senderStatus && fact(t("request.sender"), <span data-testid="sender-status" className={request.senderStatus === "verified" ? "" : "font-semibold text-amber-900"}>{t(`request.senderStatus.${request.senderStatus}` as "request.senderStatus.unknown")}</span>)}
            {request.channel === "email" && fact(t("request.language"), t(`request.languages.${request.language === "en" ? "en" : "fr"}`))}
            {request.hasPersonalData && reveal && fact(t("request.birth"), <Reveal reveal={reveal.birth} button={t("request.revealBirth")} render="birth" />)}
            {facts.map((f) => fact(f.label, f.value))}
          </dl>
          {request.hasGuestRequester && reveal && <p className="mt-1 text-sm text-slate-700">{t("request.revealNote")}</p>}

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
                <li key={m.id} data-visibility={m.visibility} className={`rounded border p-3 ${m.visibility === "public" ? (m.authorKind === "agent" ? "border-qc-blue bg-qc-pale" : "border-slate-300") : m.visibility === "review" || m.visibility === "returned" ? "border-dashed border-qc-navy bg-white" : "border-amber-700 bg-amber-50"}`}>
                  <p className="text-sm text-slate-700">
                    {messageHeading(m, t)}
                    {m.authorName ? ` · ${m.authorName}` : ""} · {formatDateTime(m.at.getTime(), locale)}
                    {m.from ? ` · ${t("request.fromMerged", { number: m.from })}` : ""}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{messageText(m, m.from ?? request.number, locale) || (request.erasedAt ? t("erased") : "")}</p>
                  {reviewOf(m.id)?.comment && (
                    <p className="mt-2 border-l-4 border-closed pl-3 text-sm" data-testid="review-comment">
                      {t("review.returnedBy", { name: reviewOf(m.id)?.reviewer?.name ?? "—" })} {reviewOf(m.id)!.comment}
                    </p>
                  )}
                  {m.quoted && (
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer text-slate-700">{t("request.quoted")}</summary>
                      <p className="mt-1 whitespace-pre-line border-l-2 border-slate-300 pl-3 text-slate-700">{m.quoted}</p>
                    </details>
                  )}
                  <AttachmentList files={m.attachments} hrefOf={(id) => `/api/v1/attachments/${id}`} label={t("request.attachments")} locale={locale} />
                  {propose && m.visibility === "public" && m.authorKind === "agent" && m.replyKind === "answer" && !m.systemKind && m.body.length >= 20 && (
                    <ActionForm action={propose.action(m.id)} label={propose.label} className="mt-2">
                      <p className="sr-only">{propose.hint}</p>
                      <SubmitButton size="small" variant="secondary">{propose.label}</SubmitButton>
                    </ActionForm>
                  )}
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
                  {e.kind.startsWith("second_level_") && (e.data as { contact?: string })?.contact ? ` · ${(e.data as { contact: string }).contact}` : ""}
                  {e.kind === "attachments_refused" ? ` · ${((e.data as { files?: { name: string }[] })?.files ?? []).map((f) => f.name).join(", ")}` : ""}
                  {e.kind === "public_reply" && (e.data as { promisedDate?: string })?.promisedDate
                    ? ` · ${t("request.promise", { date: formatIsoDate((e.data as { promisedDate: string }).promisedDate, locale) })}`
                    : ""}
                </li>
              ))}
            </ol>
          </Section>
            </div>
  );
}
