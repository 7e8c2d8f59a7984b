"use client";
// A bar chart for the managers' dashboards (recharts, SVG). The chart is for people who look;
// the table printed beside it carries the same figures for people who read, screen readers and
// the CSV export, so the chart itself is hidden from assistive technologies.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Québec government blues and contrasting hues (3:1 or more against white for graphical objects).
const PALETTE = ["#095797", "#1f7a3f", "#b35c00", "#6b3fa0", "#a3123b", "#22577a", "#5c5c5c"];

export type ChartSeries = { key: string; label: string };

export function BarChartFigure({
  title,
  data,
  xKey,
  series,
  percent = false,
  stacked = false,
  locale,
  testId,
}: {
  title: string;
  data: Record<string, string | number | null>[];
  xKey: string;
  series: ChartSeries[];
  percent?: boolean;
  stacked?: boolean;
  locale: "fr" | "en";
  testId?: string;
}) {
  const format = new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", percent ? { style: "percent", maximumFractionDigits: 0 } : {});
  const tick = (v: unknown) => (typeof v === "number" ? format.format(v) : String(v));
  return (
    <figure className="mt-3" data-testid={testId}>
      <figcaption className="text-sm font-semibold text-slate-700">{title}</figcaption>
      <div aria-hidden="true" className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey={xKey} tick={{ fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis tickFormatter={tick} tick={{ fontSize: 12 }} width={48} domain={percent ? [0, 1] : [0, "auto"]} allowDecimals={percent} />
            <Tooltip formatter={(v) => tick(v)} />
            {series.length > 1 && <Legend />}
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={PALETTE[i % PALETTE.length]} stackId={stacked ? "all" : undefined} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
