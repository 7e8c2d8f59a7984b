import { describe, expect, it } from "vitest";
import { deliveryInstant, deliveryOutcome, recipientsOf } from "./notifications";

const NOW = Date.parse("2026-11-27T04:00:00Z");
const HOUR = 3_600_000;

describe("deliveryInstant", () => {
  it.each([
    ["open: now", { open: true, closesAt: NOW + HOUR, nextOpening: null }, NOW],
    ["closed: the next opening", { open: false, closesAt: null, nextOpening: NOW + 60 * HOUR }, NOW + 60 * HOUR],
    ["closed with no opening known: now", { open: false, closesAt: null, nextOpening: null }, NOW],
  ])("%s", (_, status, expected) => {
    expect(deliveryInstant(status, NOW)).toBe(expected);
  });
});

describe("deliveryOutcome", () => {
  const due = NOW + HOUR;
  it.each([
    ["at risk, pending: sent", "at-risk", null, due, true, "sent"],
    ["breached, pending: sent", "breached", null, NOW - HOUR, true, "sent"],
    ["met before delivery: not sent", "at-risk", NOW - 1, due, true, "met"],
    ["met exactly now: not sent", "breached", NOW, NOW - HOUR, true, "met"],
    ["met later (a future instant cannot be): sent", "at-risk", NOW + 1, due, true, "sent"],
    ["request closed: not sent", "breached", null, NOW - HOUR, false, "met"],
    ["at risk but already breached: superseded", "at-risk", null, NOW, true, "superseded"],
    ["breached and still unmet: sent", "breached", null, NOW, true, "sent"],
  ] as const)("%s", (_, state, metAt, dueAt, open, expected) => {
    expect(deliveryOutcome({ state }, { metAt, dueAt }, open, NOW)).toBe(expected);
  });
});

describe("recipientsOf", () => {
  it.each([
    ["the assigned agent", "a", ["a", "b", "c"], ["a"]],
    ["unassigned: the team", null, ["a", "b"], ["a", "b"]],
    ["assigned to someone who left the service: the team", "z", ["a", "b"], ["a", "b"]],
    ["no agent at all: nobody", null, [], []],
  ] as const)("%s", (_, assignee, agents, expected) => {
    expect(recipientsOf(assignee, agents)).toEqual(expected);
  });
});
