import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatIsoDate, formatMinuteOfDay, formatRelativeMoment, formatTime } from "./format";

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

describe("a locale that is none (a page rendered for /a.b)", () => {
  it("formats in French instead of throwing", () => {
    const ms = Date.parse("2026-11-25T18:30:00Z");
    expect(formatDate(ms, "a.b" as never)).toBe("mercredi 25 novembre 2026");
    expect(formatRelativeMoment(ms, ms - 3 * 86_400_000, "a.b" as never)).toMatch(/^mercredi/);
  });
});
