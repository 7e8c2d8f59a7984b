import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { DEFAULT_CATALOGUE } from "./default-catalogue";
import { createCatalogueEngine } from "./engine";
import { generateQcPublicServiceHolidays } from "./holidays";
import { iso, local } from "./test-support";
import type { CatalogueDefinition, ClockId, DurationUnit, TargetDefinition } from "./types";

const engine = createCatalogueEngine(DEFAULT_CATALOGUE);
const target = (id: string): TargetDefinition => DEFAULT_CATALOGUE.targets.find((t) => t.id === id)!;
const due = (id: string, received: string) => iso(engine.dueAt(target(id), local(received)));

/** An ad-hoc target on a default calendar, for the clocks no default target uses. */
const custom = (clock: ClockId, amount: number, unit: DurationUnit, calendarId = "sagir"): TargetDefinition => ({
  id: "custom",
  serviceId: "sagir",
  audienceId: "sagir-user",
  channels: ["email"],
  metric: "take-in-charge",
  amount,
  unit,
  clock,
  calendarId,
});

describe("worked examples of the spec (§5)", () => {
  it.each([
    ["2026-06-23 15:00", "cad-candidate-reply", "2026-07-09T20:30:00.000Z"],
    ["2026-06-23 15:00", "cad-mo-first-reply", "2026-06-26T19:00:00.000Z"],
    ["2026-11-20 17:00", "sagir-written-take-charge", "2026-11-23T22:00:00.000Z"],
    ["2026-11-25 10:02", "cad-candidate-phone-answer", "2026-11-25T15:07:00.000Z"],
  ])("received %s, %s is due %s", (received, id, expected) => {
    expect(due(id, received)).toBe(expected);
  });

  it("sagir on Tuesday 2026-11-24 at 13:30 is closed and opens at 14:00", () => {
    const s = engine.status("sagir", "sagir-user", local("2026-11-24 13:30"));
    expect({ ...s, nextOpening: iso(s.nextOpening) }).toEqual({
      open: false,
      closesAt: null,
      nextOpening: "2026-11-24T19:00:00.000Z",
    });
  });

  it("24 h of business-day time: Monday 10:15 is due Tuesday 10:15", () => {
    expect(due("sagir-written-take-charge", "2026-11-23 10:15")).toBe(iso(local("2026-11-24 10:15")));
  });
});

