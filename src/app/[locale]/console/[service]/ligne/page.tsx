import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { AUDIENCE_LABELS } from "@/domain/catalogue/default-catalogue";
import { clockDuration, spokenDuration } from "@/domain/telephony/duration";
import { formatTime } from "@/i18n/format";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { readWallboard, type LineBoard } from "@/server/services/call-events";
import { getCatalogue } from "@/server/services/get-catalogue";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Wallboard" }))("metaTitle"), robots: { index: false } };
}

/** How near the longest wait is to the line's target: under 60 %, from 60 %, past it. */
function waitState(board: LineBoard): "ok" | "near" | "late" | null {
  if (board.longestWaitSeconds === null || board.targetMinutes === null) return null;
  const share = board.longestWaitSeconds / (board.targetMinutes * 60);
  return share > 1 ? "late" : share >= 0.6 ? "near" : "ok";
}

const WAIT_CLASS = { ok: "border-ok bg-ok-pale", near: "border-amber-700 bg-amber-100", late: "border-closed bg-closed-pale" } as const;

/** `3:05` on the wall (read across a room); `3 min 05 s` for a screen reader. */
const duration = (seconds: number) => ({ shown: clockDuration(seconds), spoken: spokenDuration(seconds) });

/**
 * The wall screen of a service's phone lines: calls waiting now, the longest wait against the
 * target, today's answered and abandoned calls, the share answered in time, agents on a call —
 * from the telephone system's events, refreshed every 5 seconds, readable across a room.
 */
export default async function WallboardPage({ params }: Props) {
  const { locale, service } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const now = await getNow();
  let boards: LineBoard[];
  try {
    boards = await readWallboard({ user, serviceId: service, now });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [t, { profiles }] = await Promise.all([getTranslations("Wallboard"), getCatalogue()]);
  const serviceName = profiles.find((p) => p.serviceId === service)?.shortName[locale] ?? service;
  return (
    <>
      <AutoRefresh everyMs={5_000} />
      <h1 className="text-3xl font-bold text-qc-navy">{t("title", { service: serviceName })}</h1>
      <p className="mt-1 text-slate-700" role="status" data-testid="wallboard-updated">
        {t("updated", { time: formatTime(now.getTime(), locale) })}
      </p>
      {boards.map((board) => {
        const state = waitState(board);
        return (
          <section key={board.lineId} className="mt-6" aria-labelledby={`ligne-${board.lineId}`} data-testid={`line-${board.lineId}`}>
            <h2 id={`ligne-${board.lineId}`} className="text-2xl font-semibold text-qc-navy">
              {AUDIENCE_LABELS[board.audienceId]?.[locale] ?? board.audienceId}
              {/* Two lines serving one audience are told apart by their id (the catalogue's). */}
              {boards.filter((b) => b.audienceId === board.audienceId).length > 1 && <span className="ml-2 font-mono text-lg font-normal">({board.lineId})</span>}
              {board.targetMinutes !== null && <span className="ml-3 text-lg font-normal text-slate-700">{t("target", { minutes: board.targetMinutes })}</span>}
            </h2>
            <dl className="mt-3 grid gap-4 sm:grid-cols-2 xl:grid-cols-6">
              <Figure label={t("waiting")} value={String(board.waiting)} testId="waiting" />
              <Figure
                label={t("longestWait")}
                value={board.longestWaitSeconds === null ? "—" : duration(board.longestWaitSeconds).shown}
                spoken={board.longestWaitSeconds === null ? undefined : duration(board.longestWaitSeconds).spoken}
                testId="longest-wait"
                className={state ? WAIT_CLASS[state] : undefined}
                note={state ? t(`states.${state}`) : undefined}
              />
              <Figure label={t("answered")} value={String(board.answered)} testId="answered" />
              <Figure label={t("abandoned")} value={String(board.abandoned)} testId="abandoned" />
              <Figure label={t("shareInTime")} value={board.shareInTime === null ? "—" : `${Math.round(board.shareInTime * 100)} %`} testId="share-in-time" />
              <Figure label={t("onCall")} value={String(board.onCall)} testId="on-call" />
            </dl>
          </section>
        );
      })}
      <p className="mt-6 max-w-4xl text-sm text-slate-700">{t("rules")}</p>
    </>
  );
}

function Figure({
  label,
  value,
  spoken,
  testId,
  className,
  note,
}: {
  label: string;
  value: string;
  /** What a screen reader says instead of `value` (`3 min 05 s` for `3:05`). */
  spoken?: string | undefined;
  testId: string;
  className?: string | undefined;
  note?: string | undefined;
}) {
  return (
    <div className={`rounded-lg border-2 p-4 ${className ?? "border-slate-300 bg-white"}`} data-testid={testId}>
      <dt className="text-lg font-semibold text-slate-800">{label}</dt>
      <dd className="mt-1 whitespace-nowrap text-5xl font-bold tabular-nums text-slate-900">
        <span aria-hidden={spoken ? true : undefined} data-testid={`${testId}-value`}>
          {value}
        </span>
        {spoken && <span className="sr-only">{spoken}</span>}
      </dd>
      {note && <dd className="mt-1 font-semibold text-slate-900">{note}</dd>}
    </div>
  );
}
