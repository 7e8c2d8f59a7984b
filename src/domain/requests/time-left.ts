// "reste 1 j ouvrable 3 h", "en retard de 2 h": a target's time left (or overdue), in its own
// clock (spec §4). Pure.
import type { CalendarDefinition, ClockId } from "../catalogue/types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The length of a "business day" when time left is counted in service hours (`business-days`
 * and `service-hours` clocks): the calendar's longest open day (7 h for CA-dotation's 8:30–12:00
 * and 13:00–16:30). A shorter day (Wednesday from 10:00) still counts as one day of that length:
 * "1 j ouvrable 3 h" is read as "a bit more than a full day of service".
 */
export function serviceDayMs(calendar: Pick<CalendarDefinition, "week">): number {
  let longest = 0;
  for (const day of calendar.week) {
    const minutes = day.reduce((sum, iv) => sum + (iv.end - iv.start), 0);
    longest = Math.max(longest, minutes);
  }
  return longest * MINUTE;
}

export type TimeLeftInput = {
  state: "pending" | "at-risk" | "met" | "breached";
  remainingMs: number;
  clock: ClockId;
  metAt: number | null;
  withdrawn?: boolean;
  /** `serviceDayMs` of the target's calendar (for the `business-days` clock). */
  dayMs: number;
};

type Locale = "fr" | "en";

function hoursMinutes(ms: number, locale: Locale): string {
  const totalMinutes = Math.ceil(ms / MINUTE);
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (minutes === 0) return `${hours} h`;
  return locale === "fr" ? `${hours} h ${String(minutes).padStart(2, "0")}` : `${hours} h ${minutes} min`;
}

function days(n: number, locale: Locale, business: boolean): string {
  if (locale === "fr") return `${n} j${business ? (n > 1 ? " ouvrables" : " ouvrable") : ""}`;
  return `${n} ${business ? "business " : ""}day${n > 1 ? "s" : ""}`;
}

/** A duration in a clock: days of that clock, then hours (and minutes when less than a day). */
export function formatClockDuration(ms: number, clock: ClockId, dayMs: number, locale: Locale): string {
  const amount = Math.max(0, ms);
  const dayLength = clock === "business-days" || clock === "service-hours" ? dayMs : 24 * HOUR;
  const business = clock !== "elapsed";
  if (clock === "service-hours" || dayLength <= 0 || amount < dayLength) return hoursMinutes(amount, locale);
  const whole = Math.floor(amount / dayLength);
  const rest = amount - whole * dayLength;
  const restHours = Math.floor(rest / HOUR);
  return restHours > 0 ? `${days(whole, locale, business)} ${restHours} h` : days(whole, locale, business);
}

/** The badge text of a target: time left, overdue, met (on time or late), withdrawn. */
export function formatTimeLeft(input: TimeLeftInput, locale: Locale): string {
  const { state, remainingMs, clock, dayMs } = input;
  const over = formatClockDuration(-remainingMs, clock, dayMs, locale);
  if (input.withdrawn) return locale === "fr" ? "sans objet (fusionnée)" : "withdrawn (merged)";
  if (input.metAt !== null) {
    if (state === "met") return locale === "fr" ? "respecté" : "met";
    return locale === "fr" ? `dépassé de ${over}` : `missed by ${over}`;
  }
  if (state === "breached") return locale === "fr" ? `en retard de ${over}` : `${over} overdue`;
  const left = formatClockDuration(remainingMs, clock, dayMs, locale);
  return locale === "fr" ? `reste ${left}` : `${left} left`;
}