describe("status — table of edges", () => {
  it.each([
    // calendar, local instant, open, closesAt (local), nextOpening (local)
    ["cad-candidates", "2026-11-25 09:59", false, null, "2026-11-25 10:00"],
    ["cad-candidates", "2026-11-25 10:00", true, "2026-11-25 12:00", null],
    ["cad-candidates", "2026-11-24 08:30", true, "2026-11-24 12:00", null],
    ["cad-mo", "2026-11-25 09:59", true, "2026-11-25 12:00", null],
    ["cad-mo", "2026-11-23 11:59:59", true, "2026-11-23 12:00", null],
    ["cad-mo", "2026-11-23 12:00", false, null, "2026-11-23 13:00"],
    ["cad-mo", "2026-11-23 12:59:59", false, null, "2026-11-23 13:00"],
    ["cad-mo", "2026-11-23 13:00", true, "2026-11-23 16:30", null],
    ["cad-mo", "2026-11-23 16:30", false, null, "2026-11-24 08:30"],
    ["cad-mo", "2026-11-23 00:00", false, null, "2026-11-23 08:30"],
    ["sagir", "2026-11-24 12:00", false, null, "2026-11-24 14:00"],
    ["sagir", "2026-11-24 13:59:59", false, null, "2026-11-24 14:00"],
    ["sagir", "2026-11-24 14:00", true, "2026-11-24 16:30", null],
    ["sagir", "2026-11-23 13:00", true, "2026-11-23 16:30", null],
    ["sagir", "2026-11-20 16:30", false, null, "2026-11-23 08:30"],
    ["sagir", "2026-11-20 23:59:59", false, null, "2026-11-23 08:30"],
    ["sagir", "2026-11-21 10:00", false, null, "2026-11-23 08:30"],
    ["sagir", "2026-11-22 23:59:59", false, null, "2026-11-23 08:30"],
    // holidays: 24, 25 and 28 (observed 26) December 2026; 31 Dec, 1 Jan and 4 Jan (observed 2 Jan) 2027
    ["sagir", "2026-12-24 10:00", false, null, "2026-12-29 08:30"],
    ["sagir", "2026-12-23 16:30", false, null, "2026-12-29 08:30"],
    ["cad-mo", "2026-12-30 16:30", false, null, "2027-01-05 08:30"],
    ["cad-mo", "2027-12-24 09:00", false, null, "2027-12-29 08:30"],
    ["cad-mo", "2026-04-02 16:30", false, null, "2026-04-07 08:30"],
    ["sagir", "2026-05-18 10:00", false, null, "2026-05-19 08:30"],
    ["cad-candidates", "2026-06-23 16:29", true, "2026-06-23 16:30", null],
    ["cad-candidates", "2026-06-23 16:30", false, null, "2026-06-25 08:30"],
    ["cad-candidates", "2026-06-30 16:30", false, null, "2026-07-02 08:30"],
    ["cad-mo", "2026-09-04 17:00", false, null, "2026-09-08 08:30"],
    ["cad-mo", "2026-10-09 17:00", false, null, "2026-10-13 08:30"],
    // DST weeks: spring forward Sun 2026-03-08, fall back Sun 2026-11-01
    ["sagir", "2026-03-07 12:00", false, null, "2026-03-09 08:30"],
    ["sagir", "2026-03-09 08:30", true, "2026-03-09 12:00", null],
    ["sagir", "2026-10-30 16:30", false, null, "2026-11-02 08:30"],
    ["cad-mo", "2027-03-13 09:00", false, null, "2027-03-15 08:30"],
    ["cad-mo", "2027-11-05 17:00", false, null, "2027-11-08 08:30"],
  ] as const)("%s at %s: open=%s", (calendar, at, open, closesAt, nextOpening) => {
    const s = engine.calendarStatus(calendar, local(at));
    expect(s).toEqual({
      open,
      closesAt: closesAt === null ? null : local(closesAt),
      nextOpening: nextOpening === null ? null : local(nextOpening),
    });
  });

  it("DST is applied: Monday after spring-forward opens at 12:30Z, after fall-back at 13:30Z", () => {
    expect(iso(engine.calendarStatus("sagir", local("2026-03-07 12:00")).nextOpening)).toBe("2026-03-09T12:30:00.000Z");
    expect(iso(engine.calendarStatus("sagir", local("2026-10-30 16:30")).nextOpening)).toBe("2026-11-02T13:30:00.000Z");
  });
});

describe("each 2026–2027 holiday", () => {
  const holidays = [...generateQcPublicServiceHolidays(2026), ...generateQcPublicServiceHolidays(2027)];
  const calendars = DEFAULT_CATALOGUE.calendars.map((c) => c.id);

  it.each(holidays.flatMap((h) => calendars.map((c) => [h.date, h.nameFr, c] as const)))(
    "%s (%s) is closed all day on %s, and counts for nothing",
    (date, _name, calendarId) => {
      const noon = local(`${date} 11:00`);
      expect(engine.isBusinessDayAt(calendarId, noon)).toBe(false);
      const s = engine.calendarStatus(calendarId, noon);
      expect(s.open).toBe(false);
      // The next opening is on a later local date.
      expect(iso(s.nextOpening)!.slice(0, 10) > date).toBe(true);
      // No business-day time elapses across the holiday itself.
      const bdt = { clock: "business-day-time" as const, calendarId };
      expect(engine.clockTimeBetween(bdt, local(`${date} 00:00`), local(`${date} 23:59`))).toBe(0);
    },
  );
});

