import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { RequestRecord } from "@/components/console/request-record";
import { formatDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { readConsoleRequest } from "@/server/services/agent-console";
import { managerOf } from "../../gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: number, robots: { index: false } };
}

/**
 * A request as a manager reads it from the dashboard's list or the daily digest: its facts,
 * commitments, thread and history, read-only — personal information stays masked (no reveal here).
 */
export default async function ManagerRequestPage({ params }: Props) {
  const { locale, number } = await params;
  setRequestLocale(locale);
  const { user } = await managerOf(locale);
  const now = await getNow();
  const request = await readConsoleRequest({ user, number, now, readOnly: true }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("Console");
  return (
    <>
      <p>
        <Link href={`/gestion/tableau-de-bord/${request.serviceId}`} className="text-qc-blue underline">
          {t("readOnly.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">
        {request.number} — {request.subject || t("erased")}
        {request.urgent && <span className="ml-3 rounded bg-closed px-2 py-0.5 align-middle text-sm font-semibold text-white">{t("urgent")}</span>}
        {request.waitingReferral && <span className="ml-3 rounded bg-violet-100 px-2 py-0.5 align-middle text-sm font-semibold text-violet-900">{t("secondLevel.waitingBadge")}</span>}
      </h1>
      <p className="mt-2 rounded border-l-4 border-slate-500 bg-slate-100 p-3" data-testid="read-only">
        {t("readOnly.note")}
        {request.waitingReferral &&
          ` ${t("secondLevel.waiting", { name: request.waitingReferral.contact.name, since: formatDateTime(request.waitingReferral.sentAt.getTime(), locale), followUp: formatDateTime(request.waitingReferral.followUpAt.getTime(), locale) })}`}
      </p>
      <div className="mt-4 max-w-6xl">
        <RequestRecord request={request} locale={locale} t={t} />
      </div>
    </>
  );
}
