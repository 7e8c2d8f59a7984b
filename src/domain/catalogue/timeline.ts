// A calendar laid out on the time line over a window of local days, with prefix sums for the
// clocks. Every query is then a binary search or two: no loop over days or intervals per call.
//
// Positions: for a clock, pos(t) is the counted time between the window's start and instant t.
// The counted time between a and b is pos(b) - pos(a), and a due instant is the earliest t
// whose position reaches pos(received) + duration.
import { effectiveHolidays } from "./holidays";
import type { CalendarDefinition, HolidaySetDefinition, OpenStatus } from "./types";
import {
  DAY_MS,
  MINUTE_MS,
  dayNumberFromIsoDate,
  getZone,
  weekdayOfDayNumber,
  ymdFromDayNumber,
  dayNumberFromYmd,
  type DayNumber,
  type Zone,
} from "./zone";

/** Window built around an instant: from the year before it to this many years after it. */
const YEARS_AFTER = 3;

type Tables = {
  firstDay: DayNumber;
  dayCount: number;
  /** dayStart[i] = instant of local midnight of firstDay + i; dayCount + 1 entries. */
  dayStart: Float64Array;
  isBusiness: Uint8Array;
  /** Business-day time before day i; dayCount + 1 entries. */
  bdtCum: Float64Array;
  /** Open intervals of business days, in order. */
  ivStart: Float64Array;
  ivEnd: Float64Array;
  /** Open time before interval k; ivCount + 1 entries. */
  ivCum: Float64Array;
  /** Index of the first interval at or after day i; dayCount + 1 entries. */
  dayFirstInterval: Int32Array;
  /** Day indices of business days, in order. */
  businessDays: Int32Array;
};

