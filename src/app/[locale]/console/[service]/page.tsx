import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { Shortcuts } from "@/components/console/shortcuts";
import { SubmitOnChange } from "@/components/console/submit-on-change";
import { TimeLeftBadge } from "@/components/console/time-left-badge";
import { AUDIENCE_LABELS, CHANNEL_LABELS } from "@/domain/catalogue/default-catalogue";
import { formatDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { QUEUE_ASSIGNEE_FILTERS, QUEUE_STATE_FILTERS, ZQueueQuery } from "@/schemas/console";
import { getNow } from "@/server/clock";
import { QUEUE_COUNT_CAP, readQueue } from "@/server/services/agent-console";
import { getCatalogue } from "@/server/services/get-catalogue";
import { consoleAgent } from "../gate";
import { requestTypeText } from "../labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Console" }))("title"), robots: { index: false } };
}

const selectClass = "mt-1 block w-full rounded border border-slate-500 px-2 py-1.5";
const count = (n: number | undefined) => ` (${n ?? 0})`;

/** One filter of the queue: "all", then each value with its count of open requests. */
function FilterSelect({ name, label, any, value, options }: { name: string; label: string; any: string; value: string | undefined; options: { value: string; label: string; count: number | undefined }[] }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="font-semibold">{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label + count(o.count)}</option>
        ))}
      </select>
    </div>
  );
}

