import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatIsoDate, formatMinuteOfDay, formatRelativeMoment, formatShortDateTime, formatTime, isEndOfDay, localIsoMinute } from "./format";

const at = (iso: string) => Date.parse(iso);

describe("display formats (Québec time)", () => {
  it.each([
    [510, "fr", "8 h 30"],
    [720, "fr", "12 h"],
    [810, "fr", "13 h 30"],
    [990, "fr", "16 h 30"],
    [510, "en", "8:30 a.m."],
    [720, "en", "12 p.m."],
    [990, "en", "4:30 p.m."],
  ] as const)("minute %i in %s is %s", (minute, locale, text) => {
    expect(formatMinuteOfDay(minute, locale)).toBe(text);
  });

  it("writes instants in Québec time whatever the process zone", () => {
    expect(formatTime(at("2026-11-24T19:00:00Z"), "fr")).toBe("14 h");
    expect(formatTime(at("2026-07-09T20:30:00Z"), "fr")).toBe("16 h 30");
    expect(formatDateTime(at("2026-07-09T20:30:00Z"), "fr")).toBe("le jeudi 9 juillet 2026 à 16 h 30");
    expect(formatDateTime(at("2026-07-09T20:30:00Z"), "en")).toBe("Thursday, July 9, 2026 at 4:30 p.m.");
  });

  it("writes the first of the month 1er in French", () => {
    expect(formatIsoDate("2027-01-01", "fr")).toBe("vendredi 1er janvier 2027");
    expect(formatDate(at("2027-01-01T15:00:00Z"), "fr")).toBe("vendredi 1er janvier 2027");
    expect(formatIsoDate("2027-01-11", "fr")).toBe("lundi 11 janvier 2027");
    expect(formatIsoDate("2027-01-01", "en")).toBe("Friday, January 1, 2027");
  });

  it.each([
    ["2026-11-24T18:30:00Z", "2026-11-24T19:00:00Z", "aujourd'hui à 14 h"],
    ["2026-11-24T22:00:00Z", "2026-11-25T15:00:00Z", "demain à 10 h"],
    ["2026-11-20T22:00:00Z", "2026-11-23T13:30:00Z", "lundi à 8 h 30"],
    ["2026-12-23T22:00:00Z", "2026-12-29T13:30:00Z", "mardi à 8 h 30"],
    ["2026-12-23T22:00:00Z", "2027-01-05T13:30:00Z", "le mardi 5 janvier 2027 à 8 h 30"],
  ])("from %s, %s reads “%s”", (now, when, text) => {
    expect(formatRelativeMoment(at(when), at(now), "fr")).toBe(text);
  });
});

describe("midnight is the end of the day before, never « 0 h » of the next", () => {
  it.each([
    // 2 December 2026 00:00 in Québec (EST) = 05:00Z: the end of Tuesday 1 December.
    ["2026-12-02T05:00:00Z", "fr", "le mardi 1er décembre 2026, fin de la journée (24 h)"],
    ["2026-12-02T05:00:00Z", "en", "Tuesday, December 1, 2026, end of day (midnight)"],
    // Summer time (EDT): 00:00 = 04:00Z.
    ["2026-07-10T04:00:00Z", "fr", "le jeudi 9 juillet 2026, fin de la journée (24 h)"],
    // A minute later is the next day's first minute, said as such.
    ["2026-12-02T05:01:00Z", "fr", "le mercredi 2 décembre 2026 à 0 h 01"],
  ] as const)("%s in %s reads “%s”", (iso, locale, text) => {
    expect(formatDateTime(at(iso), locale)).toBe(text);
  });

  it.each([
    ["2026-12-01T15:00:00Z", "2026-12-02T05:00:00Z", "fr", "aujourd'hui, fin de la journée (24 h)"],
    ["2026-11-30T15:00:00Z", "2026-12-02T05:00:00Z", "fr", "demain, fin de la journée (24 h)"],
    ["2026-11-30T15:00:00Z", "2026-12-02T05:00:00Z", "en", "tomorrow, end of day (midnight)"],
    ["2026-11-28T15:00:00Z", "2026-12-02T05:00:00Z", "fr", "mardi, fin de la journée (24 h)"],
    ["2026-11-20T15:00:00Z", "2026-12-02T05:00:00Z", "fr", "le mardi 1er décembre 2026, fin de la journée (24 h)"],
  ] as const)("from %s, %s in %s reads “%s”", (now, when, locale, text) => {
    expect(formatRelativeMoment(at(when), at(now), locale)).toBe(text);
  });

  it("is exactly local midnight, in both offsets", () => {
    expect([at("2026-12-02T05:00:00Z"), at("2026-07-10T04:00:00Z")].every(isEndOfDay)).toBe(true);
    expect([at("2026-12-02T04:59:00Z"), at("2026-12-02T05:01:00Z"), at("2026-07-10T05:00:00Z")].some(isEndOfDay)).toBe(false);
  });
});

describe("formatShortDateTime", () => {
  it.each([
    ["2026-11-23T15:30:00Z", "fr", "lun. 23 nov., 10 h 30"],
    ["2026-11-23T15:30:00Z", "en", "Mon, Nov 23, 10:30 a.m."],
    ["2026-12-01T14:00:00Z", "fr", "mar. 1er déc., 9 h"],
  ] as const)("%s in %s → %s", (iso, locale, text) => {
    expect(formatShortDateTime(at(iso), locale)).toBe(text);
  });
});

describe("localIsoMinute", () => {
  it.each([
    ["2026-12-01T21:30:00Z", "2026-12-01 16:30"],
    ["2026-12-02T05:00:00Z", "2026-12-02 00:00"],
    ["2026-07-09T20:30:00Z", "2026-07-09 16:30"],
  ])("%s → %s", (iso, text) => {
    expect(localIsoMinute(at(iso))).toBe(text);
  });
});

describe("a locale that is none (a page rendered for /a.b)", () => {
  it("formats in French instead of throwing", () => {
    const ms = Date.parse("2026-11-25T18:30:00Z");
    expect(formatDate(ms, "a.b" as never)).toBe("mercredi 25 novembre 2026");
    expect(formatRelativeMoment(ms, ms - 3 * 86_400_000, "a.b" as never)).toMatch(/^mercredi/);
  });
});