describe("due instants — table of edges", () => {
  it.each([
    // business-day-time, 24 h, sagir
    ["sagir-written-take-charge", "2026-11-21 10:00", "2026-11-24 00:00"],
    ["sagir-written-take-charge", "2026-11-23 00:00", "2026-11-24 00:00"],
    ["sagir-written-take-charge", "2026-11-20 23:59:59", "2026-11-23 23:59:59"],
    ["sagir-written-take-charge", "2026-11-24 12:30", "2026-11-25 12:30"],
    ["sagir-written-take-charge", "2026-12-23 12:00", "2026-12-29 12:00"],
    ["sagir-written-take-charge", "2026-03-06 12:00", "2026-03-09 12:00"],
    ["sagir-written-take-charge", "2026-10-30 12:00", "2026-11-02 12:00"],
    ["sagir-written-take-charge", "2026-04-02 09:00", "2026-04-07 09:00"],
    // business-day-time, 48 h, cad-mo
    ["cad-mo-first-reply", "2026-12-30 09:00", "2027-01-06 09:00"],
    ["cad-mo-first-reply", "2026-06-30 16:00", "2026-07-03 16:00"],
    ["cad-mo-first-reply", "2027-12-23 10:00", "2027-12-30 10:00"],
    // business-days, 10, cad-candidates
    ["cad-candidate-reply", "2026-11-21 10:00", "2026-12-04 16:30"],
    ["cad-candidate-reply", "2026-11-20 23:59:59", "2026-12-04 16:30"],
    ["cad-candidate-reply", "2026-11-20 00:00", "2026-12-04 16:30"],
    ["cad-candidate-reply", "2026-11-21 00:00", "2026-12-04 16:30"],
    ["cad-candidate-reply", "2026-12-17 10:00", "2027-01-08 16:30"],
    ["cad-candidate-reply", "2026-03-02 09:00", "2026-03-16 16:30"],
    // elapsed
    ["cad-candidate-phone-answer", "2026-11-25 11:58", "2026-11-25 12:03"],
    ["sagir-phone-take-charge", "2026-11-24 16:20", "2026-11-24 16:35"],
  ])("%s received %s is due %s", (id, received, expected) => {
    expect(due(id, received)).toBe(iso(local(expected)));
  });

  it.each([
    // service-hours on the sagir calendar
    [1, "hours", "2026-11-23 11:30", "2026-11-23 13:30"],
    [1, "hours", "2026-11-23 11:00", "2026-11-23 12:00"], // used up exactly at an interval's end
    [1, "hours", "2026-11-24 11:30", "2026-11-24 14:30"], // Tuesday afternoon starts at 14:00
    [1, "hours", "2026-11-24 12:30", "2026-11-24 15:00"],
    [7, "hours", "2026-11-20 16:30", "2026-11-23 16:30"],
    [24, "hours", "2026-11-23 08:30", "2026-11-26 13:30"],
    [30, "minutes", "2026-12-23 16:15", "2026-12-29 08:45"],
    [15, "minutes", "2026-03-06 16:20", "2026-03-09 08:35"],
  ] as const)("service-hours %s %s received %s is due %s", (amount, unit, received, expected) => {
    expect(iso(engine.dueAt(custom("service-hours", amount, unit), local(received)))).toBe(iso(local(expected)));
  });

  it("counts every instant of a business day, DST days included (a 23-hour Sunday)", () => {
    const allWeek: CatalogueDefinition = {
      ...DEFAULT_CATALOGUE,
      calendars: [
        ...DEFAULT_CATALOGUE.calendars,
        {
          id: "all-week",
          timeZone: "America/Toronto",
          holidaySetId: "qc-public-service",
          week: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]),
        },
      ],
    };
    const e = createCatalogueEngine(allWeek);
    // 12 h of Saturday, then 12 real hours of Sunday 8 March 2026 land at 13:00 EDT.
    expect(iso(e.dueAt(custom("business-day-time", 24, "hours", "all-week"), local("2026-03-07 12:00")))).toBe(
      "2026-03-08T17:00:00.000Z",
    );
    // Fall-back Sunday has 25 hours: 12 h after midnight it is 11:00 EST.
    expect(iso(e.dueAt(custom("business-day-time", 24, "hours", "all-week"), local("2026-10-31 12:00")))).toBe(
      "2026-11-01T16:00:00.000Z",
    );
  });

  it("holidays outside the stored years come from the rule, stored years from the rows", () => {
    const edited: CatalogueDefinition = {
      ...DEFAULT_CATALOGUE,
      holidaySets: [
        {
          id: "qc-public-service",
          rule: "qc-public-service",
          storedYears: [2026],
          holidays: [{ date: "2026-11-24", year: 2026, nameFr: "Fermeture", nameEn: "Closure" }],
        },
      ],
    };
    const e = createCatalogueEngine(edited);
    // Tuesday 24 Nov is now closed: Monday 10:15 + 24 h → Wednesday 10:15.
    expect(iso(e.dueAt(target("sagir-written-take-charge"), local("2026-11-23 10:15")))).toBe(iso(local("2026-11-25 10:15")));
    // 25 Dec 2026 is no longer stored, so it counts; 2027 still follows the rule.
    expect(e.isBusinessDayAt("sagir", local("2026-12-25 12:00"))).toBe(true);
    expect(e.isBusinessDayAt("sagir", local("2027-12-27 12:00"))).toBe(false);
  });
});