export default async function QueuePage({ params, searchParams }: Props) {
  const { locale, service } = await params;
  setRequestLocale(locale);
  const agent = await consoleAgent(locale, service);
  const raw = await searchParams;
  const query = ZQueueQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const t = await getTranslations("Console");
  const now = await getNow();
  const [page, catalogue] = await Promise.all([readQueue({ user: agent, serviceId: service, query, now }), getCatalogue()]);
  const { counts } = page;
  const serviceName = (id: string) => catalogue.profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;
  const audiences = catalogue.engine.getService(service).audiences;
  const channels = [...new Set(audiences.flatMap((a) => a.channels))];
  const types = Object.keys(counts.byType).sort();
  const nextParams = new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== "after" && v) as [string, string][]);
  if (page.nextCursor) nextParams.set("after", page.nextCursor);
  const firstParams = new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== "after" && v) as [string, string][]);
  return (
    <>
      <AutoRefresh everyMs={30_000} />
      <Shortcuts
        title={t("shortcuts")}
        closeLabel={t("close")}
        shortcuts={[
          { key: "/", label: t("keys.search"), focus: "#q" },
          { key: "j", label: t("keys.next"), rows: "[data-queue-link]", step: 1 },
          { key: "k", label: t("keys.previous"), rows: "[data-queue-link]", step: -1 },
          { key: "o", label: t("keys.open"), openRow: "[data-queue-link]" },
          { key: "a", label: t("keys.call"), href: `/${locale}/console/${service}/appel` },
        ]}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-qc-navy">{t("queueTitle", { service: serviceName(service) })}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href={`/console/${service}/appel`} className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">
            {t("logCall")}
          </Link>
        </div>
      </div>
      {agent.services.length > 1 && (
        <nav aria-label={t("services")} className="mt-3 flex gap-2">
          {agent.services.map((s) => (
            <Link key={s} href={`/console/${s}`} aria-current={s === service ? "page" : undefined} className="rounded border border-qc-blue px-3 py-1 aria-[current=page]:bg-qc-blue aria-[current=page]:text-white">
              {serviceName(s)}
            </Link>
          ))}
        </nav>
      )}
      <p className="mt-2 text-sm text-slate-700">
        {t("refreshNote")} {t("shortcutsHint")}
      </p>

      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="q" className="block font-semibold">
            {t("search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className={selectClass} />
        </div>
        <button type="submit" className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">
          {t("searchButton")}
        </button>
      </form>

      <form method="get" className="mt-4 rounded border border-slate-300 p-3" aria-label={t("filters")} data-testid="queue-filters">
        <SubmitOnChange />
        {query.q && <input type="hidden" name="q" value={query.q} />}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="f-status" className="font-semibold">{t("status")}</label>
            <select id="f-status" name="status" defaultValue={query.status ?? ""} className={selectClass}>
              <option value="">{query.q ? t("statusAll") : t("statusOpen") + count(counts.open)}</option>
              <option value="open">{t("statusOpen") + count(counts.open)}</option>
              {(["new", "in_progress", "waiting_requester"] as const).map((s) => (
                <option key={s} value={s}>{t(`statuses.${s}`) + count(counts.byStatus[s])}</option>
              ))}
              <option value="resolved">{t("statuses.resolved")}</option>
              <option value="closed">{t("statuses.closed")}</option>
              <option value="all">{t("statusAll")}</option>
            </select>
          </div>
          <FilterSelect name="state" label={t("state")} any={t("any")} value={query.state} options={QUEUE_STATE_FILTERS.map((s) => ({ value: s, label: t(`states.${s}`), count: counts.byState[s] }))} />
          <FilterSelect name="assignee" label={t("assignee")} any={t("any")} value={query.assignee} options={QUEUE_ASSIGNEE_FILTERS.map((s) => ({ value: s, label: t(`assignees.${s}`), count: counts.byAssignee[s] }))} />
          <FilterSelect name="audience" label={t("audience")} any={t("any")} value={query.audience} options={audiences.map((a) => ({ value: a.id, label: AUDIENCE_LABELS[a.id]?.[locale] ?? a.id, count: counts.byAudience[a.id] }))} />
          <FilterSelect name="channel" label={t("channel")} any={t("any")} value={query.channel} options={channels.map((c) => ({ value: c, label: CHANNEL_LABELS[c]?.[locale] ?? c, count: counts.byChannel[c] }))} />
          <FilterSelect
            name="type"
            label={t("type")}
            any={t("any")}
            value={query.type}
            options={[...new Set([...types, ...(query.type ? [query.type] : [])])].map((ty) => ({ value: ty, label: requestTypeText(service, ty, locale), count: counts.byType[ty] }))}
          />
          <FilterSelect name="mo" label={t("mo")} any={t("any")} value={query.mo} options={counts.byOrganization.map((o) => ({ value: o.id, label: o.name, count: o.count }))} />
          <div className="flex items-end gap-2 pb-1.5">
            <input id="f-urgent" name="urgent" type="checkbox" value="1" defaultChecked={query.urgent === "1"} className="h-5 w-5" />
            <label htmlFor="f-urgent" className="font-semibold">{t("urgentOnly") + count(counts.urgent)}</label>
          </div>
          <div className="flex items-end gap-2 pb-1.5">
            <input id="f-identify" name="identify" type="checkbox" value="1" defaultChecked={query.identify === "1"} className="h-5 w-5" />
            <label htmlFor="f-identify" className="font-semibold">{t("toIdentifyOnly") + count(counts.toIdentify)}</label>
          </div>
        </div>
        <p className="mt-2 text-sm text-slate-700">{t("countsNote")}</p>
        <div className="mt-2 flex gap-3">
          <button type="submit" className="rounded border border-qc-blue px-4 py-1.5 font-semibold text-qc-blue hover:bg-qc-pale">{t("apply")}</button>
          <Link href={`/console/${service}`} className="self-center text-qc-blue underline">{t("reset")}</Link>
        </div>
      </form>

      <p className="mt-4 font-semibold" role="status" data-testid="queue-total">
        {page.totalCapped ? t(page.countCap < QUEUE_COUNT_CAP ? "searchCapped" : "resultsCapped", { count: page.countCap.toLocaleString(locale === "fr" ? "fr-CA" : "en-CA") }) : t("results", { count: page.total })}
      </p>
      {page.items.length === 0 ? (
        <p className="mt-2">{t("empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left" data-testid="queue">
            <thead>
              <tr className="border-b-2 border-qc-navy">
                <th scope="col" className="py-2 pr-3">{t("number")}</th>
                <th scope="col" className="py-2 pr-3">{t("subject")}</th>
                <th scope="col" className="py-2 pr-3">{t("timeLeft")}</th>
                <th scope="col" className="py-2 pr-3">{t("status")}</th>
                <th scope="col" className="py-2 pr-3">{t("requester")}</th>
                <th scope="col" className="py-2 pr-3">{t("assignee")}</th>
                <th scope="col" className="py-2">{t("received")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                <tr key={r.number} className="border-b border-slate-200 align-top" data-number={r.number}>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <Link href={`/console/requetes/${r.number}`} className="font-semibold text-qc-blue underline" data-queue-link>
                      {r.number}
                    </Link>
                    {r.urgent && <span className="ml-2 rounded bg-closed px-2 py-0.5 text-xs font-semibold text-white">{t("urgent")}</span>}
                    {r.lateNotice && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900" data-testid="late-notice">{t("lateNotice")}</span>}
                    {r.toIdentify && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900" data-testid="to-identify">{t("toIdentify")}</span>}
                  </td>
                  <td className="py-2 pr-3">
                    {r.subject}
                    <span className="block text-sm text-slate-700">
                      {requestTypeText(service, r.type, locale)} · {CHANNEL_LABELS[r.channel]?.[locale] ?? r.channel}
                    </span>
                  </td>
                  <td className="py-2 pr-3">
                    {r.badge ? <TimeLeftBadge badge={r.badge} locale={locale} dueLabel={t("request.due")} /> : "—"}
                    {r.otherTargets > 0 && <span className="block text-xs text-slate-700">{t("otherTargets", { count: r.otherTargets })}</span>}
                  </td>
                  <td className="py-2 pr-3">{t(`statuses.${r.status}` as "statuses.new")}</td>
                  <td className="py-2 pr-3">{r.organizationName ?? r.requesterMasked ?? "—"}</td>
                  <td className="py-2 pr-3">{r.assignedToMe ? t("me") : (r.assigneeName ?? t("nobody"))}</td>
                  <td className="py-2 whitespace-nowrap">{formatDateTime(r.receivedAt.getTime(), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 flex gap-4">
        {query.after && <Link href={`/console/${service}?${firstParams}`} className="text-qc-blue underline">{t("firstPage")}</Link>}
        {page.nextCursor && <Link href={`/console/${service}?${nextParams}`} className="text-qc-blue underline" rel="next">{t("nextPage")}</Link>}
      </p>
    </>
  );
}
