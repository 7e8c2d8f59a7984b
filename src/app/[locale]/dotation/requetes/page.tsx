import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatDateTime } from "@/i18n/format";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { canUseMoRequests } from "@/server/auth/authorize";
import { getCurrentUser } from "@/server/auth/current-user";
import { listMoRequests } from "@/server/services/read-mo-requests";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ avant?: string; no?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "MoRequest" }))("listTitle") };
}

export default async function MoRequestsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { avant, no } = await searchParams;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const t = await getTranslations("MoRequest");
  const tt = await getTranslations("Tracking");
  if (!canUseMoRequests(user)) {
    return (
      <p role="alert" className="max-w-2xl rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="forbidden">
        {t("forbidden")}
      </p>
    );
  }
  const before = avant && no && !Number.isNaN(Date.parse(avant)) ? { receivedAt: new Date(avant), number: no } : undefined;
  const { items, next } = await listMoRequests({ user, before });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-qc-navy">{t("listTitle")}</h1>
        <Link href="/dotation/nouvelle-requete" className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">
          {t("new")}
        </Link>
      </div>
      {items.length === 0 ? (
        <p className="mt-6">{t("empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-left" data-testid="mo-requests">
            <thead>
              <tr className="border-b-2 border-qc-navy">
                <th scope="col" className="py-2 pr-4">{t("number")}</th>
                <th scope="col" className="py-2 pr-4">{t("subject")}</th>
                <th scope="col" className="py-2 pr-4">{t("status")}</th>
                <th scope="col" className="py-2 pr-4">{t("receivedAt")}</th>
                <th scope="col" className="py-2">{t("dueAt")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.number} className="border-b border-slate-200">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <Link href={`/dotation/requetes/${r.number}`} className="text-qc-blue underline">
                      {r.number}
                    </Link>
                    {r.urgent && <span className="ml-2 rounded bg-closed px-2 py-0.5 text-xs font-semibold text-white">{t("urgentBadge")}</span>}
                  </td>
                  <td className="py-2 pr-4">{r.subject}</td>
                  <td className="py-2 pr-4">{tt(`statuses.${r.status}` as "statuses.new")}</td>
                  <td className="py-2 pr-4">{formatDateTime(Date.parse(r.receivedAt), locale)}</td>
                  <td className="py-2">{r.dueAt ? formatDateTime(Date.parse(r.dueAt), locale) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <p className="mt-4">
          <Link href={`/dotation/requetes?avant=${encodeURIComponent(next.receivedAt)}&no=${next.number}`} className="text-qc-blue underline">
            {t("older")}
          </Link>
        </p>
      )}
    </>
  );
}
