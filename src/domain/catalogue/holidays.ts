// The `qc-public-service` holiday rule of the catalogue spec (§2 "Holidays"). It produces the
// default rows for a year; once stored, the rows are what counts (an administrator may edit them).
import type { HolidayDefinition, HolidayRuleId, HolidaySetDefinition } from "./types";
import {
  DAY_MS,
  dayNumberFromYmd,
  isoDateFromDayNumber,
  weekdayOfDayNumber,
  ymdFromDayNumber,
  type DayNumber,
} from "./zone";

type Named = { nameFr: string; nameEn: string };

const FIXED: readonly (Named & { month: number; day: number })[] = [
  { month: 1, day: 1, nameFr: "Jour de l'An", nameEn: "New Year's Day" },
  { month: 1, day: 2, nameFr: "Lendemain du jour de l'An", nameEn: "Day after New Year's Day" },
  { month: 6, day: 24, nameFr: "Fête nationale du Québec", nameEn: "Fête nationale (Québec)" },
  { month: 7, day: 1, nameFr: "Fête du Canada", nameEn: "Canada Day" },
  { month: 12, day: 24, nameFr: "Veille de Noël", nameEn: "Christmas Eve" },
  { month: 12, day: 25, nameFr: "Noël", nameEn: "Christmas Day" },
  { month: 12, day: 26, nameFr: "Lendemain de Noël", nameEn: "Boxing Day" },
  { month: 12, day: 31, nameFr: "Veille du jour de l'An", nameEn: "New Year's Eve" },
];

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberFromYmd(year, month, day);
}

/** The n-th (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DayNumber {
  const first = dayNumberFromYmd(year, month, 1);
  const shift = (weekday - weekdayOfDayNumber(first) + 7) % 7;
  return first + shift + (n - 1) * 7;
}

function isWeekend(day: DayNumber): boolean {
  const w = weekdayOfDayNumber(day);
  return w === 0 || w === 6;
}

/**
 * The default holidays of year Y under the `qc-public-service` rule, sorted by date. Movable
 * holidays are placed first, then the fixed dates in calendar order; a fixed date on a weekend is
 * observed on the next weekday that is not already a holiday, and only the observed date counts.
 *
 * Choice where the spec is silent: a 31 December on a weekend is observed in January of Y+1, and
 * "already a holiday" then includes Y+1's own January holidays, so the two years never collide.
 */
export function generateQcPublicServiceHolidays(year: number): HolidayDefinition[] {
  const nextJanuary = generateYear(year + 1, new Set())
    .filter((h) => ymdFromDayNumber(h.day).month === 1)
    .map((h) => h.day);
  return generateYear(year, new Set(nextJanuary)).map((h) => ({
    date: isoDateFromDayNumber(h.day),
    year,
    nameFr: h.nameFr,
    nameEn: h.nameEn,
  }));
}

function generateYear(year: number, alsoTaken: ReadonlySet<DayNumber>): (Named & { day: DayNumber })[] {
  const easter = easterSunday(year);
  const may25 = dayNumberFromYmd(year, 5, 25);
  const mondayBeforeMay25 = may25 - (((weekdayOfDayNumber(may25) - 1 + 7) % 7) || 7);
  const movable: (Named & { day: DayNumber })[] = [
    { day: easter - 2, nameFr: "Vendredi saint", nameEn: "Good Friday" },
    { day: easter + 1, nameFr: "Lundi de Pâques", nameEn: "Easter Monday" },
    { day: mondayBeforeMay25, nameFr: "Journée nationale des patriotes", nameEn: "National Patriots' Day" },
    { day: nthWeekday(year, 9, 1, 1), nameFr: "Fête du Travail", nameEn: "Labour Day" },
    { day: nthWeekday(year, 10, 1, 2), nameFr: "Action de grâces", nameEn: "Thanksgiving" },
  ];
  // "Already a holiday" covers every holiday of the year that needs no moving, whatever its order.
  const fixedOnWeekdays = FIXED.map((f) => dayNumberFromYmd(year, f.month, f.day)).filter((d) => !isWeekend(d));
  const taken = new Set<DayNumber>([...alsoTaken, ...movable.map((h) => h.day), ...fixedOnWeekdays]);
  const result: (Named & { day: DayNumber })[] = [...movable];
  for (const fixed of FIXED) {
    let day = dayNumberFromYmd(year, fixed.month, fixed.day);
    if (isWeekend(day)) {
      do day += 1;
      while (isWeekend(day) || taken.has(day));
      result.push({ day, nameFr: `${fixed.nameFr} (jour observé)`, nameEn: `${fixed.nameEn} (observed)` });
    } else {
      result.push({ day, nameFr: fixed.nameFr, nameEn: fixed.nameEn });
    }
    taken.add(day);
  }
  return result.sort((a, b) => a.day - b.day);
}

export function generateHolidays(rule: HolidayRuleId, year: number): HolidayDefinition[] {
  switch (rule) {
    case "qc-public-service":
      return generateQcPublicServiceHolidays(year);
  }
}

/**
 * The holidays in force for the given years: stored rows for stored years, the rule elsewhere.
 * The year before the range is included too, since its observed dates may spill into January.
 */
export function effectiveHolidays(set: HolidaySetDefinition, fromYear: number, toYear: number): HolidayDefinition[] {
  const stored = new Set(set.storedYears);
  const out: HolidayDefinition[] = [];
  for (let year = fromYear - 1; year <= toYear; year += 1) {
    if (stored.has(year)) out.push(...set.holidays.filter((h) => h.year === year));
    else if (set.rule) out.push(...generateHolidays(set.rule, year));
  }
  const byDate = new Map(out.map((h) => [h.date, h]));
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Holidays whose date falls on or after a given day, in date order (for "coming holidays"). */
export function upcomingHolidays(set: HolidaySetDefinition, fromDay: DayNumber, count: number): HolidayDefinition[] {
  const fromYear = new Date(fromDay * DAY_MS).getUTCFullYear();
  const from = isoDateFromDayNumber(fromDay);
  return effectiveHolidays(set, fromYear, fromYear + 2)
    .filter((h) => h.date >= from)
    .slice(0, count);
}
