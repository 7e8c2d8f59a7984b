import { describe, expect, it } from "vitest";
import { jobsHealth, jobsStarted } from "./heartbeat";

describe("jobs health for readiness", () => {
  it("is off when switched off, not started until the worker starts, then ok — with no cycle needed", () => {
    expect(jobsHealth(false)).toBe("off");
    expect(jobsHealth(true)).toBe("not_started");
    jobsStarted(new Date("2026-12-01T15:00:00Z"));
    expect(jobsHealth(true)).toBe("ok");
    expect(jobsHealth(false)).toBe("off");
  });
});
