// The queue beside the open request on a wide screen (≥ 1536 px): the agent's current view (the
// filters and page they came from, carried in the address), one compact line per request, the open
// one marked; below that width it is not drawn, the request taking the whole page.
import type { getTranslations } from "next-intl/server";
import { TimeLeftBadge } from "@/components/console/time-left-badge";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import type { QueueItem } from "@/server/services/agent-console";

type T = Awaited<ReturnType<typeof getTranslations<"Console">>>;

export function QueueBeside({ items, current, view, queueHref, locale, t }: { items: QueueItem[]; current: string; view: string; queueHref: string; locale: Locale; t: T }) {
  return (
    <aside aria-labelledby="queue-beside-h" className="hidden 2xl:block" data-testid="queue-beside">
      <h2 id="queue-beside-h" className="text-base font-bold text-qc-navy">
        <Link href={queueHref} className="text-qc-blue underline">{t("beside.title")}</Link>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm">{t("empty")}</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-200 border-y border-slate-200 text-sm">
          {items.map((r) => (
            <li key={r.number} className="py-1 aria-[current=page]:bg-qc-pale" aria-current={r.number === current ? "page" : undefined}>
              <Link href={`/console/requetes/${r.number}${view ? `?${view}` : ""}`} className="block px-1 hover:bg-slate-50" aria-current={r.number === current ? "page" : undefined}>
                <span className="flex items-center justify-between gap-2">
                  <span className="font-semibold text-qc-blue underline">{r.number}</span>
                  {r.badge ? <TimeLeftBadge badge={r.badge} locale={locale} dueLabel={t("request.due")} compact /> : null}
                </span>
                <span className="block truncate text-slate-800">
                  {r.urgent && <span className="mr-1 font-semibold text-closed">{t("urgent")} ·</span>}
                  {r.subject || t("erased")}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
