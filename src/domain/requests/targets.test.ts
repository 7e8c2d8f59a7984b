import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "../catalogue/default-catalogue";
import { createCatalogueEngine } from "../catalogue/engine";
import { iso, local } from "../catalogue/test-support";
import type { ClockId } from "../catalogue/types";
import {
  disclosesFileInformation,
  evaluateTargets,
  headlineTarget,
  maskEmail,
  maskPhone,
  maskName,
  metAtFromEvents,
  queueFacts,
  liveState,
  requestTargetState,
  type EventFact,
  type TargetFacts,
} from "./targets";
import { formatClockDuration, formatTimeLeft, serviceDayMs } from "./time-left";

const engine = createCatalogueEngine(DEFAULT_CATALOGUE);
const ev = (kind: string, at: string, data: Record<string, unknown> = {}): EventFact => ({ kind, at: local(at), data });

describe("which event satisfies which metric (spec §4)", () => {
  const events = [
    ev("received", "2026-11-23 10:00"),
    ev("taken_in_charge", "2026-11-23 10:20"),
    ev("call_answered", "2026-11-23 10:06"),
    ev("public_reply", "2026-11-23 11:00", { replyKind: "delay_notice" }),
    ev("public_reply", "2026-11-24 09:00", { replyKind: "answer" }),
  ];
  it.each([
    ["answer", "2026-11-23 10:00", "2026-11-23 10:06"],
    ["take-in-charge", "2026-11-23 10:00", "2026-11-23 10:20"],
    ["first-reply", "2026-11-23 10:00", "2026-11-23 11:00"],
    ["reply-or-delay-notice", "2026-11-23 10:00", "2026-11-23 11:00"],
    // A promise made by the avis de délai at 11:00 is met by the next answer, not by the notice.
    ["promised-reply", "2026-11-23 11:00", "2026-11-24 09:00"],
    ["promised-reply", "2026-11-24 10:00", null],
    ["unknown-metric", "2026-11-23 10:00", null],
  ])("%s from %s → %s", (metric, startsAt, expected) => {
    expect(iso(metAtFromEvents({ metric, startsAt: local(startsAt) }, events))).toBe(expected === null ? null : iso(local(expected)));
  });

  it("the acknowledgement of a take in charge is not a reply", () => {
    expect(metAtFromEvents({ metric: "first-reply", startsAt: 0 }, [ev("taken_in_charge", "2026-11-23 10:20")])).toBeNull();
  });
});

describe("request-level state = the worst of its targets", () => {
  const at = local("2026-11-24 12:00");
  it.each([
    [{ nextDueAt: null, nextRiskAt: null, missed: false, hasTargets: false }, "none"],
    [{ nextDueAt: null, nextRiskAt: null, missed: false, hasTargets: true }, "met"],
    [{ nextDueAt: null, nextRiskAt: null, missed: true, hasTargets: true }, "breached"],
    [{ nextDueAt: local("2026-11-24 11:59"), nextRiskAt: local("2026-11-24 10:00"), missed: false, hasTargets: true }, "breached"],
    [{ nextDueAt: local("2026-11-24 12:00"), nextRiskAt: local("2026-11-24 10:00"), missed: false, hasTargets: true }, "at-risk"],
    [{ nextDueAt: local("2026-11-25 12:00"), nextRiskAt: local("2026-11-24 12:00"), missed: false, hasTargets: true }, "at-risk"],
    [{ nextDueAt: local("2026-11-25 12:00"), nextRiskAt: local("2026-11-24 12:01"), missed: false, hasTargets: true }, "pending"],
  ] as const)("%o → %s", (facts, expected) => {
    expect(requestTargetState(facts, at)).toBe(expected);
  });

  it.each([
    [{ nextDueAt: null, nextRiskAt: null, missed: true, hasTargets: true }, null],
    [{ nextDueAt: local("2026-11-24 11:59"), nextRiskAt: local("2026-11-24 10:00"), missed: false, hasTargets: true }, "overdue"],
    // Missed before, and the next target at risk now: at risk (the queue says « breached »).
    [{ nextDueAt: local("2026-11-24 12:00"), nextRiskAt: local("2026-11-24 10:00"), missed: true, hasTargets: true }, "at-risk"],
    [{ nextDueAt: local("2026-11-25 12:00"), nextRiskAt: local("2026-11-24 12:01"), missed: true, hasTargets: true }, null],
    [{ nextDueAt: null, nextRiskAt: null, missed: false, hasTargets: false }, null],
  ] as const)("needs now (dashboard): %o → %s", (facts, expected) => {
    expect(liveState(facts, at)).toBe(expected);
  });

  it("queueFacts: earliest due and risk of unmet targets; late met → missed; a merged duplicate's targets are withdrawn", () => {
    const targets = [
      { dueAt: 100, riskAt: 75, metAt: null },
      { dueAt: 50, riskAt: 40, metAt: 60 },
      { dueAt: 200, riskAt: 20, metAt: null },
    ];
    expect(queueFacts(targets)).toEqual({ nextDueAt: 100, nextRiskAt: 20, missed: true, hasTargets: true });
    expect(queueFacts(targets, true)).toEqual({ nextDueAt: null, nextRiskAt: null, missed: true, hasTargets: true });
  });
});

