import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { MessageThread } from "@/components/message-thread";
import { ReplyForm } from "@/components/reply-form";
import { MO_FUNCTION_LABELS, MO_NATURE_LABELS, type MoFunction, type MoNature } from "@/domain/requests/mo-request";
import { formatDateTime } from "@/i18n/format";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { AppError } from "@/server/errors";
import { getMoRequest } from "@/server/services/read-mo-requests";
import { replyAsMo } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; number: string }>; searchParams: Promise<{ nouvelle?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: number, robots: { index: false } };
}

export default async function MoRequestPage({ params, searchParams }: Props) {
  const { locale, number } = await params;
  const { nouvelle } = await searchParams;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  // Another MO's request, or no access: "not found" either way, so numbers cannot be probed.
  const request = await getMoRequest({ user, number }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const t = await getTranslations("MoRequest");
  const tt = await getTranslations("Tracking");
  const firstReply = request.targets.find((x) => x.metric === "first-reply");
  const fn = request.details.function as MoFunction | undefined;
  const nature = request.details.nature as MoNature | undefined;
  return (
    <>
      <p>
        <Link href="/dotation/requetes" className="text-qc-blue underline">
          {t("listTitle")}
        </Link>
      </p>
      {nouvelle === "1" && firstReply && (
        <p role="status" className="mt-4 rounded-lg border-l-4 border-ok bg-ok-pale p-4" data-testid="confirmation">
          {t("created", { number: request.number, moment: formatDateTime(Date.parse(firstReply.dueAt), locale) })}
        </p>
      )}
      <h1 className="mt-3 text-3xl font-bold text-qc-navy">
        <span className="whitespace-nowrap">{request.number}</span> — {request.subject}
      </h1>
      <dl className="mt-4 grid max-w-2xl grid-cols-1 gap-x-6 sm:grid-cols-[auto_1fr] sm:gap-y-2">
        <dt className="mt-2 font-semibold sm:mt-0">{t("status")}</dt>
        <dd>
          {tt(`statuses.${request.status}` as "statuses.new")}
          {request.urgent && <span className="ml-2 rounded bg-closed px-2 py-0.5 text-xs font-semibold text-white">{t("urgentBadge")}</span>}
        </dd>
        {fn && (
          <>
            <dt className="mt-2 font-semibold sm:mt-0">{t("function")}</dt>
            <dd>{MO_FUNCTION_LABELS[fn]?.[locale] ?? fn}</dd>
          </>
        )}
        {nature && (
          <>
            <dt className="mt-2 font-semibold sm:mt-0">{t("nature")}</dt>
            <dd>{MO_NATURE_LABELS[nature]?.[locale] ?? nature}</dd>
          </>
        )}
        <dt className="mt-2 font-semibold sm:mt-0">{t("receivedAt")}</dt>
        <dd>{formatDateTime(Date.parse(request.receivedAt), locale)}</dd>
        {firstReply && (
          <>
            <dt className="mt-2 font-semibold sm:mt-0">{t("dueAt")}</dt>
            <dd>{formatDateTime(Date.parse(firstReply.dueAt), locale)}</dd>
          </>
        )}
      </dl>
      <section className="mt-8" aria-labelledby="echanges">
        <h2 id="echanges" className="text-2xl font-semibold text-qc-navy">{t("thread")}</h2>
        <MessageThread messages={request.messages} locale={locale} labels={{ requester: t("fromYou"), agent: t("fromCentre") }} />
      </section>
      {request.status !== "closed" && (
        <section className="mt-8" aria-labelledby="repondre">
          <h2 id="repondre" className="text-2xl font-semibold text-qc-navy">{t("reply")}</h2>
          <ReplyForm action={replyAsMo.bind(null, locale, request.number)} />
        </section>
      )}
    </>
  );
}
