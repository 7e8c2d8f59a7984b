// A weekday's opening hours as people type them: `8:30-12:00, 13:00-16:30` (also `8 h 30 – 12 h`),
// empty for closed. Parsed to ordered, non-overlapping minute intervals, or the reason it cannot be.
import type { OpenInterval } from "./types";

export type HoursError = "hours.format" | "hours.order" | "hours.overlap";

const TIME = String.raw`(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?`;
const INTERVAL = new RegExp(String.raw`^${TIME}\s*[-–à]\s*${TIME}$`, "i");

function minutes(hours: string, mins: string | undefined): number | null {
  const h = Number(hours);
  const m = mins === undefined ? 0 : Number(mins);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

export function parseDayHours(text: string): { intervals: OpenInterval[] } | { error: HoursError } {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "");
  const intervals: OpenInterval[] = [];
  for (const part of parts) {
    const match = INTERVAL.exec(part);
    if (!match) return { error: "hours.format" };
    const start = minutes(match[1]!, match[2]);
    const end = minutes(match[3]!, match[4]);
    if (start === null || end === null) return { error: "hours.format" };
    if (start >= end) return { error: "hours.order" };
    intervals.push({ start, end });
  }
  for (let i = 1; i < intervals.length; i += 1) {
    if (intervals[i]!.start < intervals[i - 1]!.end) return { error: intervals[i]!.start < intervals[i - 1]!.start ? "hours.order" : "hours.overlap" };
  }
  return { intervals };
}

/** Intervals back to the text the form shows: `8:30-12:00, 13:00-16:30`. */
export function formatDayHours(intervals: readonly OpenInterval[]): string {
  const time = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
  return intervals.map((iv) => `${time(iv.start)}-${time(iv.end)}`).join(", ");
}
