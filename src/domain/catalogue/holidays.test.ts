import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { easterSunday, effectiveHolidays, generateQcPublicServiceHolidays } from "./holidays";
import { dayNumberFromIsoDate, isoDateFromDayNumber, weekdayOfDayNumber } from "./zone";

const dates = (year: number) => generateQcPublicServiceHolidays(year).map((h) => h.date.slice(5));

describe("qc-public-service holiday rule", () => {
  it("gives the 2026 list of the spec", () => {
    expect(dates(2026)).toEqual([
      "01-01", "01-02", "04-03", "04-06", "05-18", "06-24", "07-01", "09-07", "10-12", "12-24", "12-25", "12-28", "12-31",
    ]);
  });

  it("moves 2027's weekend dates to the next free weekday (25 Dec → 27, 26 Dec → 28, 2 Jan → 4)", () => {
    expect(dates(2027)).toEqual([
      "01-01", "01-04", "03-26", "03-29", "05-24", "06-24", "07-01", "09-06", "10-11", "12-24", "12-27", "12-28", "12-31",
    ]);
  });

  it("names observed days as such", () => {
    const observed = generateQcPublicServiceHolidays(2026).find((h) => h.date === "2026-12-28");
    expect(observed?.nameFr).toBe("Lendemain de Noël (jour observé)");
  });

  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (year, iso) => {
    expect(isoDateFromDayNumber(easterSunday(year))).toBe(iso);
  });

  it("keeps a 31 December on a Saturday clear of the next year's January holidays (2022 → 2023-01-04)", () => {
    const y2022 = generateQcPublicServiceHolidays(2022).map((h) => h.date);
    const y2023 = generateQcPublicServiceHolidays(2023).map((h) => h.date);
    expect(y2022).toContain("2023-01-04");
    expect(y2023).toEqual(expect.arrayContaining(["2023-01-02", "2023-01-03"]));
    expect(y2022.filter((d) => y2023.includes(d))).toEqual([]);
  });

  it("stored years override the rule, other years fall back to it", () => {
    const set = {
      id: "s",
      rule: "qc-public-service" as const,
      storedYears: [2026],
      holidays: [{ date: "2026-03-10", year: 2026, nameFr: "Fermeture", nameEn: "Closure" }],
    };
    const list = effectiveHolidays(set, 2026, 2027).map((h) => h.date);
    expect(list).toContain("2026-03-10");
    expect(list).not.toContain("2026-12-25");
    expect(list).toContain("2027-12-27");
  });

  it("property: every year has 13 distinct weekday holidays, none on a weekend", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2200 }), (year) => {
        const list = generateQcPublicServiceHolidays(year).map((h) => h.date);
        expect(new Set(list).size).toBe(13);
        for (const iso of list) {
          const w = weekdayOfDayNumber(dayNumberFromIsoDate(iso)!);
          expect(w === 0 || w === 6).toBe(false);
        }
      }),
    );
  });
});
