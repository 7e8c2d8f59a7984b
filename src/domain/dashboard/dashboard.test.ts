import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumberFromIsoDate, getZone, isoDateFromDayNumber } from "@/domain/catalogue/zone";
import type { EvaluatedTarget } from "@/domain/requests/targets";
import { bucketKeys, resolvePeriod, shiftPeriod, type PeriodKind } from "./period";
import { ageClass, percentile, PROMISE_ROW, summarizeCalls, summarizeTargets } from "./statistics";

const zone = getZone("America/Toronto");
const day = (iso: string) => dayNumberFromIsoDate(iso)!;
const iso = (n: number) => isoDateFromDayNumber(n);

describe("resolvePeriod", () => {
  it.each<[PeriodKind, string, string, string]>([
    ["day", "2026-11-23", "2026-11-23", "2026-11-23"],
    // Monday to Sunday, from any day of the week.
    ["week", "2026-11-23", "2026-11-23", "2026-11-29"],
    ["week", "2026-11-29", "2026-11-23", "2026-11-29"],
    ["week", "2026-11-25", "2026-11-23", "2026-11-29"],
    ["week", "2027-01-01", "2026-12-28", "2027-01-03"],
    ["month", "2026-11-23", "2026-11-01", "2026-11-30"],
    ["month", "2028-02-10", "2028-02-01", "2028-02-29"],
    ["month", "2027-02-10", "2027-02-01", "2027-02-28"],
    ["month", "2026-12-31", "2026-12-01", "2026-12-31"],
  ])("%s around %s is %s to %s", (kind, reference, first, last) => {
    const p = resolvePeriod(zone, kind, day(reference));
    expect([iso(p.firstDay), iso(p.lastDay)]).toEqual([first, last]);
  });

  it("spans local midnights, daylight-saving changes included", () => {
    // November 2026: EDT until 1 November 02:00, then EST.
    const november = resolvePeriod(zone, "month", day("2026-11-15"));
    expect(new Date(november.from).toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(new Date(november.to).toISOString()).toBe("2026-12-01T05:00:00.000Z");
    // The day clocks go back lasts 25 hours.
    const fallBack = resolvePeriod(zone, "day", day("2026-11-01"));
    expect(fallBack.to - fallBack.from).toBe(25 * 3_600_000);
  });

  it("takes a range of up to 366 days, charted per day up to 62 days, per month beyond", () => {
    expect(resolvePeriod(zone, "range", 0, { first: day("2026-01-01"), last: day("2026-03-03") }).bucket).toBe("day");
    expect(resolvePeriod(zone, "range", 0, { first: day("2026-01-01"), last: day("2026-03-04") }).bucket).toBe("month");
    expect(() => resolvePeriod(zone, "range", 0, { first: day("2026-01-01"), last: day("2027-01-02") })).toThrow();
    expect(() => resolvePeriod(zone, "range", 0, { first: day("2026-02-01"), last: day("2026-01-31") })).toThrow();
    expect(() => resolvePeriod(zone, "range", 0)).toThrow();
  });

  it("moves to the period before and after, of the same kind and length", () => {
    const month = resolvePeriod(zone, "month", day("2026-03-15"));
    expect(iso(shiftPeriod(zone, month, -1).firstDay)).toBe("2026-02-01");
    expect(iso(shiftPeriod(zone, month, -1).lastDay)).toBe("2026-02-28");
    expect(iso(shiftPeriod(zone, month, 1).lastDay)).toBe("2026-04-30");
    const range = resolvePeriod(zone, "range", 0, { first: day("2026-03-10"), last: day("2026-03-19") });
    expect([iso(shiftPeriod(zone, range, 1).firstDay), iso(shiftPeriod(zone, range, 1).lastDay)]).toEqual(["2026-03-20", "2026-03-29"]);
  });

  it("consecutive periods tile time: each starts where the one before ends", () => {
    fc.assert(
      fc.property(fc.constantFrom<PeriodKind>("day", "week", "month"), fc.integer({ min: day("2020-01-01"), max: day("2035-12-31") }), (kind, reference) => {
        const p = resolvePeriod(zone, kind, reference);
        const next = shiftPeriod(zone, p, 1);
        return next.from === p.to && next.firstDay === p.lastDay + 1 && p.firstDay <= reference && reference <= p.lastDay;
      }),
    );
  });

  it("lists every chart bucket, empty ones included", () => {
    expect(bucketKeys(resolvePeriod(zone, "week", day("2026-11-23")))).toEqual([
      "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29",
    ]);
    expect(bucketKeys(resolvePeriod(zone, "range", 0, { first: day("2026-01-15"), last: day("2026-04-02") }))).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
  });
});

describe("percentile (nearest rank)", () => {
  it.each<[number[], number, number | null]>([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9, 10],
  ])("%j at %d is %s", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it("is a value of the list, with at least p of the values at or below it and fewer than p strictly below", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 200 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b);
        const v = percentile(sorted, p)!;
        const atOrBelow = sorted.filter((x) => x <= v).length;
        const below = sorted.filter((x) => x < v).length;
        return sorted.includes(v) && atOrBelow >= p * sorted.length - 1e-9 && below < p * sorted.length;
      }),
    );
  });
});

