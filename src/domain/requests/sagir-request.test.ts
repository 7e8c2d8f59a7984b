// The departure notice's 48-hour lead time (spec §6) on the `sagir` calendar, and the detail facts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "../catalogue/default-catalogue";
import { createCatalogueEngine } from "../catalogue/engine";
import { local } from "../catalogue/test-support";
import { dayNumberFromIsoDate, getZone, isoDateFromDayNumber } from "../catalogue/zone";
import { assessDepartureNotice, departureLeadTime, formatIsoDate, sagirDetailFacts, sagirTypeFromSlug, SAGIR_REQUEST_TYPES, SAGIR_TYPE_SLUGS } from "./sagir-request";

const engine = createCatalogueEngine(DEFAULT_CATALOGUE);

describe("departure notice lead time: 48 hours of business-day time before the entry in SAGIR", () => {
  it.each([
    // received (local)       lead ends (local)     earliest on-time entry date
    ["2026-11-23 10:00", "2026-11-25 10:00", "2026-11-26", "Monday morning: Wednesday 10:00, so Thursday"],
    ["2026-11-20 15:00", "2026-11-24 15:00", "2026-11-25", "Friday afternoon: the weekend does not count"],
    ["2026-11-21 12:00", "2026-11-25 00:00", "2026-11-25", "Saturday: counting starts Monday 00:00; Wednesday's midnight is on time"],
    ["2026-11-23 00:00", "2026-11-25 00:00", "2026-11-25", "received at midnight"],
    ["2026-11-24 16:00", "2026-11-26 16:00", "2026-11-27", "Tuesday (SAGIR's short day) counts whole: business-day time, not service hours"],
    ["2026-12-23 09:00", "2026-12-30 09:00", "2026-12-31", "24, 25 and 28 December are holidays"],
    ["2026-12-30 16:00", "2027-01-06 16:00", "2027-01-07", "31 December, 1 and 4 January (observed) are holidays"],
  ])("received %s → lead ends %s → on time from %s (%s)", (received, ends, earliest) => {
    const lead = departureLeadTime(engine, local(received));
    expect(lead.leadEndsAt).toBe(local(ends));
    expect(lead.earliestOnTimeEntryDate).toBe(earliest);
  });

  it.each([
    ["2026-11-23 10:00", "2026-11-25", true],
    ["2026-11-23 10:00", "2026-11-26", false],
    ["2026-11-23 10:00", "2026-11-20", true],
    ["2026-11-21 12:00", "2026-11-25", false],
    ["2026-11-21 12:00", "2026-11-24", true],
  ])("received %s, entry on %s: late %s", (received, entry, late) => {
    expect(assessDepartureNotice(engine, local(received), entry).late).toBe(late);
  });

  it("refuses a date that does not exist", () => {
    expect(() => assessDepartureNotice(engine, local("2026-11-23 10:00"), "2026-02-30")).toThrow(RangeError);
  });

  it("the earliest on-time date is exact: its midnight is at or after the lead's end, the day before's is not", () => {
    const zone = getZone("America/Toronto");
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }), (received) => {
        const lead = departureLeadTime(engine, received);
        const day = dayNumberFromIsoDate(lead.earliestOnTimeEntryDate)!;
        expect(zone.midnight(day)).toBeGreaterThanOrEqual(lead.leadEndsAt);
        expect(zone.midnight(day - 1)).toBeLessThan(lead.leadEndsAt);
        expect(assessDepartureNotice(engine, received, lead.earliestOnTimeEntryDate).late).toBe(false);
        expect(assessDepartureNotice(engine, received, isoDateFromDayNumber(day - 1)).late).toBe(true);
        // Never less than two days' notice, whatever the calendar.
        expect(lead.leadEndsAt - received).toBeGreaterThanOrEqual(48 * 3_600_000);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("labels and facts", () => {
  it("every type has a slug that leads back to it", () => {
    for (const type of SAGIR_REQUEST_TYPES) expect(sagirTypeFromSlug(SAGIR_TYPE_SLUGS[type])).toBe(type);
    expect(sagirTypeFromSlug("inconnu")).toBeNull();
  });

  it.each([
    ["2026-12-01", "fr", "1er décembre 2026"],
    ["2026-12-04", "fr", "4 décembre 2026"],
    ["2026-12-04", "en", "December 4, 2026"],
  ] as const)("formats %s in %s as %s", (date, locale, text) => {
    expect(formatIsoDate(date, locale)).toBe(text);
  });

  it("a departure's facts: labelled in the form's order, dates in words, choices by label, no birth fields", () => {
    const details = {
      employeeName: "Paul Tremblay",
      employeeNumber: null,
      departureDate: "2026-12-04",
      sagirEntryDate: "2026-12-07",
      accessToRemove: "Tous",
      lateNotice: false,
      birthDay: 17,
    };
    expect(sagirDetailFacts("departure", details, "fr")).toEqual([
      { name: "employeeName", label: "Nom de l'employé", value: "Paul Tremblay" },
      { name: "departureDate", label: "Date de départ", value: "4 décembre 2026" },
      { name: "sagirEntryDate", label: "Date prévue de saisie du départ dans SAGIR", value: "7 décembre 2026" },
      { name: "accessToRemove", label: "Accès à retirer", value: "Tous" },
    ]);
    expect(sagirDetailFacts("parametrization", { module: "RM" }, "en")).toEqual([{ name: "module", label: "Module", value: "RM — material resources" }]);
    expect(sagirDetailFacts("unknown", { module: "RM" }, "fr")).toEqual([]);
  });
});
