import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiKeyPrefix, bearerToken, formatApiKey, parseScope, scopeAllows, scopeText, unusableBecause } from "./api-key";

const SECRET = "A".repeat(43);

describe("bearerToken", () => {
  it.each([
    [null, { kind: "absent" }],
    ["", { kind: "absent" }],
    ["   ", { kind: "absent" }],
    ["Bearer abc", { kind: "token", token: "abc" }],
    ["bearer   abc ", { kind: "token", token: "abc" }],
    ["Basic dXNlcjpwYXNz", { kind: "malformed" }],
    ["Bearer", { kind: "malformed" }],
    ["Bearer a b", { kind: "malformed" }],
    ["abc", { kind: "malformed" }],
  ])("%j → %j", (header, expected) => expect(bearerToken(header)).toEqual(expected));
});

describe("apiKeyPrefix", () => {
  it.each([
    [formatApiKey("AbCdE23456", SECRET), "AbCdE23456"],
    [`gk_AbCdE23456_${"x".repeat(42)}`, null],
    [`gk_AbCdE2345_${SECRET}`, null],
    [`gx_AbCdE23456_${SECRET}`, null],
    [`gk_AbCdE23456_${SECRET}\n`, null],
    ["", null],
  ])("%j → %j", (key, expected) => expect(apiKeyPrefix(key)).toBe(expected));

  it("reads back the prefix of any key it formats", () => {
    const prefix = fc.stringMatching(/^[A-Za-z0-9]{10}$/);
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{43}$/);
    fc.assert(fc.property(prefix, secret, (p, s) => apiKeyPrefix(formatApiKey(p, s)) === p));
  });
});

describe("scopes", () => {
  it.each([
    ["call_events", { kind: "call_events" }],
    ["requests_read:sagir", { kind: "requests_read", serviceId: "sagir" }],
    ["requests_read:ca-dotation", { kind: "requests_read", serviceId: "ca-dotation" }],
    ["requests_read:", null],
    ["requests_read", null],
    ["admin", null],
  ])("parseScope(%j) → %j", (text, expected) => {
    expect(parseScope(text)).toEqual(expected);
    if (expected) expect(scopeText(expected as never)).toBe(text);
  });

  it.each([
    ["call_events", { kind: "call_events" }, true],
    ["call_events", { kind: "requests_read", serviceId: "sagir" }, false],
    ["requests_read:sagir", { kind: "requests_read", serviceId: "sagir" }, true],
    ["requests_read:sagir", { kind: "requests_read", serviceId: "ca-dotation" }, false],
    ["requests_read:sagir", { kind: "call_events" }, false],
    ["nonsense", { kind: "call_events" }, false],
  ] as const)("a key of %j for %j: %j", (scope, wanted, allowed) => expect(scopeAllows(scope, wanted)).toBe(allowed));
});

describe("unusableBecause", () => {
  const at = Date.parse("2026-11-29T12:00:00Z");
  const expiresAt = new Date("2026-12-01T05:00:00Z");
  it.each([
    [{ expiresAt, revokedAt: null }, at, null],
    [{ expiresAt, revokedAt: null }, expiresAt.getTime() - 1, null],
    [{ expiresAt, revokedAt: null }, expiresAt.getTime(), "expired"],
    [{ expiresAt, revokedAt: new Date(at - 1) }, at, "revoked"],
    [{ expiresAt, revokedAt: new Date(at + 1) }, at, null],
    [{ expiresAt: new Date(at - 1), revokedAt: new Date(at - 1) }, at, "revoked"],
  ])("%j at %j → %j", (key, now, expected) => expect(unusableBecause({ scope: "call_events", ...key }, now)).toBe(expected));
});
