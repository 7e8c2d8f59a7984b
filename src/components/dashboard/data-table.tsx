// One of the dashboard's tables: the figures behind each chart, for reading and for screen readers.
import { formatCell, type DataTable } from "./tables";
import type { Locale } from "@/i18n/routing";

export function DataTableView({ table, locale, caption, empty, rowHref }: { table: DataTable; locale: Locale; caption: string; empty: string; /** Where a row's first cell leads (a request's read-only view). */ rowHref?: (row: number) => string | null }) {
  if (table.rows.length === 0) return <p className="mt-3" data-testid={`table-${table.id}`}>{empty}</p>;
  return (
    // Focusable, so that a keyboard can scroll a table wider than a phone's screen.
    <div className="mt-3 relative overflow-x-auto print:overflow-visible" tabIndex={0} role="group" aria-label={caption}>
      <table className="w-full min-w-[36rem] border-collapse text-left print:min-w-0 print:text-sm" data-testid={`table-${table.id}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-qc-navy">
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={`py-2 pr-3 align-bottom ${c.kind === "text" || c.kind === "date" ? "" : "text-right"}`}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-b border-slate-200">
              {row.map((cell, i) => {
                const kind = table.columns[i]!.kind;
                const text = formatCell(cell, kind, locale);
                // A row is named by its first cell when that is text (a commitment, a day, a channel).
                return i === 0 && (kind === "text" || kind === "date") ? (
                  <th key={i} scope="row" className="min-w-[10rem] py-2 pr-3 font-normal print:min-w-0">
                    {rowHref?.(r) ? <a href={rowHref(r)!} className="text-qc-blue underline">{text}</a> : text}
                  </th>
                ) : (
                  <td key={i} className={`py-2 pr-3 ${kind === "text" || kind === "date" ? "" : "text-right tabular-nums"}`}>{text}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
