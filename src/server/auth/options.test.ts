import { describe, expect, it } from "vitest";
import { safeRedirect } from "./options";

const BASE = "https://guichet.exemple.qc.ca";

describe("safeRedirect", () => {
  it.each([
    ["/espace", `${BASE}/espace`],
    ["/en/espace?x=1", `${BASE}/en/espace?x=1`],
    [`${BASE}/console`, `${BASE}/console`],
    ["//evil.example/x", BASE],
    ["/\\evil.example", BASE],
    ["https://evil.example/", BASE],
    ["javascript:alert(1)", BASE],
    ["foo", BASE],
    [" ", BASE],
    ["", BASE],
  ])("%j → %j", (url, expected) => expect(safeRedirect(url, BASE)).toBe(expected));
});
