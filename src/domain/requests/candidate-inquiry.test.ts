import { describe, expect, it } from "vitest";
import { CANDIDATE_TOPICS, guardCandidateTopic } from "./candidate-inquiry";
import { formatRequestNumber, isRequestNumber, numberingYear } from "./numbering";

describe("candidate inquiry guards", () => {
  it.each([
    ["online-systems", "accepted"],
    ["qualification-process", "accepted"],
    ["staffing-general", "accepted"],
    ["my-candidate-file", "nominative"],
    ["my-employee-file", "out-of-scope"],
    ["job-posting", "out-of-scope"],
  ] as const)("%s → %s", (topic, kind) => {
    expect(guardCandidateTopic(topic).kind).toBe(kind);
  });

  it("every refused topic says where to go, in French and English", () => {
    for (const topic of CANDIDATE_TOPICS) {
      const guard = guardCandidateTopic(topic);
      if (guard.kind === "out-of-scope") {
        expect(guard.redirect.fr.length).toBeGreaterThan(40);
        expect(guard.redirect.en.length).toBeGreaterThan(40);
      }
    }
  });
});

describe("request numbers", () => {
  it.each([
    ["CAD", 2026, 123, "CAD-2026-000123"],
    ["SAG", 2026, 45, "SAG-2026-000045"],
    ["SAG", 2027, 1_234_567, "SAG-2027-1234567"],
  ])("%s %i #%i → %s", (prefix, year, n, text) => {
    expect(formatRequestNumber(prefix, year, n)).toBe(text);
    expect(isRequestNumber(text)).toBe(true);
  });

  it("numbers by the Québec local year of receipt", () => {
    expect(numberingYear(Date.parse("2027-01-01T01:00:00Z"))).toBe(2026);
    expect(numberingYear(Date.parse("2027-01-01T05:00:00Z"))).toBe(2027);
  });
});