const HOUR = 3_600_000;
function target(overrides: Partial<EvaluatedTarget>): EvaluatedTarget {
  return {
    targetId: "cad-candidate-reply",
    metric: "reply-or-delay-notice",
    clock: "business-days",
    amount: 10,
    unit: "days",
    calendarId: "cad-candidates",
    startsAt: 0,
    dueAt: 100 * HOUR,
    riskAt: 75 * HOUR,
    metAt: null,
    withdrawn: false,
    state: "pending",
    allowedMs: 70 * HOUR,
    elapsedMs: 0,
    remainingMs: 70 * HOUR,
    ...overrides,
  };
}

describe("summarizeTargets", () => {
  it("counts met on time, met late, overdue, pending and at risk; share and times over the decided ones", () => {
    const rows = summarizeTargets([
      target({ metAt: 2 * HOUR, state: "met", elapsedMs: 1 * HOUR }),
      target({ metAt: 10 * HOUR, state: "met", elapsedMs: 4 * HOUR }),
      target({ metAt: 120 * HOUR, state: "breached", elapsedMs: 80 * HOUR }),
      target({ state: "breached" }),
      target({ state: "pending" }),
      target({ state: "at-risk" }),
      target({ state: "pending", withdrawn: true }),
    ]);
    expect(rows).toEqual([
      {
        key: "cad-candidate-reply",
        metric: "reply-or-delay-notice",
        clock: "business-days",
        calendarId: "cad-candidates",
        total: 6,
        metOnTime: 2,
        metLate: 1,
        overdue: 1,
        pending: 2,
        atRisk: 1,
        shareMet: 0.5,
        clockMedianMs: 4 * HOUR,
        clockP90Ms: 80 * HOUR,
        elapsedMedianMs: 10 * HOUR,
        elapsedP90Ms: 120 * HOUR,
      },
    ]);
  });

  it("puts every promise together, and has no share while nothing is decided", () => {
    const rows = summarizeTargets([
      target({ targetId: "promise-1", metric: "promised-reply", clock: "elapsed" }),
      target({ targetId: "promise-2", metric: "promised-reply", clock: "elapsed" }),
    ]);
    expect(rows.map((r) => [r.key, r.total, r.shareMet, r.clockMedianMs])).toEqual([[PROMISE_ROW, 2, null, null]]);
  });
});

describe("summarizeCalls", () => {
  it("counts phone calls answered within their target and their waits; other channels apart", () => {
    const minute = 60_000;
    const summary = summarizeCalls([
      { channel: "phone", receivedAt: 0, answeredAt: 3 * minute, dueAt: 5 * minute },
      { channel: "phone", receivedAt: 0, answeredAt: 5 * minute, dueAt: 5 * minute },
      { channel: "phone", receivedAt: 0, answeredAt: 6 * minute, dueAt: 5 * minute },
      { channel: "phone", receivedAt: 0, answeredAt: null, dueAt: 5 * minute },
      { channel: "voicemail", receivedAt: 0, answeredAt: null, dueAt: null },
      { channel: "fax", receivedAt: 0, answeredAt: null, dueAt: null },
    ]);
    expect(summary).toEqual({
      calls: 4,
      answered: 3,
      answeredWithinTarget: 2,
      shareWithinTarget: 0.5,
      waitMedianMs: 5 * minute,
      waitP90Ms: 6 * minute,
      byChannel: { phone: 4, voicemail: 1, fax: 1 },
    });
  });
});

describe("ageClass", () => {
  it.each([
    [0, "lt1"],
    [23.9, "lt1"],
    [24, "1to2"],
    [47, "1to2"],
    [48, "2to5"],
    [5 * 24, "5to10"],
    [10 * 24, "10to20"],
    [20 * 24 - 1, "10to20"],
    [20 * 24, "ge20"],
    [400 * 24, "ge20"],
  ])("%d hours old → %s", (hours, expected) => {
    expect(ageClass(hours * HOUR)).toBe(expected);
  });
});
