import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { MessageThread } from "@/components/message-thread";
import { replyExpectation } from "@/domain/requests/reply-expectation";
import { ReplyForm } from "@/components/reply-form";
import { formatDateTime } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";
import { getTrackedRequest } from "@/server/services/track-request";
import { SatisfactionQuestion } from "@/components/satisfaction-question";
import { readSatisfaction } from "@/server/services/satisfaction";
import { answerSatisfactionAction } from "../../avis/actions";
import { replyToRequest } from "./actions";

export const dynamic = "force-dynamic";

// A private link: never indexed, never sent as a referrer.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<{ nouvelle?: string }> };

export default async function TrackingPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  const { nouvelle } = await searchParams;
  setRequestLocale(locale);
  const request = await getTrackedRequest(token, locale);
  if (!request) notFound();
  const t = await getTranslations("Tracking");
  const satisfaction = await readSatisfaction({ tracking: token }).catch(() => null);
  const due = request.targets.find((x) => x.metric === "reply-or-delay-notice") ?? request.targets[0];
  const dueText = due ? formatDateTime(Date.parse(due.dueAt), locale) : "";
  // What is said about the answer now: the promised date after an avis de délai, the date it was
  // given once answered — never the first date once met.
  const expectation = replyExpectation(request.targets, request.status);
  return (
    <>
      {nouvelle === "1" && (
        <section role="status" className="mb-6 rounded-lg border-l-4 border-ok bg-ok-pale p-4" data-testid="confirmation">
          <h2 className="text-xl font-semibold text-ok">{t("receivedTitle")}</h2>
          <p className="mt-1">
            {t.rich("receivedBody", { number: request.number, moment: dueText, nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span> })}
          </p>
          <p className="mt-2 font-semibold">{t("keepLink")}</p>
        </section>
      )}
      <h1 className="text-3xl font-bold text-qc-navy">
        {t.rich("title", { number: request.number, nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span> })}
      </h1>
      <dl className="mt-4 grid max-w-2xl grid-cols-1 gap-x-6 sm:grid-cols-[auto_1fr] sm:gap-y-2" data-testid="request-summary">
        <dt className="mt-2 font-semibold sm:mt-0">{t("subject")}</dt>
        <dd>{request.subject}</dd>
        <dt className="mt-2 font-semibold sm:mt-0">{t("status")}</dt>
        <dd>{t(`statuses.${request.status}` as "statuses.new")}</dd>
        <dt className="mt-2 font-semibold sm:mt-0">{t("receivedAt")}</dt>
        <dd>{formatDateTime(Date.parse(request.receivedAt), locale)}</dd>
        {expectation.kind !== "none" && (
          <>
            <dt className="mt-2 font-semibold sm:mt-0">{t(expectation.kind === "given" ? "answeredAt" : expectation.kind === "promised" ? "promisedAt" : "dueAt")}</dt>
            <dd data-testid="reply-expectation" data-kind={expectation.kind}>
              {formatDateTime(Date.parse(expectation.kind === "given" ? expectation.at : expectation.dueAt), locale)}
            </dd>
          </>
        )}
      </dl>
      {request.mergedInto && (
        <p className="mt-4 max-w-2xl rounded border-l-4 border-qc-blue bg-qc-pale p-3" data-testid="merged-into">
          {t("mergedInto", { number: request.mergedInto })}
        </p>
      )}
      <section className="mt-8" aria-labelledby="echanges">
        <h2 id="echanges" className="text-2xl font-semibold text-qc-navy">{t("thread")}</h2>
        <MessageThread
          messages={request.messages}
          locale={locale}
          labels={{ requester: t("fromYou"), agent: t("fromCentre"), attachments: (await getTranslations("Forms"))("attachments") }}
          attachmentHref={(id) => `/api/v1/tracking/${token}/attachments/${id}`}
        />
      </section>
      {satisfaction && <SatisfactionQuestion locale={locale} number={request.number} state={satisfaction.state} action={answerSatisfactionAction.bind(null, locale, { tracking: token })} />}
      <section className="mt-8" aria-labelledby="repondre">
        <h2 id="repondre" className="text-2xl font-semibold text-qc-navy">{t("replyTitle")}</h2>
        {request.status === "closed" ? (
          <p className="mt-2">{t("closedNote")}</p>
        ) : (
          <ReplyForm action={replyToRequest.bind(null, locale, token)} />
        )}
      </section>
    </>
  );
}
