// The period a dashboard or a report covers: a local day, a week (Monday to Sunday), a calendar
// month, or a range of local dates, in the service's time zone. Requests are counted in the
// period they were received in (a cohort): their targets' states are read at the moment of
// viewing, so a month's figures settle as its pending targets are met or breached.
import {
  dayNumberFromYmd,
  isoDateFromDayNumber,
  weekdayOfDayNumber,
  ymdFromDayNumber,
  type DayNumber,
  type Zone,
} from "@/domain/catalogue/zone";

export const PERIOD_KINDS = ["day", "week", "month", "range"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The longest custom range (a year, leap day included). */
export const MAX_RANGE_DAYS = 366;
/** Ranges up to this many days are charted per day; longer ones per month. */
export const DAILY_BUCKETS_UP_TO = 62;

export type Period = {
  kind: PeriodKind;
  /** First and last local dates, inclusive. */
  firstDay: DayNumber;
  lastDay: DayNumber;
  /** [from, to): local midnight starting firstDay to local midnight after lastDay. */
  from: number;
  to: number;
  bucket: "day" | "month";
};

function monthBounds(day: DayNumber): [DayNumber, DayNumber] {
  const { year, month } = ymdFromDayNumber(day);
  const first = dayNumberFromYmd(year, month, 1);
  const next = month === 12 ? dayNumberFromYmd(year + 1, 1, 1) : dayNumberFromYmd(year, month + 1, 1);
  return [first, next - 1];
}

/** The period of a kind around a reference date (or the given range), in a zone. */
export function resolvePeriod(zone: Zone, kind: PeriodKind, reference: DayNumber, range?: { first: DayNumber; last: DayNumber }): Period {
  let firstDay: DayNumber;
  let lastDay: DayNumber;
  switch (kind) {
    case "day":
      [firstDay, lastDay] = [reference, reference];
      break;
    case "week": {
      // Monday is the first day of the week in Québec's administration.
      const sinceMonday = (weekdayOfDayNumber(reference) + 6) % 7;
      firstDay = reference - sinceMonday;
      lastDay = firstDay + 6;
      break;
    }
    case "month":
      [firstDay, lastDay] = monthBounds(reference);
      break;
    case "range":
      if (!range) throw new Error("A range period needs its first and last dates");
      if (range.last < range.first || range.last - range.first + 1 > MAX_RANGE_DAYS) throw new Error("Invalid range");
      [firstDay, lastDay] = [range.first, range.last];
      break;
  }
  return {
    kind,
    firstDay,
    lastDay,
    from: zone.midnight(firstDay),
    to: zone.midnight(lastDay + 1),
    bucket: lastDay - firstDay + 1 <= DAILY_BUCKETS_UP_TO ? "day" : "month",
  };
}

/** The period before (−1) or after (+1) of the same kind (a range moves by its own length). */
export function shiftPeriod(zone: Zone, period: Period, direction: -1 | 1): Period {
  if (period.kind === "range") {
    const length = period.lastDay - period.firstDay + 1;
    return resolvePeriod(zone, "range", period.firstDay, { first: period.firstDay + direction * length, last: period.lastDay + direction * length });
  }
  const reference = direction < 0 ? period.firstDay - 1 : period.lastDay + 1;
  return resolvePeriod(zone, period.kind, reference);
}

/** The key of the chart bucket a local date falls in: `YYYY-MM-DD` per day, `YYYY-MM` per month. */
export function bucketKey(day: DayNumber, bucket: Period["bucket"]): string {
  const iso = isoDateFromDayNumber(day);
  return bucket === "day" ? iso : iso.slice(0, 7);
}

/** Every bucket key of a period, in order (empty buckets included, so a chart shows the gaps). */
export function bucketKeys(period: Period): string[] {
  const keys: string[] = [];
  for (let day = period.firstDay; day <= period.lastDay; day += 1) {
    const key = bucketKey(day, period.bucket);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}
