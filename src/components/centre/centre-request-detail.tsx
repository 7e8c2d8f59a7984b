import { getTranslations } from "next-intl/server";
import { CENTRE_UI } from "@/components/centre/centre-ui";
import { requestTypeLabel } from "@/components/centre/centre-request-list";
import { MessageThread } from "@/components/message-thread";
import { ReplyForm, type ReplyFormState } from "@/components/reply-form";
import { MO_FUNCTION_LABELS, type MoCentre, type MoFunction } from "@/domain/requests/mo-request";
import { formatIsoDate, SAGIR_FIELD_LABELS, sagirDetailFacts, type Fact } from "@/domain/requests/sagir-request";
import { formatDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import type { MoRequestDetail } from "@/server/services/read-mo-requests";

type Props = {
  locale: Locale;
  centre: MoCentre;
  request: MoRequestDetail;
  justCreated: boolean;
  replyAction: (state: ReplyFormState, form: FormData) => Promise<ReplyFormState>;
};

function factsOf(centre: MoCentre, request: MoRequestDetail, locale: Locale, functionLabel: string): Fact[] {
  if (centre === "sagir") return sagirDetailFacts(request.type, request.details, locale);
  const fn = request.details.function as MoFunction | undefined;
  return fn ? [{ name: "function", label: functionLabel, value: MO_FUNCTION_LABELS[fn]?.[locale] ?? fn }] : [];
}

/** One of the MO's requests: what was sent, its commitment, the thread and a reply form. */
export async function CentreRequestDetail({ locale, centre, request, justCreated, replyAction }: Props) {
  const ui = CENTRE_UI[centre];
  const t = await getTranslations("MoRequest");
  const tc = await getTranslations(ui.ns);
  const tt = await getTranslations("Tracking");
  const ts = await getTranslations("Sagir");
  const target = request.targets.find((x) => x.metAt === null) ?? request.targets[0];
  const contactPhone = typeof request.details.contactPhone === "string" ? request.details.contactPhone : null;
  const lateNotice = request.type === "departure" && request.details.lateNotice === true;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <>
      <dt className="mt-2 font-semibold sm:mt-0">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <>
      <p>
        <Link href={ui.list} className="text-qc-blue underline">
          {tc("listTitle")}
        </Link>
      </p>
      {justCreated && target && (
        <p role="status" className="mt-4 rounded-lg border-l-4 border-ok bg-ok-pale p-4" data-testid="confirmation">
          {tc("created", { number: request.number, moment: formatDateTime(Date.parse(target.dueAt), locale) })}
        </p>
      )}
      {lateNotice && (
        <p className="mt-4 rounded-lg border-l-4 border-closed bg-closed-pale p-4" data-testid="late-notice">
          <strong>{ts("lateNoticeBadge")}</strong> —{" "}
          {ts("lateNoticeDetail", {
            entry: formatIsoDate(String(request.details.sagirEntryDate), locale),
            earliest: formatIsoDate(String(request.details.earliestOnTimeEntryDate), locale),
          })}
        </p>
      )}
      <h1 className="mt-3 text-3xl font-bold text-qc-navy">
        <span className="whitespace-nowrap">{request.number}</span> — {request.subject || t("erased")}
      </h1>
      <dl className="mt-4 grid max-w-3xl grid-cols-1 gap-x-6 sm:grid-cols-[auto_1fr] sm:gap-y-2" data-testid="request-facts">
        {row(
          t("status"),
          <>
            {tt(`statuses.${request.status}` as "statuses.new")}
            {request.urgent && <span className="ml-2 rounded bg-closed px-2 py-0.5 text-xs font-semibold text-white">{t("urgentBadge")}</span>}
          </>,
        )}
        {row(t("type"), requestTypeLabel(centre, request.type, locale))}
        {factsOf(centre, request, locale, t("function")).map((f) => (
          <div key={f.name} className="contents">
            {row(f.label, <span className="whitespace-pre-line">{f.value}</span>)}
          </div>
        ))}
        {request.type === "departure" &&
          centre === "sagir" &&
          row(SAGIR_FIELD_LABELS.birth![locale], request.status === "closed" ? ts("birthErased") : ts("birthMasked"), "birth-masked")}
        {contactPhone && row(t("contactPhone"), contactPhone)}
        {row(t("receivedAt"), formatDateTime(Date.parse(request.receivedAt), locale))}
        {target && row(tc("dueAt"), formatDateTime(Date.parse(target.dueAt), locale))}
      </dl>
      <section className="mt-8" aria-labelledby="echanges">
        <h2 id="echanges" className="text-2xl font-semibold text-qc-navy">{t("thread")}</h2>
        <MessageThread
          messages={request.messages}
          locale={locale}
          labels={{ requester: t("fromYou"), agent: tc("fromCentre"), attachments: (await getTranslations("Forms"))("attachments") }}
          attachmentHref={(id) => `/api/v1/attachments/${id}`}
        />
      </section>
      {request.status !== "closed" && (
        <section className="mt-8" aria-labelledby="repondre">
          <h2 id="repondre" className="text-2xl font-semibold text-qc-navy">{t("reply")}</h2>
          <ReplyForm action={replyAction} />
        </section>
      )}
    </>
  );
}
