import { describe, expect, it } from "vitest";
import { forbiddenTextPaths, hasForbiddenText } from "./text-rules";

describe("hasForbiddenText", () => {
  it.each([
    ["Bonjour", false],
    ["deux\nlignes\r\net\tune tabulation", false],
    ["émoji \u{1F600} et accents éàç", false],
    ["nul\u0000", true],
    ["cloche\u0007", true],
    ["\u001b[31mrouge", true],
    ["DEL\u007f", true],
    ["C1\u0085", true],
    ["seule \ud800 moitié", true],
    ["seule \udc00 moitié", true],
    ["non-caractère \ufffe", true],
    ["non-caractère \uffff", true],
  ])("%j → %s", (text, forbidden) => expect(hasForbiddenText(text)).toBe(forbidden));
});

describe("forbiddenTextPaths", () => {
  it("names every field that holds one, nested or in a list, and keys too", () => {
    expect(forbiddenTextPaths({ name: "ok", subject: "a\u0000", details: { notes: ["ok", "b\u0001"] }, ["clé\u0000"]: 1 })).toEqual(["subject", "details.notes.1", "(clé)"]);
    expect(forbiddenTextPaths("x\u0000")).toEqual(["body"]);
    expect(forbiddenTextPaths({ n: 1, b: true, v: null })).toEqual([]);
  });
  it("stops at a depth, so a hostile nesting cannot exhaust the stack", () => {
    let deep: unknown = "a\u0000";
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    expect(forbiddenTextPaths(deep)).toEqual([]);
  });
});