describe("the at-risk instant (75 % of the allowed time in the target's own clock)", () => {
  const clocks: [ClockId, string][] = [
    ["elapsed", "sagir"],
    ["business-day-time", "sagir"],
    ["service-hours", "cad-candidates"],
    ["business-days", "cad-candidates"],
  ];
  it("is pending just before it and at risk from it on, for every clock (property, 400 random receipts)", () => {
    const from = local("2026-01-01 00:00");
    const to = local("2027-12-31 00:00");
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 60 }), (received, c, amount) => {
        const [clock, calendarId] = clocks[c]!;
        const target = { clock, calendarId, amount: clock === "business-days" ? Math.ceil(amount / 6) : amount, unit: clock === "business-days" ? ("days" as const) : ("hours" as const) };
        const due = engine.addClockTime(target, received);
        const risk = engine.atRiskAt(target, received, due);
        const state = (at: number) => engine.targetState({ target, receivedAt: received, dueAt: due, metAt: null, at }).state;
        expect(risk).toBeLessThanOrEqual(due);
        expect(state(risk)).toBe("at-risk");
        if (risk > received) expect(state(risk - 1)).toBe("pending");
      }),
      { numRuns: 400 },
    );
  });

  it("a 24-hour SAGIR target received Monday 9:00 is at risk Tuesday 3:00", () => {
    const target = { clock: "business-day-time" as const, calendarId: "sagir" };
    expect(iso(engine.atRiskAt(target, local("2026-11-23 09:00"), local("2026-11-24 09:00")))).toBe(iso(local("2026-11-24 03:00")));
  });

  it("clock time between an instant and itself is zero in every clock", () => {
    for (const [clock, calendarId] of clocks) expect(engine.clockTimeBetween({ clock, calendarId }, 1_800_000_000_000, 1_800_000_000_000)).toBe(0);
  });
});

describe("evaluateTargets and the headline of a queue row", () => {
  const facts = (targetId: string, startsAt: string, dueAt: string, metric = "first-reply"): TargetFacts => ({
    targetId,
    metric,
    clock: "business-day-time",
    amount: 48,
    unit: "hours",
    calendarId: "cad-mo",
    startsAt: local(startsAt),
    dueAt: local(dueAt),
    riskAt: local(startsAt),
  });
  it("met on time, breached when late, withdrawn when merged", () => {
    const targets = [facts("a", "2026-11-23 10:00", "2026-11-25 10:00")];
    expect(evaluateTargets(engine, targets, [ev("public_reply", "2026-11-24 10:00", { replyKind: "answer" })], local("2026-11-30 10:00"))[0]).toMatchObject({ state: "met" });
    expect(evaluateTargets(engine, targets, [ev("public_reply", "2026-11-26 10:00", { replyKind: "answer" })], local("2026-11-30 10:00"))[0]).toMatchObject({ state: "breached" });
    expect(evaluateTargets(engine, targets, [], local("2026-11-24 10:00"), { withdrawn: true })[0]).toMatchObject({ withdrawn: true });
  });
  it("the headline is the earliest unmet target, else the last met (late first)", () => {
    const t = (dueAt: number, metAt: number | null, state: "met" | "breached" | "pending") => ({ dueAt, metAt, state });
    expect(headlineTarget([t(30, null, "pending"), t(10, 5, "met"), t(20, null, "pending")])).toEqual(t(20, null, "pending"));
    expect(headlineTarget([t(10, 5, "met"), t(20, 25, "breached")])).toEqual(t(20, 25, "breached"));
    expect(headlineTarget([])).toBeNull();
  });
});

