import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { targetName } from "@/components/catalogue/target-text";
import { ActionForm, SubmitButton } from "@/components/console/action-form";
import { STATE_STYLE } from "@/components/console/time-left-badge";
import { formatDateTime, formatRelativeMoment } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZNotificationsPage } from "@/schemas/notifications";
import { getNow } from "@/server/clock";
import { getCatalogue } from "@/server/services/get-catalogue";
import { readNotifications } from "@/server/services/notifications";
import { consoleAgent } from "../gate";
import { markReadAction } from "./actions";

/** A commitment's states (at risk, breached); the others are the second level's and the review's (no due instant). */
const TARGET_STATES = new Set(["at-risk", "breached"]);

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Notifications" }))("title"), robots: { index: false } };
}

/** An agent's notifications (at risk, breached), newest first, 50 a page; unread ones marked. */
export default async function NotificationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await consoleAgent(locale);
  const { avant } = ZNotificationsPage.parse(await searchParams);
  const [{ rows, hasMore, unread }, catalogue, now, t, root] = await Promise.all([readNotifications(user, avant), getCatalogue(), getNow(), getTranslations("Notifications"), getTranslations()]);
  const tr = (key: string, values?: Record<string, string | number>) => root(key as "Notifications.title", values as never);

  return (
    <>
      <AutoRefresh />
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <p className="font-semibold" data-testid="unread-count">{t("unreadCount", { count: unread })}</p>
        {unread > 0 && (
          <ActionForm action={markReadAction.bind(null, locale)} label={t("markAll")}>
            <input type="hidden" name="id" value="all" />
            <SubmitButton variant="secondary">{t("markAll")}</SubmitButton>
          </ActionForm>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="mt-6">{t("none")}</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 border-y border-slate-200" data-testid="notifications">
          {rows.map((n) => {
            const number = n.request.number;
            return (
              <li key={String(n.id)} className={`flex flex-wrap items-start justify-between gap-3 py-3 ${n.readAt ? "" : "bg-qc-pale/50"}`} data-state={n.state} data-read={n.readAt ? "yes" : "no"}>
                <div>
                  <p className="flex flex-wrap items-center gap-2">
                    <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${STATE_STYLE[n.state] ?? "border-violet-700 bg-violet-50 text-violet-900"}`}>{t(`state.${n.state}` as "state.at-risk")}</span>
                    {!n.readAt && <span className="text-sm font-bold text-qc-navy">{t("new")}</span>}
                    <Link href={`/console/requetes/${number}`} className={`text-qc-blue underline ${n.readAt ? "" : "font-semibold"}`} aria-label={t("open", { number })}>
                      {TARGET_STATES.has(n.state) ? t("line", { number, target: targetName(n.targetId, catalogue, tr, locale) }) : t(`lines.${n.state}` as "lines.follow-up", { number })}
                    </Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {TARGET_STATES.has(n.state) ? `${t("due", { due: formatDateTime(n.dueAt.getTime(), locale) })} · ` : ""}{t("received", { when: formatRelativeMoment(n.createdAt.getTime(), now.getTime(), locale) })}
                  </p>
                </div>
                {!n.readAt && (
                  <ActionForm action={markReadAction.bind(null, locale)} label={t("markOneLabel", { number })}>
                    <input type="hidden" name="id" value={String(n.id)} />
                    <SubmitButton variant="secondary">{t("markOne")}</SubmitButton>
                  </ActionForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-4 flex gap-4">
        {avant !== undefined && (
          <Link href="/console/notifications" className="text-qc-blue underline">{t("newest")}</Link>
        )}
        {hasMore && (
          <Link href={`/console/notifications?avant=${rows[rows.length - 1]!.id}`} className="text-qc-blue underline">{t("older")}</Link>
        )}
      </p>
    </>
  );
}
