import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDayHours, parseDayHours } from "./hours-text";

describe("parseDayHours", () => {
  it.each<[string, unknown]>([
    ["", { intervals: [] }],
    ["8:30-12:00, 13:00-16:30", { intervals: [{ start: 510, end: 720 }, { start: 780, end: 990 }] }],
    ["8 h 30 – 12 h; 13 h à 16 h 30", { intervals: [{ start: 510, end: 720 }, { start: 780, end: 990 }] }],
    ["14:00-16:30", { intervals: [{ start: 840, end: 990 }] }],
    ["0:00-24:00", { intervals: [{ start: 0, end: 1440 }] }],
    ["8:30", { error: "hours.format" }],
    ["8:75-9:00", { error: "hours.format" }],
    ["25:00-26:00", { error: "hours.format" }],
    ["12:00-8:30", { error: "hours.order" }],
    ["9:00-9:00", { error: "hours.order" }],
    ["13:00-16:30, 8:30-12:00", { error: "hours.order" }],
    ["8:30-12:00, 11:00-16:30", { error: "hours.overlap" }],
  ])("%j → %j", (text, expected) => {
    expect(parseDayHours(text)).toEqual(expected);
  });

  it("reads back what it formats", () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 240 }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 4 }), (raw) => {
        let at = 0;
        const intervals = [];
        for (const [gap, length] of raw) {
          const start = Math.min(1439, at + (gap % 120));
          const end = Math.min(1440, start + length);
          if (start >= end) break;
          intervals.push({ start, end });
          at = end;
        }
        return JSON.stringify(parseDayHours(formatDayHours(intervals))) === JSON.stringify({ intervals });
      }),
    );
  });
});