describe("time left in the target's own clock", () => {
  const H = 3_600_000;
  const M = 60_000;
  const day7 = serviceDayMs(DEFAULT_CATALOGUE.calendars.find((c) => c.id === "cad-candidates")!);
  it("a CA-dotation candidates' service day is 7 hours", () => expect(day7).toBe(7 * H));
  it.each([
    [{ state: "pending", remainingMs: 3 * M, clock: "elapsed", metAt: null }, "reste 3 min", "3 min left"],
    [{ state: "at-risk", remainingMs: 27 * H, clock: "business-day-time", metAt: null }, "reste 1 j ouvrable 3 h", "1 business day 3 h left"],
    [{ state: "pending", remainingMs: 66 * H, clock: "business-days", metAt: null }, "reste 9 j ouvrables 3 h", "9 business days 3 h left"],
    [{ state: "breached", remainingMs: -2 * H, clock: "business-day-time", metAt: null }, "en retard de 2 h", "2 h overdue"],
    [{ state: "breached", remainingMs: -M, clock: "elapsed", metAt: 1 }, "dépassé de 1 min", "missed by 1 min"],
    [{ state: "met", remainingMs: 5 * H, clock: "elapsed", metAt: 1 }, "respecté", "met"],
    [{ state: "pending", remainingMs: 90 * M, clock: "service-hours", metAt: null }, "reste 1 h 30", "1 h 30 min left"],
  ] as const)("%o", (input, fr, en) => {
    expect(formatTimeLeft({ ...input, dayMs: day7 }, "fr")).toBe(fr);
    expect(formatTimeLeft({ ...input, dayMs: day7 }, "en")).toBe(en);
  });
  it("rounds minutes up (never shows less time than is left) and never negative", () => {
    expect(formatClockDuration(61_000, "elapsed", day7, "fr")).toBe("2 min");
    expect(formatClockDuration(-5, "elapsed", day7, "fr")).toBe("0 min");
  });
});

describe("personal information in lists and replies", () => {
  it.each([
    ["Marie-Ève Tremblay", "M. T."],
    ["  jean de la fontaine ", "J. D. L."],
    [null, null],
  ])("maskName(%s) = %s", (name, masked) => expect(maskName(name)).toBe(masked));
  it("maskEmail keeps the first letter and the domain", () => {
    expect(maskEmail("marie.tremblay@exemple.ca")).toBe("m•••@exemple.ca");
    expect(maskEmail(null)).toBeNull();
  });
  it.each([
    ["418 555-0123", "•••0123"],
    ["+1 (819) 555-0164", "•••0164"],
    ["123", "•••"],
    ["", null],
    [null, null],
  ])("maskPhone(%j) = %j", (phone, masked) => expect(maskPhone(phone)).toBe(masked));
  it.each([
    ["Vous êtes admissible au processus.", true],
    ["Votre candidature a été retenue.", true],
    ["Vos résultats sont disponibles.", true],
    ["You have been qualified for the pool.", true],
    ["Pour toute question sur votre dossier, appelez-nous au 418 528-7157.", false],
    ["Voici comment réinitialiser votre mot de passe.", false],
  ])("disclosesFileInformation(%s) = %s", (text, expected) => expect(disclosesFileInformation(text)).toBe(expected));
});
