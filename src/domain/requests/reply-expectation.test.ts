import { describe, expect, it } from "vitest";
import { replyExpectation } from "./reply-expectation";

const reply = (metAt: string | null) => ({ metric: "reply-or-delay-notice", dueAt: "2026-12-11T21:30:00.000Z", metAt });
const promise = (dueAt: string, metAt: string | null) => ({ metric: "promised-reply", dueAt, metAt });

describe("replyExpectation (the candidate's tracking page)", () => {
  it.each([
    ["nothing done yet: the 10-business-day date", [reply(null)], "new", { kind: "expected", dueAt: "2026-12-11T21:30:00.000Z" }],
    ["an avis de délai: the promised date, not the first one", [reply("2026-12-01T15:00:00.000Z"), promise("2026-12-16T21:30:00.000Z", null)], "waiting", { kind: "promised", dueAt: "2026-12-16T21:30:00.000Z" }],
    ["two avis de délai: the latest promise", [reply("2026-12-01T15:00:00.000Z"), promise("2026-12-16T21:30:00.000Z", "2026-12-10T15:00:00.000Z"), promise("2026-12-22T21:30:00.000Z", null)], "waiting", { kind: "promised", dueAt: "2026-12-22T21:30:00.000Z" }],
    ["answered after the promise: given", [reply("2026-12-01T15:00:00.000Z"), promise("2026-12-16T21:30:00.000Z", "2026-12-14T15:00:00.000Z")], "resolved", { kind: "given", at: "2026-12-14T15:00:00.000Z" }],
    ["answered at once: given", [reply("2026-12-02T15:00:00.000Z")], "in_progress", { kind: "given", at: "2026-12-02T15:00:00.000Z" }],
    ["closed without answer (merged, no follow-up): nothing promised", [reply(null)], "closed", { kind: "none" }],
    ["no targets", [], "new", { kind: "none" }],
  ] as const)("%s", (_, targets, status, expected) => {
    expect(replyExpectation(targets, status)).toEqual(expected);
  });
});
