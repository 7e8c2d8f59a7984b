// Wall-clock ↔ instant conversion for one IANA time zone, using only `Intl` with an explicit
// zone: never the process time zone, never the clock. Results are cached per local day, so
// the hot paths of the engine (which work on precomputed tables) never call Intl.

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Days since 1970-01-01 of a local calendar date. */
export type DayNumber = number;

export function dayNumberFromYmd(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function ymdFromDayNumber(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDateFromDayNumber(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → day number, or null when it is not a real calendar date. */
export function dayNumberFromIsoDate(iso: string): DayNumber | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumberFromYmd(year, month, day);
  const back = ymdFromDayNumber(n);
  return back.year === year && back.month === month && back.day === day ? n : null;
}

/** 0 = Sunday; 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

export class Zone {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly midnights = new Map<DayNumber, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  /** Local time minus UTC, in ms, at an instant (whole seconds: no zone has sub-second offsets). */
  offsetAt(utcMs: number): number {
    const seconds = Math.floor(utcMs / 1000) * 1000;
    const parts = this.format.formatToParts(new Date(seconds));
    const get = (type: Intl.DateTimeFormatPartTypes): number =>
      Number(parts.find((p) => p.type === type)?.value ?? 0);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    return asUtc - seconds;
  }

  /**
   * The instant of a local wall time. An ambiguous fall-back time maps to its first occurrence;
   * a time skipped by a spring-forward gap is read with the offset before the gap (it lands as
   * far after the gap's start as it was written), as Temporal's "compatible" disambiguation does.
   */
  wallToUtc(day: DayNumber, minuteOfDay: number): number {
    const local = day * DAY_MS + minuteOfDay * MINUTE_MS;
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + DAY_MS);
    const candidates = [local - before, local - after].filter((c) => c + this.offsetAt(c) === local);
    if (candidates.length === 0) return local - before;
    return Math.min(...candidates);
  }

  /** The instant of local midnight starting `day` (cached). */
  midnight(day: DayNumber): number {
    let v = this.midnights.get(day);
    if (v === undefined) {
      v = this.wallToUtc(day, 0);
      this.midnights.set(day, v);
    }
    return v;
  }

  /** The local date (day number) containing an instant. */
  dayOf(utcMs: number): DayNumber {
    return Math.floor((utcMs + this.offsetAt(utcMs)) / DAY_MS);
  }

  /** Local year of an instant. */
  yearOf(utcMs: number): number {
    return ymdFromDayNumber(this.dayOf(utcMs)).year;
  }
}

const zones = new Map<string, Zone>();

export function getZone(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    z = new Zone(timeZone);
    zones.set(timeZone, z);
  }
  return z;
}

/**
 * A local wall time `YYYY-MM-DDTHH:mm` (what an `<input type="datetime-local">` sends) read in a
 * zone → an instant; null when it is not a real date and time.
 */
export function localDateTimeToInstant(value: string, timeZone: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!match) return null;
  const day = dayNumberFromIsoDate(match[1]!);
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (day === null || hour > 23 || minute > 59) return null;
  return getZone(timeZone).wallToUtc(day, hour * 60 + minute);
}

/** An instant → the local wall time `YYYY-MM-DDTHH:mm` in a zone (the inverse of the above). */
export function instantToLocalDateTime(ms: number, timeZone: string): string {
  const zone = getZone(timeZone);
  const day = zone.dayOf(ms);
  const minuteOfDay = Math.floor((ms + zone.offsetAt(ms) - day * DAY_MS) / MINUTE_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${isoDateFromDayNumber(day)}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}
