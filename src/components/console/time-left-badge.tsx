// A target's badge: time left (or overdue) in its own clock, coloured by state, the exact due
// instant on hover and for screen readers.
import { formatTimeLeft } from "@/domain/requests/time-left";
import { formatDateTime } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";
import type { Badge } from "@/server/services/agent-console";

/** The colours of a target state (pending, at risk, breached, met, withdrawn), for badges across the console. */
export const STATE_STYLE: Record<string, string> = {
  pending: "border-qc-blue bg-qc-pale text-qc-navy",
  "at-risk": "border-amber-700 bg-amber-100 text-amber-900",
  breached: "border-closed bg-closed-pale text-closed",
  met: "border-ok bg-ok-pale text-ok",
  withdrawn: "border-slate-500 bg-slate-100 text-slate-800",
};

/** `compact`: a list's one-line badge (smaller text). */
export function TimeLeftBadge({ badge, locale, dueLabel, compact = false }: { badge: Badge; locale: Locale; dueLabel: string; compact?: boolean }) {
  const text = formatTimeLeft(badge, locale);
  const due = `${dueLabel} ${formatDateTime(badge.dueAt, locale)}`;
  const style = STATE_STYLE[badge.withdrawn ? "withdrawn" : badge.state];
  return (
    <span title={due} data-state={badge.withdrawn ? "withdrawn" : badge.state} data-testid="time-left" className={`inline-block whitespace-nowrap rounded border font-semibold ${compact ? "px-1.5 text-xs leading-5" : "px-2 py-0.5 text-sm"} ${style}`}>
      {text}
      <span className="sr-only"> — {due}</span>
    </span>
  );
}
