import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { auditActionText, auditDetails } from "@/components/audit/audit-text";
import { formatDateTime } from "@/i18n/format";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZAuditQuery } from "@/schemas/audit";
import { getCurrentUser } from "@/server/auth/current-user";
import { AUDIT_CSV_MAX, auditActionsFor, listAuditActors, readAuditLog } from "@/server/services/audit-log";
import { getCatalogue } from "@/server/services/get-catalogue";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Console" }))("audit.title"), robots: { index: false } };
}

const PAGE = 50;
const control = "mt-1 block w-full rounded border border-slate-500 px-3 py-2";

/**
 * The audit log: the sensitive acts on the requests of the manager's services, the catalogue's
 * edits and the pilots' changes to people (the admin: everything), filtered by who, what and when,
 * exported as CSV.
 */
export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (user.role !== "manager" && user.role !== "admin") notFound();
  const raw = await searchParams;
  const query = ZAuditQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const filters = { actor: query.actor, action: query.action, from: query.from, to: query.to };
  const [t, troot, catalogue, entries, actors] = await Promise.all([
    getTranslations("Console"),
    getTranslations(),
    getCatalogue(),
    readAuditLog({ user, filters, before: query.avant ? BigInt(query.avant) : undefined, limit: PAGE }),
    listAuditActors(user),
  ]);
  const tr = (key: string, values?: Record<string, string | number>) => troot(key as "Console.audit.title", values as never);
  const kept = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const filtered = kept.size > 0;
  const olderParams = new URLSearchParams(kept);
  if (entries.length === PAGE) olderParams.set("avant", String(entries.at(-1)!.id));
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("audit.title")}</h1>
      <form method="get" className="mt-4 grid gap-3 rounded border border-slate-300 p-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]" aria-label={t("audit.filters")}>
        <div>
          <label htmlFor="f-actor" className="font-semibold">{t("audit.who")}</label>
          <select id="f-actor" name="actor" defaultValue={query.actor ?? ""} className={control}>
            <option value="">{t("audit.anyone")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-action" className="font-semibold">{t("audit.what")}</label>
          <select id="f-action" name="action" defaultValue={query.action ?? ""} className={control}>
            <option value="">{t("audit.anything")}</option>
            {auditActionsFor(user).map((a) => (
              <option key={a} value={a}>{auditActionText(a, tr)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-from" className="font-semibold">{t("audit.from")}</label>
          <input id="f-from" name="from" type="date" defaultValue={query.from ?? ""} className={control} />
        </div>
        <div>
          <label htmlFor="f-to" className="font-semibold">{t("audit.to")}</label>
          <input id="f-to" name="to" type="date" defaultValue={query.to ?? ""} className={control} />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <button type="submit" className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">{t("audit.apply")}</button>
          {filtered && <Link href="/gestion/journal" className="py-2 text-qc-blue underline">{t("audit.reset")}</Link>}
        </div>
      </form>
      <p className="mt-3 flex flex-wrap items-baseline gap-x-3">
        <a href={`/${locale}/gestion/journal/csv${kept.size ? `?${kept}` : ""}`} className="font-semibold text-qc-blue underline" data-testid="audit-csv" download>
          {t("audit.csv")}
        </a>
        <span className="text-sm text-slate-700">{t("audit.csvNote", { max: AUDIT_CSV_MAX.toLocaleString(locale === "fr" ? "fr-CA" : "en-CA") })}</span>
      </p>
      {entries.length === 0 ? (
        <p className="mt-4">{t("audit.empty")}</p>
      ) : (
        <div className="mt-4 relative overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="audit">
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
              {entries.map((e) => (
                <tr key={String(e.id)} className="border-b border-slate-200 align-top" data-action={e.action}>
                  <td className="py-2 pr-3 sm:whitespace-nowrap">{formatDateTime(e.at.getTime(), locale)}</td>
                  <td className="py-2 pr-3">{e.actorName ?? "—"}</td>
                  <td className="py-2 pr-3">{auditActionText(e.action, tr)}</td>
                  <td className="py-2 pr-3">{e.requestNumber ?? "—"}</td>
                  <td className="py-2">{auditDetails(e, catalogue, tr, locale) || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 flex gap-4">
        {query.avant && <Link href={`/gestion/journal${kept.size ? `?${kept}` : ""}`} className="text-qc-blue underline">{t("audit.newest")}</Link>}
        {entries.length === PAGE && <Link href={`/gestion/journal?${olderParams}`} className="text-qc-blue underline">{t("audit.older")}</Link>}
      </p>
    </>
  );
}
