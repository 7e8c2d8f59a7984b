import { getTranslations } from "next-intl/server";
import { CENTRE_UI } from "@/components/centre/centre-ui";
import { MO_LIST_STATUSES, MO_NATURE_LABELS, type MoCentre, type MoListStatus, type MoNature } from "@/domain/requests/mo-request";
import { SAGIR_TYPE_LABELS, type SagirRequestType } from "@/domain/requests/sagir-request";
import { formatDateTime } from "@/i18n/format";
import { COMMUNIQUE_QUESTION_LABEL, COMMUNIQUE_QUESTION_TYPE } from "@/domain/communiques/communiques";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import type { CurrentUser } from "@/server/auth/current-user";
import { listMoRequests } from "@/server/services/read-mo-requests";

export function requestTypeLabel(centre: MoCentre, type: string, locale: Locale): string {
  if (type === COMMUNIQUE_QUESTION_TYPE) return COMMUNIQUE_QUESTION_LABEL[locale];
  const labels = centre === "sagir" ? SAGIR_TYPE_LABELS[type as SagirRequestType] : MO_NATURE_LABELS[type as MoNature];
  return labels?.[locale] ?? type;
}

type Props = { locale: Locale; centre: MoCentre; user: CurrentUser; avant?: string; no?: string; q?: string; statut?: string };

const control = "mt-1 block w-full rounded border border-slate-500 px-3 py-2";

/** An MO's requests to one centre, newest first, 25 a page. No personal information: number, type, subject, dates. */
export async function CentreRequestList({ locale, centre, user, avant, no, q, statut }: Props) {
  const ui = CENTRE_UI[centre];
  const t = await getTranslations("MoRequest");
  const tc = await getTranslations(ui.ns);
  const tt = await getTranslations("Tracking");
  const before = avant && no && !Number.isNaN(Date.parse(avant)) ? { receivedAt: new Date(avant), number: no } : undefined;
  const text = q?.trim().slice(0, 200) || undefined;
  const status = (MO_LIST_STATUSES as readonly string[]).includes(statut ?? "") ? (statut as MoListStatus) : "all";
  const { items, next } = await listMoRequests({ user, centre, before, text, status });
  const kept = new URLSearchParams([...(text ? [["q", text]] : []), ...(status !== "all" ? [["statut", status]] : [])]);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-qc-navy">{tc("listTitle")}</h1>
        <Link href={ui.create} className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">
          {tc("new")}
        </Link>
      </div>
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-3" data-testid="mo-requests-search">
        <div className="min-w-[14rem] grow">
          <label htmlFor="mo-q" className="font-semibold">{t("search")}</label>
          <input id="mo-q" name="q" type="search" defaultValue={text ?? ""} maxLength={200} className={control} />
        </div>
        <div>
          <label htmlFor="mo-status" className="font-semibold">{t("status")}</label>
          <select id="mo-status" name="statut" defaultValue={status} className={control}>
            {MO_LIST_STATUSES.map((s) => (
              <option key={s} value={s}>{s === "all" ? t("statusAll") : s === "open" ? t("statusOpen") : tt(`statuses.${s}` as "statuses.new")}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">{t("searchButton")}</button>
        {kept.size > 0 && <Link href={ui.list} className="py-2 text-qc-blue underline">{t("searchReset")}</Link>}
      </form>
      {items.length === 0 ? (
        <p className="mt-6">{kept.size > 0 ? t("emptySearch") : t("empty")}</p>
      ) : (
        <div className="mt-6 relative overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left" data-testid="mo-requests">
            <thead>
              <tr className="border-b-2 border-qc-navy">
                <th scope="col" className="py-2 pr-4">{t("number")}</th>
                <th scope="col" className="py-2 pr-4">{t("type")}</th>
                <th scope="col" className="py-2 pr-4">{t("subject")}</th>
                <th scope="col" className="py-2 pr-4">{t("status")}</th>
                <th scope="col" className="py-2 pr-4">{t("receivedAt")}</th>
                <th scope="col" className="py-2">{tc("dueAt")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.number} className="border-b border-slate-200">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <Link href={`${ui.list}/${r.number}`} className="text-qc-blue underline">
                      {r.number}
                    </Link>
                    {r.urgent && <span className="ml-2 rounded bg-closed px-2 py-0.5 text-xs font-semibold text-white">{t("urgentBadge")}</span>}
                    {r.newReply && (
                      <span className="ml-2 rounded bg-qc-blue px-2 py-0.5 text-xs font-semibold text-white" data-testid="new-reply">
                        {t("newReply")}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-4">{requestTypeLabel(centre, r.type, locale)}</td>
                  <td className="py-2 pr-4">{r.subject || t("erased")}</td>
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
          <Link href={`${ui.list}?${new URLSearchParams([...kept, ["avant", next.receivedAt], ["no", next.number]])}`} className="text-qc-blue underline">
            {t("older")}
          </Link>
        </p>
      )}
    </>
  );
}