describe("applicable targets", () => {
  it.each([
    ["ca-dotation", "candidate", "phone", ["cad-candidate-phone-answer", "cad-candidate-reply"]],
    ["ca-dotation", "candidate", "email", ["cad-candidate-reply"]],
    ["ca-dotation", "candidate", "web", ["cad-candidate-reply"]],
    ["ca-dotation", "mo-specialist", "request-form", ["cad-mo-first-reply"]],
    ["ca-dotation", "mo-specialist", "email", ["cad-mo-first-reply"]],
    ["ca-dotation", "mo-specialist", "phone", []],
    ["sagir", "sagir-user", "phone", ["sagir-phone-take-charge"]],
    ["sagir", "sagir-user", "request-tool", ["sagir-written-take-charge"]],
    ["sagir", "sagir-user", "voicemail", ["sagir-written-take-charge"]],
    ["sagir", "sagir-user", "fax", ["sagir-written-take-charge"]],
  ])("%s / %s / %s → %j", (service, audience, channel, ids) => {
    expect(engine.applicableTargets(service, audience, channel).map((t) => t.id)).toEqual(ids);
  });

  it.each([
    ["nope", "candidate", "phone", "UNKNOWN_SERVICE", "nope"],
    ["sagir", "candidate", "phone", "UNKNOWN_AUDIENCE", "candidate"],
    ["ca-dotation", "candidate", "fax", "UNKNOWN_CHANNEL", "fax"],
    ["ca-dotation", "candidate", "request-tool", "UNKNOWN_CHANNEL", "request-tool"],
  ])("rejects %s / %s / %s with %s", (service, audience, channel, code, value) => {
    try {
      engine.applicableTargets(service, audience, channel);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(code);
      expect((error as DomainError).value).toBe(value);
    }
  });
});

