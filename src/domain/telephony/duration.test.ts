import { describe, expect, it } from "vitest";
import { clockDuration, spokenDuration } from "./duration";

describe("call durations", () => {
  it.each([
    [0, "0:00", "0 min 00 s"],
    [5, "0:05", "0 min 05 s"],
    [65, "1:05", "1 min 05 s"],
    [600, "10:00", "10 min 00 s"],
    [3725.9, "62:05", "62 min 05 s"],
    [-3, "0:00", "0 min 00 s"],
  ])("%d s → %s", (seconds, shown, spoken) => {
    expect(clockDuration(seconds)).toBe(shown);
    expect(spokenDuration(seconds)).toBe(spoken);
  });
});