/** First index i in [lo, hi) with arr[i] > x (or hi). */
function upperBound(arr: Float64Array | Int32Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index i in [lo, hi) with arr[i] >= x (or hi). */
function lowerBound(arr: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class CalendarTimeline {
  readonly calendar: CalendarDefinition;
  readonly holidaySet: HolidaySetDefinition;
  private readonly zone: Zone;
  private t: Tables | null = null;

  constructor(calendar: CalendarDefinition, holidaySet: HolidaySetDefinition) {
    this.calendar = calendar;
    this.holidaySet = holidaySet;
    this.zone = getZone(calendar.timeZone);
  }

  // ---- window management -------------------------------------------------------------

  /** Tables covering `ms` with at least a year of margin after it. */
  private tablesFor(ms: number): Tables {
    const t = this.t;
    if (t && ms >= t.dayStart[0]! && ms < t.dayStart[Math.max(0, t.dayCount - 400)]!) return t;
    const year = this.zone.yearOf(ms);
    const fromYear = t ? Math.min(year - 1, ymdFromDayNumber(t.firstDay).year) : year - 1;
    const lastYear = t ? Math.max(year + YEARS_AFTER, ymdFromDayNumber(t.firstDay + t.dayCount - 1).year + YEARS_AFTER) : year + YEARS_AFTER;
    this.t = this.build(fromYear, lastYear);
    return this.t;
  }

  /** Extend the window to cover at least one more span of years after its end. */
  private extend(): Tables {
    const t = this.t!;
    const first = ymdFromDayNumber(t.firstDay).year;
    const last = ymdFromDayNumber(t.firstDay + t.dayCount - 1).year;
    this.t = this.build(first, last + YEARS_AFTER + 1);
    return this.t;
  }

  private build(fromYear: number, toYear: number): Tables {
    const firstDay = dayNumberFromYmd(fromYear, 1, 1);
    const endDay = dayNumberFromYmd(toYear + 1, 1, 1);
    const dayCount = endDay - firstDay;
    const holidays = new Set<DayNumber>();
    for (const h of effectiveHolidays(this.holidaySet, fromYear, toYear)) {
      const d = dayNumberFromIsoDate(h.date);
      if (d !== null) holidays.add(d);
    }
    const dayStart = new Float64Array(dayCount + 1);
    const isBusiness = new Uint8Array(dayCount);
    const bdtCum = new Float64Array(dayCount + 1);
    const dayFirstInterval = new Int32Array(dayCount + 1);
    const ivStart: number[] = [];
    const ivEnd: number[] = [];
    const businessDays: number[] = [];
    for (let i = 0; i <= dayCount; i += 1) dayStart[i] = this.zone.midnight(firstDay + i);
    for (let i = 0; i < dayCount; i += 1) {
      const day = firstDay + i;
      const intervals = this.calendar.week[weekdayOfDayNumber(day)] ?? [];
      const business = intervals.length > 0 && !holidays.has(day);
      isBusiness[i] = business ? 1 : 0;
      bdtCum[i + 1] = bdtCum[i]! + (business ? dayStart[i + 1]! - dayStart[i]! : 0);
      dayFirstInterval[i] = ivStart.length;
      if (business) {
        businessDays.push(i);
        for (const iv of intervals) {
          ivStart.push(this.wall(day, iv.start, dayStart[i]!));
          ivEnd.push(this.wall(day, iv.end, dayStart[i]!));
        }
      }
    }
    dayFirstInterval[dayCount] = ivStart.length;
    const ivCum = new Float64Array(ivStart.length + 1);
    for (let k = 0; k < ivStart.length; k += 1) ivCum[k + 1] = ivCum[k]! + (ivEnd[k]! - ivStart[k]!);
    return {
      firstDay,
      dayCount,
      dayStart,
      isBusiness,
      bdtCum,
      ivStart: Float64Array.from(ivStart),
      ivEnd: Float64Array.from(ivEnd),
      ivCum,
      dayFirstInterval,
      businessDays: Int32Array.from(businessDays),
    };
  }

  /** Wall time → instant; the common case (no offset change since midnight) needs no Intl. */
  private wall(day: DayNumber, minute: number, midnight: number): number {
    const guess = midnight + minute * MINUTE_MS;
    const local = day * DAY_MS + minute * MINUTE_MS;
    if (guess + this.zone.offsetAt(guess) === local) return guess;
    return this.zone.wallToUtc(day, minute);
  }

  private dayIndex(t: Tables, ms: number): number {
    return upperBound(t.dayStart, ms, 0, t.dayCount + 1) - 1;
  }

  // ---- queries ------------------------------------------------------------------------

  /** Whether the local date of an instant is a business day. */
  isBusinessDayAt(ms: number): boolean {
    const t = this.tablesFor(ms);
    return t.isBusiness[this.dayIndex(t, ms)] === 1;
  }

  status(ms: number): OpenStatus {
    let t = this.tablesFor(ms);
    const k = upperBound(t.ivEnd, ms, 0, t.ivEnd.length);
    if (k < t.ivEnd.length && t.ivStart[k]! <= ms) return { open: true, closesAt: t.ivEnd[k]!, nextOpening: null };
    while (k >= t.ivStart.length) {
      // No interval left in the window (a calendar with no open day returns null below).
      if (t.ivStart.length === 0) return { open: false, closesAt: null, nextOpening: null };
      t = this.extend();
      const again = upperBound(t.ivEnd, ms, 0, t.ivEnd.length);
      if (again < t.ivStart.length) return { open: false, closesAt: null, nextOpening: t.ivStart[again]! };
    }
    return { open: false, closesAt: null, nextOpening: t.ivStart[k]! };
  }

  // business-day-time ------------------------------------------------------------------

  private bdtPos(t: Tables, ms: number): number {
    const i = this.dayIndex(t, ms);
    return t.isBusiness[i] ? t.bdtCum[i]! + (ms - t.dayStart[i]!) : t.bdtCum[i + 1]!;
  }

  addBusinessDayTime(received: number, durationMs: number): number {
    if (durationMs <= 0) return received;
    let t = this.tablesFor(received);
    const target = this.bdtPos(t, received) + durationMs;
    while (t.bdtCum[t.dayCount]! < target) {
      if (t.bdtCum[t.dayCount] === 0) throw new RangeError(`calendar ${this.calendar.id} has no business day`);
      t = this.extend();
    }
    // Smallest i with bdtCum[i + 1] >= target: the day on which the count reaches the target.
    const i = lowerBound(t.bdtCum, target, 1, t.dayCount + 1) - 1;
    return t.dayStart[i]! + (target - t.bdtCum[i]!);
  }

  businessDayTimeBetween(from: number, to: number): number {
    if (to === from) return 0;
    if (to < from) return -this.businessDayTimeBetween(to, from);
    this.tablesFor(from);
    const t = this.tablesFor(to);
    return this.bdtPos(t, to) - this.bdtPos(t, from);
  }

  // service-hours ----------------------------------------------------------------------

  private shPos(t: Tables, ms: number): number {
    const k = upperBound(t.ivEnd, ms, 0, t.ivEnd.length);
    if (k >= t.ivEnd.length) return t.ivCum[t.ivEnd.length]!;
    return t.ivStart[k]! <= ms ? t.ivCum[k]! + (ms - t.ivStart[k]!) : t.ivCum[k]!;
  }

  /** A duration used up exactly at an interval's end is due at that end (spec §3). */
  addServiceHours(received: number, durationMs: number): number {
    if (durationMs <= 0) return received;
    let t = this.tablesFor(received);
    const target = this.shPos(t, received) + durationMs;
    while (t.ivCum[t.ivStart.length]! < target) {
      if (t.ivStart.length === 0) throw new RangeError(`calendar ${this.calendar.id} has no open interval`);
      t = this.extend();
    }
    // Smallest k with ivCum[k + 1] >= target: the interval in which the target is reached.
    const k = lowerBound(t.ivCum, target, 1, t.ivStart.length + 1) - 1;
    return t.ivStart[k]! + (target - t.ivCum[k]!);
  }

  serviceHoursBetween(from: number, to: number): number {
    if (to === from) return 0;
    if (to < from) return -this.serviceHoursBetween(to, from);
    this.tablesFor(from);
    const t = this.tablesFor(to);
    return this.shPos(t, to) - this.shPos(t, from);
  }

  // business-days ----------------------------------------------------------------------

  /** The end of the last open interval of a local date, or null when that date is not a business day. */
  closingOf(day: DayNumber): number | null {
    const t = this.tablesFor(this.zone.midnight(day));
    const i = day - t.firstDay;
    if (i < 0 || i >= t.dayCount || t.isBusiness[i] !== 1) return null;
    return t.ivEnd[t.dayFirstInterval[i + 1]! - 1]!;
  }

  /** The local date (day number) of an instant in this calendar's zone. */
  dayOf(ms: number): DayNumber {
    const t = this.tablesFor(ms);
    return t.firstDay + this.dayIndex(t, ms);
  }

  /** Day 1 is the first business day strictly after the local date of `received`; due at the end of day N's last interval. */
  addBusinessDays(received: number, days: number): number {
    let t = this.tablesFor(received);
    const i = this.dayIndex(t, received);
    for (;;) {
      const b = upperBound(t.businessDays, i, 0, t.businessDays.length) + Math.max(1, days) - 1;
      if (b < t.businessDays.length) {
        const day = t.businessDays[b]!;
        return t.ivEnd[t.dayFirstInterval[day + 1]! - 1]!;
      }
      if (t.businessDays.length === 0) throw new RangeError(`calendar ${this.calendar.id} has no business day`);
      t = this.extend();
    }
  }
}
