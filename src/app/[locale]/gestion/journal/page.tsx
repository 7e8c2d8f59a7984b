import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/i18n/format";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { readRequestAudit } from "@/server/services/agent-console";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ avant?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Console" }))("audit.title"), robots: { index: false } };
}

const PAGE = 50;

/** The audit log of the requests of the manager's services (the admin: all): identity validations, views of personal information. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (user.role !== "manager" && user.role !== "admin") notFound();
  const { avant } = await searchParams;
  const before = avant && /^\d{1,18}$/.test(avant) ? BigInt(avant) : undefined;
  const t = await getTranslations("Console");
  const entries = await readRequestAudit({ user, limit: PAGE, before });
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("audit.title")}</h1>
      {entries.length === 0 ? (
        <p className="mt-4">{t("audit.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left" data-testid="audit">
            <thead>
              <tr className="border-b-2 border-qc-navy">
                <th scope="col" className="py-2 pr-3">{t("audit.at")}</th>
                <th scope="col" className="py-2 pr-3">{t("audit.actor")}</th>
                <th scope="col" className="py-2 pr-3">{t("audit.action")}</th>
                <th scope="col" className="py-2 pr-3">{t("audit.request")}</th>
                <th scope="col" className="py-2">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const data = (e.data ?? {}) as { method?: string; fields?: string[] };
                return (
                  <tr key={String(e.id)} className="border-b border-slate-200">
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.at.getTime(), locale)}</td>
                    <td className="py-2 pr-3">{e.actor?.name ?? "—"}</td>
                    <td className="py-2 pr-3">{t(`audit.actions.${e.action}` as "audit.actions.identity_validated")}</td>
                    <td className="py-2 pr-3">{e.request?.number ?? "—"}</td>
                    <td className="py-2">{data.method ? t(`actions.methods.${data.method}` as "actions.methods.other") : (data.fields?.join(", ") ?? "")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {entries.length === PAGE && (
        <p className="mt-4">
          <Link href={`/gestion/journal?avant=${entries.at(-1)!.id}`} className="text-qc-blue underline">{t("audit.older")}</Link>
        </p>
      )}
    </>
  );
}
