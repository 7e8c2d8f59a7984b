import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { formatDateTime } from "@/i18n/format";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { AppError } from "@/server/errors";
import { readOutbox } from "@/server/services/read-outbox";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Outbox" }))("title"), robots: { index: false } };
}

/** Outgoing mail (the admin): each message whole while no mail server is configured, its facts otherwise. */
export default async function OutboxPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const outbox = await readOutbox(user).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("Outbox");
  return (
    <>
      <AutoRefresh everyMs={15_000} />
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-4xl text-slate-700">{outbox.caught ? t("caught") : t("relayed")}</p>
      {outbox.entries.length === 0 ? (
        <p className="mt-4">{t("empty")}</p>
      ) : (
        <ol className="mt-4 space-y-3" data-testid="outbox">
          {outbox.entries.map((e) => (
            <li key={e.id} className="rounded border border-slate-300 p-3" data-testid="outbox-entry">
              <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                <span className="font-semibold">{e.subject}</span>
                <span className="text-sm text-slate-700">
                  {t("to")} {e.to ?? t("noAddress")} · {t.has(`kinds.${e.kind}` as "kinds.notification") ? t(`kinds.${e.kind}` as "kinds.notification") : e.kind} · {t(`languages.${e.locale === "en" ? "en" : "fr"}`)} · {formatDateTime(e.createdAt.getTime(), locale)}
                </span>
                <span className={`rounded px-2 py-0.5 text-sm font-semibold ${e.sentAt ? "bg-ok-pale text-ok" : e.lastError ? "bg-closed-pale text-closed" : "bg-slate-100 text-slate-800"}`}>
                  {e.sentAt ? t("sent", { at: formatDateTime(e.sentAt.getTime(), locale) }) : e.lastError ? t("failing", { attempts: e.attempts, error: e.lastError }) : t("pending")}
                </span>
              </div>
              {e.body !== null && (
                <details className="mt-2">
                  <summary className="cursor-pointer text-qc-blue underline">{t("read")}</summary>
                  <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">{e.body}</pre>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
