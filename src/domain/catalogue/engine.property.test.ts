// Invariants of the engine over random instants of 2026–2027, checked against an oracle that
// reads local time with its own Intl formatter (not the engine's zone tables).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "./default-catalogue";
import { createCatalogueEngine, durationMs } from "./engine";
import { generateQcPublicServiceHolidays } from "./holidays";

const engine = createCatalogueEngine(DEFAULT_CATALOGUE);
const FROM = Date.UTC(2026, 0, 1, 5);
const TO = Date.UTC(2028, 0, 1, 5);
const instant = fc.integer({ min: FROM, max: TO - 1 });
/** Instants on round minutes hit interval boundaries often. */
const roundInstant = fc.integer({ min: FROM / 60_000, max: TO / 60_000 - 1 }).map((m) => m * 60_000);
const anyInstant = fc.oneof(instant, roundInstant);
const RUNS = { numRuns: 2000 };

const oracleFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Toronto",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  weekday: "short",
});
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const holidays = new Set([2025, 2026, 2027, 2028].flatMap((y) => generateQcPublicServiceHolidays(y).map((h) => h.date)));

function oracleOpen(calendarId: string, ms: number): boolean {
  const parts = Object.fromEntries(oracleFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  if (holidays.has(date)) return false;
  const calendar = DEFAULT_CATALOGUE.calendars.find((c) => c.id === calendarId)!;
  const minute = Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60 + (ms % 1000) / 60_000;
  return calendar.week[WEEKDAYS.indexOf(parts.weekday!)]!.some((iv) => iv.start <= minute && minute < iv.end);
}

const calendarIds = DEFAULT_CATALOGUE.calendars.map((c) => c.id);
const calendarId = fc.constantFrom(...calendarIds);
const target = fc.constantFrom(
  ...DEFAULT_CATALOGUE.targets,
  ...calendarIds.map((id) => ({ ...DEFAULT_CATALOGUE.targets[4]!, id: `sh-${id}`, clock: "service-hours" as const, calendarId: id })),
);

describe("engine properties", () => {
  it("open exactly when inside an interval of a business day (against an independent oracle)", () => {
    fc.assert(
      fc.property(calendarId, anyInstant, (id, ms) => {
        expect(engine.calendarStatus(id, ms).open).toBe(oracleOpen(id, ms));
      }),
      RUNS,
    );
  });

  it("the next opening is an interval start, and nothing opens in between", () => {
    fc.assert(
      fc.property(calendarId, anyInstant, (id, ms) => {
        const s = engine.calendarStatus(id, ms);
        if (s.open) {
          expect(s.closesAt).toBeGreaterThan(ms);
          expect(oracleOpen(id, s.closesAt! - 1)).toBe(true);
          expect(oracleOpen(id, s.closesAt!)).toBe(false);
        } else {
          expect(s.nextOpening).toBeGreaterThan(ms);
          expect(oracleOpen(id, s.nextOpening!)).toBe(true);
          expect(oracleOpen(id, s.nextOpening! - 1)).toBe(false);
          // Sampled check that the line stays closed until then.
          for (let k = 1; k <= 16; k += 1) expect(oracleOpen(id, ms + ((s.nextOpening! - ms) * k) / 17)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("due ≥ received", () => {
    fc.assert(
      fc.property(target, anyInstant, (t, ms) => {
        expect(engine.dueAt(t, ms)).toBeGreaterThanOrEqual(ms);
      }),
      RUNS,
    );
  });

  it("due is monotone in received", () => {
    fc.assert(
      fc.property(target, anyInstant, anyInstant, (t, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(engine.dueAt(t, early)).toBeLessThanOrEqual(engine.dueAt(t, late));
      }),
      RUNS,
    );
  });

  it("the counted time from received to due is exactly the duration (time-counting clocks)", () => {
    fc.assert(
      fc.property(target, anyInstant, (t, ms) => {
        if (t.clock === "business-days") return;
        expect(engine.clockTimeBetween(t, ms, engine.dueAt(t, ms))).toBe(durationMs(t));
      }),
      RUNS,
    );
  });

  it("a service-hours due instant is inside an interval or at its end; a business-days one at a day's last close", () => {
    fc.assert(
      fc.property(target, anyInstant, (t, ms) => {
        const d = engine.dueAt(t, ms);
        if (t.clock === "service-hours") expect(oracleOpen(t.calendarId, d - 1)).toBe(true);
        if (t.clock === "business-days") {
          expect(oracleOpen(t.calendarId, d - 1)).toBe(true);
          expect(engine.calendarStatus(t.calendarId, d).open).toBe(false);
          expect(engine.calendarStatus(t.calendarId, d).nextOpening! - d).toBeGreaterThan(12 * 3_600_000);
        }
      }),
      RUNS,
    );
  });
});
