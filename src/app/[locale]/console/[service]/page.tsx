import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { ActionForm, Field, FieldError, InlineSelect, SubmitButton } from "@/components/console/action-form";
import { queuePageLinks } from "@/components/console/queue-page-links";
import { SelectAll } from "@/components/console/select-all";
import { Shortcuts } from "@/components/console/shortcuts";
import { SubmitOnChange } from "@/components/console/submit-on-change";
import { TimeLeftBadge } from "@/components/console/time-left-badge";
import { AUDIENCE_LABELS, CHANNEL_LABELS } from "@/domain/catalogue/default-catalogue";
import { formatDateTime, formatShortDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { QUEUE_ASSIGNEE_FILTERS, QUEUE_STATE_FILTERS, QUEUE_WAITING_FILTERS, queueFilterParams, REQUEST_STATUS_VALUES, queueQueryOf, queueViewParams } from "@/schemas/console";
import { getNow } from "@/server/clock";
import { QUEUE_COUNT_CAP, readQueue } from "@/server/services/agent-console";
import { getCatalogue } from "@/server/services/get-catalogue";
import { readSavedViews } from "@/server/services/saved-views";
import { bulkAction, deleteViewAction, saveViewAction } from "../actions";
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
  // No filter in the address: the agent's own requests (« Mes requêtes »), as help desks open.
  const query = queueQueryOf(raw);
  const t = await getTranslations("Console");
  const now = await getNow();
  const [page, catalogue, savedViews] = await Promise.all([readQueue({ user: agent, serviceId: service, query, now }), getCatalogue(), readSavedViews({ user: agent, serviceId: service })]);
  const current = new URLSearchParams(queueFilterParams(query)).toString();
  // The view and page a request is opened from: shown beside it on a wide screen.
  const opened = queueViewParams(query);
  const views = [
    { key: "mine", name: t("views.mine"), query: "assignee=me" },
    { key: "nobody", name: t("views.nobody"), query: "assignee=nobody" },
    { key: "open", name: t("views.open"), query: "status=open" },
    ...savedViews.map((v) => ({ key: v.id, name: v.name, query: v.query })),
  ];
  const { counts } = page;
  const serviceName = (id: string) => catalogue.profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;
  const audiences = catalogue.engine.getService(service).audiences;
  const channels = [...new Set(audiences.flatMap((a) => a.channels))];
  const types = Object.keys(counts.byType).sort();
  const pages = queuePageLinks(query, page.nextCursor);
  const activeFilters = [query.status === "open" ? undefined : query.status, query.state, query.assignee, query.audience, query.channel, query.type, query.mo, query.urgent, query.identify, query.waiting].filter(Boolean).length;
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
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-xl font-bold text-qc-navy">{t("queueTitle", { service: serviceName(service) })}</h1>
      {agent.services.length > 1 && (
        <nav aria-label={t("services")} className="flex gap-2 text-sm">
          {agent.services.map((s) => (
            <Link key={s} href={`/console/${s}`} aria-current={s === service ? "page" : undefined} className="rounded border border-qc-blue px-2 py-0.5 aria-[current=page]:bg-qc-blue aria-[current=page]:text-white">
              {serviceName(s)}
            </Link>
          ))}
        </nav>
      )}
      <nav aria-label={t("views.title")} className="flex flex-wrap items-center gap-2 text-sm" data-testid="views">
        <span className="font-semibold">{t("views.title")}</span>
        {views.map((v) => (
          <Link
            key={v.key}
            href={`/console/${service}?${v.query || "status=open"}`}
            aria-current={v.query === current ? "page" : undefined}
            className="rounded-full border border-qc-blue px-3 py-0.5 text-qc-blue hover:bg-qc-pale aria-[current=page]:bg-qc-blue aria-[current=page]:text-white"
          >
            {v.name}
          </Link>
        ))}
        <details className="relative" data-testid="manage-views">
          <summary className="cursor-pointer text-qc-blue underline">{t("views.manage")}</summary>
          <div className="absolute z-10 mt-1 w-80 max-w-[90vw] space-y-3 rounded border border-slate-300 bg-white p-3 shadow-lg">
            <ActionForm action={saveViewAction.bind(null, locale, service)} label={t("views.save")}>
              <input type="hidden" name="query" value={current} />
              <Field kind="input" id="view-name" name="name" label={t("views.name")} hint={t("views.nameHint")} />
              <SubmitButton variant="secondary">{t("views.save")}</SubmitButton>
            </ActionForm>
            {savedViews.map((v) => (
              <ActionForm key={v.id} action={deleteViewAction.bind(null, locale, service)} className="flex items-center justify-between gap-2" label={t("views.delete", { name: v.name })}>
                <input type="hidden" name="id" value={v.id} />
                <span className="truncate">{v.name}</span>
                <SubmitButton variant="secondary">{t("views.deleteShort")}</SubmitButton>
              </ActionForm>
            ))}
          </div>
        </details>
      </nav>
        <Link href="/communiques" className="ml-auto text-qc-blue underline" data-testid="communiques-desk-link">
          {t("communiques")}
        </Link>
        <Link href={`/gestion/guides/${service}`} className="text-qc-blue underline" data-testid="guides-desk-link">
          {t("guides")}
        </Link>
        <Link href={`/console/${service}/ligne`} className="rounded border border-qc-blue px-3 py-1.5 font-semibold text-qc-blue hover:bg-qc-pale" data-testid="wallboard-link">
          {t("wallboard")}
        </Link>
        <Link href={`/console/${service}/appel`} className="rounded bg-qc-blue px-3 py-1.5 font-semibold text-white hover:bg-qc-navy">
          {t("logCall")}
        </Link>
      </div>

      {/* Search and filters on one line; the filters fold away (opened, they cover the list) so that
          the list gets the screen. Keyed by the view shown: after moving to another view, the
          controls show its values, not those of the page before. */}
      <div key={current} className="relative mt-2 flex flex-wrap items-center gap-2">
      <form method="get" role="search" className="flex min-w-[18rem] grow flex-wrap items-center gap-2">
        <label htmlFor="q" className="font-semibold">
          {t("search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className="min-w-[12rem] grow rounded border border-slate-500 px-2 py-1" />
        <button type="submit" className="rounded bg-qc-blue px-3 py-1 font-semibold text-white hover:bg-qc-navy">
          {t("searchButton")}
        </button>
      </form>
      <details className="group" data-testid="queue-filters-panel">
        <summary className="cursor-pointer rounded border border-slate-300 px-3 py-1 font-semibold text-qc-navy group-open:bg-qc-pale">
          {t("filters")}
          {activeFilters > 0 && <span className="ml-2 rounded bg-qc-blue px-2 py-0.5 text-xs text-white">{t("activeFilters", { count: activeFilters })}</span>}
        </summary>
      <form method="get" className="absolute left-0 right-0 top-full z-20 mt-1 rounded border border-slate-300 bg-white p-3 shadow-lg" aria-label={t("filters")} data-testid="queue-filters">
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
          <FilterSelect name="waiting" label={t("waiting")} any={t("any")} value={query.waiting} options={QUEUE_WAITING_FILTERS.map((w) => ({ value: w, label: t(`waitings.${w}`), count: counts.byWaiting[w] }))} />
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
      </details>
      </div>

      {/* One line: what to do with the requests ticked below (each checked at the version shown). */}
      <ActionForm id="bulk" action={bulkAction.bind(null, locale, service)} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-300 px-2 py-1 text-sm" label={t("bulk.title")}>
        <span className="font-semibold">{t("bulk.title")}</span>
        <InlineSelect id="bulk-action" name="action" label={t("bulk.action")} options={[
          { value: "take", label: t("bulk.take") },
          { value: "reassign", label: t("bulk.reassign") },
          { value: "status", label: t("bulk.status") },
        ]} />
        <InlineSelect id="bulk-assignee" name="assigneeId" label={t("bulk.assignee")} options={[{ value: "", label: t("nobody") }, ...page.agents.map((a) => ({ value: a.id, label: a.name }))]} />
        <InlineSelect id="bulk-status" name="status" label={t("bulk.newStatus")} options={[{ value: "", label: "—" }, ...REQUEST_STATUS_VALUES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]} />
        <SubmitButton variant="secondary" size="small">{t("bulk.apply")}</SubmitButton>
        <FieldError name="selected" />
        <FieldError name="status" />
        <FieldError name="assigneeId" />
      </ActionForm>

      <p className="mt-1 text-sm">
        <span className="font-semibold" role="status" data-testid="queue-total">
          {page.totalCapped ? t(page.countCap < QUEUE_COUNT_CAP ? "searchCapped" : "resultsCapped", { count: page.countCap.toLocaleString(locale === "fr" ? "fr-CA" : "en-CA") }) : t("results", { count: page.total })}
        </span>
        <span className="text-slate-700"> · {t("refreshNote")} {t("shortcutsHint")}</span>
      </p>
      {page.items.length === 0 ? (
        <p className="mt-2">{t("empty")}</p>
      ) : (
        // One line per request (the subject cut, whole on hover): a day's queue on one screen.
        <div className="mt-1 relative overflow-x-auto">
          <table className="w-full min-w-[72rem] table-fixed border-collapse text-left text-sm" data-testid="queue">
            <colgroup>
              <col className="w-8" />
              <col className="w-[11rem]" />
              <col />
              <col className="w-[10.5rem]" />
              <col className="w-[8rem]" />
              <col className="w-[9rem]" />
              <col className="w-[8rem]" />
              <col className="w-[9.5rem]" />
            </colgroup>
            <thead>
              <tr className="border-b-2 border-qc-navy">
                <th scope="col" className="py-1.5 pr-2">
                  <SelectAll form="bulk" label={t("bulk.selectAll")} />
                </th>
                <th scope="col" className="py-1.5 pr-3">{t("number")}</th>
                <th scope="col" className="py-1.5 pr-3">{t("subject")}</th>
                <th scope="col" className="py-1.5 pr-3">{t("timeLeft")}</th>
                <th scope="col" className="py-1.5 pr-3">{t("status")}</th>
                <th scope="col" className="py-1.5 pr-3">{t("requester")}</th>
                <th scope="col" className="py-1.5 pr-3">{t("assignee")}</th>
                <th scope="col" className="py-1.5">{t("received")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                // Keyed by version too: a request changed by the bulk action comes back unticked,
                // one that was refused stays ticked.
                <tr key={`${r.number}@${r.version}`} className="border-b border-slate-200 hover:bg-slate-50 has-[:checked]:bg-qc-pale" data-number={r.number}>
                  <td className="py-0.5 pr-2">
                    <input type="checkbox" form="bulk" name="selected" value={`${r.number}@${r.version}`} aria-label={t("bulk.select", { number: r.number })} className="h-4 w-4 align-middle" />
                  </td>
                  <td className="truncate py-0.5 pr-3">
                    <Link href={`/console/requetes/${r.number}?${opened}`} className="font-semibold text-qc-blue underline" data-queue-link>
                      {r.number}
                    </Link>
                    {r.urgent && <span className="ml-2 rounded bg-closed px-2 py-0.5 text-xs font-semibold text-white">{t("urgent")}</span>}
                    {r.lateNotice && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900" data-testid="late-notice">{t("lateNotice")}</span>}
                    {r.secondLevel && <span className="ml-2 rounded bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-900" data-testid="second-level">{t("secondLevelBadge")}</span>}
                    {r.reviewPending && <span className="ml-2 rounded bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900" data-testid="review-pending">{t("reviewBadge")}</span>}
                    {r.toIdentify && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900" data-testid="to-identify">{t("toIdentify")}</span>}
                  </td>
                  <td className="truncate py-0.5 pr-3" title={`${r.subject} — ${requestTypeText(service, r.type, locale)} · ${CHANNEL_LABELS[r.channel]?.[locale] ?? r.channel}`}>
                    {r.subject || t("erased")}
                    <span className="text-slate-700">
                      {" "}
                      · {requestTypeText(service, r.type, locale)} · {CHANNEL_LABELS[r.channel]?.[locale] ?? r.channel}
                    </span>
                  </td>
                  <td className="truncate py-0.5 pr-3">
                    {r.badge ? <TimeLeftBadge badge={r.badge} locale={locale} dueLabel={t("request.due")} compact /> : "—"}
                    {r.otherTargets > 0 && <span className="ml-1 text-xs text-slate-700" title={t("otherTargets", { count: r.otherTargets })}>+{r.otherTargets}</span>}
                  </td>
                  <td className="truncate py-0.5 pr-3">{t(`statuses.${r.status}` as "statuses.new")}</td>
                  <td className="truncate py-0.5 pr-3">{r.organizationName ?? r.requesterMasked ?? "—"}</td>
                  <td className="truncate py-0.5 pr-3">{r.assignedToMe ? t("me") : (r.assigneeName ?? t("nobody"))}</td>
                  <td className="truncate py-0.5" title={formatDateTime(r.receivedAt.getTime(), locale)}>{formatShortDateTime(r.receivedAt.getTime(), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 flex gap-4">
        {pages.first && <Link href={`/console/${service}?${pages.first}`} className="text-qc-blue underline">{t("firstPage")}</Link>}
        {pages.previous && <Link href={`/console/${service}?${pages.previous}`} className="text-qc-blue underline" rel="prev">{t("previousPage")}</Link>}
        {pages.next && <Link href={`/console/${service}?${pages.next}`} className="text-qc-blue underline" rel="next">{t("nextPage")}</Link>}
      </p>
    </>
  );
}
