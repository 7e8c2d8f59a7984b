// Dates and times for people, in Québec's time zone: `13 h 30`, `le mercredi 25 novembre 2026`
// in French; `1:30 p.m.`, `Wednesday, November 25, 2026` in English.
import { getZone } from "@/domain/catalogue/zone";
import type { Locale } from "./routing";

export const DISPLAY_TIME_ZONE = "America/Toronto";
const zone = getZone(DISPLAY_TIME_ZONE);

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: DISPLAY_TIME_ZONE,
  hourCycle: "h23",
  hour: "numeric",
  minute: "numeric",
});

/** Minutes since local midnight → `8 h 30` / `8:30 a.m.` */
export function formatMinuteOfDay(minuteOfDay: number, locale: Locale): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  if (locale === "fr") return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
  const suffix = h < 12 || h === 24 ? "a.m." : "p.m.";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${h12} ${suffix}` : `${h12}:${String(m).padStart(2, "0")} ${suffix}`;
}

export function formatTime(ms: number, locale: Locale): string {
  const parts = partsFormat.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return formatMinuteOfDay(get("hour") * 60 + get("minute"), locale);
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-CA", { timeZone: DISPLAY_TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
  en: new Intl.DateTimeFormat("en-CA", { timeZone: DISPLAY_TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
};
const weekdayFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-CA", { timeZone: DISPLAY_TIME_ZONE, weekday: "long" }),
  en: new Intl.DateTimeFormat("en-CA", { timeZone: DISPLAY_TIME_ZONE, weekday: "long" }),
};

/**
 * A page rendered for a path that is no locale (`/a.b`: the layout answers 404, but Next renders
 * the page beside it) must not throw while it does: anything but English is French.
 */
const known = (locale: Locale): Locale => (locale === "en" ? "en" : "fr");

/** `mercredi 25 novembre 2026` / `Wednesday, November 25, 2026` */
export function formatDate(ms: number, locale: Locale): string {
  return premier(dateFormats[known(locale)].format(new Date(ms)), locale);
}

/** French writes the first of the month `1er`. */
export function premier(text: string, locale: Locale): string {
  return locale === "fr" ? text.replace(/(^|\s)1 (?=\p{L})/u, "$11er ") : text;
}

/** A local `YYYY-MM-DD` date, e.g. a holiday (read at noon UTC so no zone can shift the day). */
export function formatIsoDate(iso: string, locale: Locale): string {
  const d = new Date(`${iso}T12:00:00Z`);
  const text = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(d);
  return premier(text, locale);
}

/**
 * Midnight in Québec: the end of the day before (a 24-hour or 48-hour target counted from a
 * minute after midnight, a promise « au plus tard le 1er décembre »). Written as that day's end,
 * never as « mercredi 2 décembre à 0 h », which people read as Wednesday.
 */
export function isEndOfDay(ms: number): boolean {
  const parts = partsFormat.formatToParts(new Date(ms));
  return Number(parts.find((p) => p.type === "hour")?.value) === 0 && Number(parts.find((p) => p.type === "minute")?.value) === 0;
}

const END_OF_DAY: Record<Locale, string> = { fr: "fin de la journée (24 h)", en: "end of day (midnight)" };

/**
 * `le mercredi 25 novembre 2026 à 13 h 30` / `Wednesday, November 25, 2026 at 1:30 p.m.`;
 * midnight: `le mardi 1er décembre 2026, fin de la journée (24 h)` / `Tuesday, December 1, 2026, end of day (midnight)`.
 */
export function formatDateTime(ms: number, locale: Locale): string {
  const l = known(locale);
  if (isEndOfDay(ms)) return `${l === "fr" ? "le " : ""}${formatDate(ms - 60_000, l)}, ${END_OF_DAY[l]}`;
  return l === "fr" ? `le ${formatDate(ms, l)} à ${formatTime(ms, l)}` : `${formatDate(ms, l)} at ${formatTime(ms, l)}`;
}

/**
 * When something happens relative to now, the way people say it: `aujourd'hui à 14 h`,
 * `demain à 8 h 30`, `mercredi à 10 h` (within the week), else the full date.
 */
export function formatRelativeMoment(ms: number, now: number, locale: Locale): string {
  if (isEndOfDay(ms)) return formatRelativeEndOfDay(ms - 60_000, now, known(locale));
  const days = zone.dayOf(ms) - zone.dayOf(now);
  const time = formatTime(ms, locale);
  const at = locale === "fr" ? "à" : "at";
  if (days === 0) return locale === "fr" ? `aujourd'hui à ${time}` : `today at ${time}`;
  if (days === 1) return locale === "fr" ? `demain à ${time}` : `tomorrow at ${time}`;
  if (days > 1 && days < 7) return `${weekdayFormats[known(locale)].format(new Date(ms))} ${at} ${time}`;
  return formatDateTime(ms, locale);
}

/** `aujourd'hui, fin de la journée (24 h)`, `demain, …`, `mercredi, …`, else the full date. */
function formatRelativeEndOfDay(lastMinute: number, now: number, locale: Locale): string {
  const days = zone.dayOf(lastMinute) - zone.dayOf(now);
  const end = END_OF_DAY[locale];
  if (days === 0) return locale === "fr" ? `aujourd'hui, ${end}` : `today, ${end}`;
  if (days === 1) return locale === "fr" ? `demain, ${end}` : `tomorrow, ${end}`;
  if (days > 1 && days < 7) return `${weekdayFormats[locale].format(new Date(lastMinute))}, ${end}`;
  return formatDateTime(lastMinute + 60_000, locale);
}

const isoPartsFormat = new Intl.DateTimeFormat("en-CA", { timeZone: DISPLAY_TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

/** An instant in Québec time for a spreadsheet: `2026-12-01 16:30` (Excel and LibreOffice read it as a date and time). */
export function localIsoMinute(ms: number): string {
  const parts = isoPartsFormat.formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

const shortDateFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-CA", { timeZone: DISPLAY_TIME_ZONE, weekday: "short", day: "numeric", month: "short" }),
  en: new Intl.DateTimeFormat("en-CA", { timeZone: DISPLAY_TIME_ZONE, weekday: "short", day: "numeric", month: "short" }),
};

/** A list's compact instant: `lun. 23 nov., 10 h 30` / `Mon, Nov 23, 10:30 a.m.` (the full one on hover). */
export function formatShortDateTime(ms: number, locale: Locale): string {
  const l = known(locale);
  return `${premier(shortDateFormats[l].format(new Date(ms)), l)}, ${formatTime(ms, l)}`;
}
