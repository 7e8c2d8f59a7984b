import { getTranslations } from "next-intl/server";
import { formatMinuteOfDay } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";
import type { HoursRow } from "@/server/services/get-service-page";

/** The week's hours, with the lunch break and the days whose hours differ (Wednesday, Tuesday) called out. */
export async function HoursTable({ rows, locale }: { rows: HoursRow[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Audience" });
  const tw = await getTranslations({ locale, namespace: "Weekday" });
  const time = (m: number) => formatMinuteOfDay(m, locale);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[20rem] border-collapse text-left" data-testid="hours-table">
        <caption className="sr-only">{t("hoursCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-qc-navy">
            <th scope="col" className="py-2 pr-4">{t("day")}</th>
            <th scope="col" className="py-2 pr-4">{t("openHours")}</th>
            <th scope="col" className="py-2">{t("notes")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const gaps = row.intervals.slice(1).map((iv, i) => ({ start: row.intervals[i]!.end, end: iv.start }));
            return (
              <tr
                key={row.weekday}
                data-weekday={row.weekday}
                className={`border-b border-slate-200 ${row.isException ? "bg-qc-pale" : ""}`}
              >
                <th scope="row" className="py-2 pr-4 font-semibold">{tw(String(row.weekday))}</th>
                <td className="py-2 pr-4">
                  {row.intervals.length === 0
                    ? t("closedDay")
                    : row.intervals.map((iv) => t("intervalRange", { start: time(iv.start), end: time(iv.end) })).join(` ${t("and")} `)}
                </td>
                <td className="py-2 text-slate-700">
                  {row.isException && <strong className="mr-2 text-qc-navy">{t("exception")}</strong>}
                  {gaps.map((g) => t("lunch", { start: time(g.start), end: time(g.end) })).join("; ")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