describe("target state at an instant", () => {
  const sagir = target("sagir-written-take-charge");
  const receivedAt = local("2026-11-20 17:00");
  const dueAt = engine.dueAt(sagir, receivedAt);
  const H = 3_600_000;

  it.each([
    ["2026-11-21 12:00", null, "pending", 17 * H],
    ["2026-11-23 10:00", null, "pending", 7 * H],
    ["2026-11-23 11:00", null, "at-risk", 6 * H], // 18 h of 24 h = 75 %
    ["2026-11-23 17:00", null, "at-risk", 0],
    ["2026-11-23 19:00", null, "breached", -2 * H],
    ["2026-11-23 19:00", "2026-11-23 16:59", "met", H / 60],
    ["2026-11-23 19:00", "2026-11-23 17:00", "met", 0],
    ["2026-11-23 19:00", "2026-11-23 18:00", "breached", -H],
  ])("at %s (metric event at %s): %s, %d ms left", (at, metAt, state, remaining) => {
    const s = engine.targetState({
      target: sagir,
      receivedAt,
      dueAt,
      metAt: metAt === null ? null : local(metAt),
      at: local(at),
    });
    expect(s.state).toBe(state);
    expect(s.allowedMs).toBe(24 * H);
    expect(s.remainingMs).toBe(remaining);
  });

  it("breaches one millisecond after the due instant", () => {
    expect(engine.targetState({ target: sagir, receivedAt, dueAt, metAt: null, at: dueAt + 1 }).state).toBe("breached");
  });

  it("measures a business-days target in the service hours of its calendar", () => {
    const reply = target("cad-candidate-reply");
    const received = local("2026-06-23 15:00");
    const replyDue = engine.dueAt(reply, received);
    const state = (at: string) => engine.targetState({ target: reply, receivedAt: received, dueAt: replyDue, metAt: null, at: local(at) });
    // 1 h 30 on the 23rd, nine 7-hour days and a 5 h 30 Wednesday.
    expect(state("2026-07-06 09:00").allowedMs).toBe(70 * H);
    expect(state("2026-07-06 09:00")).toMatchObject({ state: "pending", elapsedMs: 44 * H, remainingMs: 26 * H });
    expect(state("2026-07-08 12:00")).toMatchObject({ state: "at-risk", elapsedMs: 59.5 * H });
  });

  it("an answer after 6 minutes breaches the 5-minute phone target", () => {
    const phone = target("cad-candidate-phone-answer");
    const received = local("2026-11-25 10:02");
    const s = engine.targetState({
      target: phone,
      receivedAt: received,
      dueAt: engine.dueAt(phone, received),
      metAt: received + 6 * 60_000,
      at: received + 60 * 60_000,
    });
    expect(s).toEqual({ state: "breached", allowedMs: 300_000, elapsedMs: 360_000, remainingMs: -60_000 });
  });
});

describe("catalogue validation", () => {
  const withSagirTuesday = (tuesday: { start: number; end: number }[]): CatalogueDefinition => ({
    ...DEFAULT_CATALOGUE,
    calendars: DEFAULT_CATALOGUE.calendars.map((c) =>
      c.id === "sagir" ? { ...c, week: c.week.map((d, i) => (i === 2 ? tuesday : d)) } : c,
    ),
  });

  it.each([
    ["overlapping", [{ start: 510, end: 720 }, { start: 700, end: 990 }]],
    ["unordered", [{ start: 840, end: 990 }, { start: 510, end: 720 }]],
    ["empty", [{ start: 600, end: 600 }]],
    ["past midnight", [{ start: 600, end: 1500 }]],
  ])("rejects %s intervals", (_name, tuesday) => {
    expect(() => createCatalogueEngine(withSagirTuesday(tuesday))).toThrow(DomainError);
  });

  it.each([
    ["a zero duration", { amount: 0 }],
    ["a negative duration", { amount: -1 }],
    ["days on a clock other than business-days", { unit: "days" as const }],
    ["an unknown calendar", { calendarId: "nope" }],
    ["a channel its audience does not receive", { channels: ["fax" as const] }],
  ])("rejects a target with %s", (_name, patch) => {
    const broken: CatalogueDefinition = {
      ...DEFAULT_CATALOGUE,
      targets: DEFAULT_CATALOGUE.targets.map((t) => (t.id === "cad-mo-first-reply" ? { ...t, ...patch } : t)),
    };
    expect(() => createCatalogueEngine(broken)).toThrow(DomainError);
  });
});
