import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { isUsableCallbackUrl, sessionUserId, unusableCallbackCookies } from "./session-cookies";

const BASE = "https://guichet.exemple.qc.ca";
const jar = (entries: Record<string, string>) => ({
  get: (name: string) => (name in entries ? { value: entries[name]! } : undefined),
  getAll: () => Object.entries(entries).map(([name, value]) => ({ name, value })),
});

describe("callback-url cookies", () => {
  it.each([
    ["/espace", true],
    [`${BASE}/console`, true],
    ["https://ailleurs.exemple/", true],
    ["foo", false],
    [" ", false],
    ["javascript:alert(1)", false],
    ["data:text/html,x", false],
  ])("%j usable: %s", (value, usable) => expect(isUsableCallbackUrl(value, BASE)).toBe(usable));

  it("names only the unusable ones", () => {
    expect(unusableCallbackCookies(jar({ "next-auth.callback-url": "foo", "__Secure-next-auth.callback-url": "/ok", other: "foo" }), BASE)).toEqual(["next-auth.callback-url"]);
    expect(unusableCallbackCookies(jar({ "next-auth.callback-url": "" }), BASE)).toEqual([]);
  });
});

describe("sessionUserId", () => {
  const secret = "un secret de test assez long pour chiffrer";
  afterEach(() => {
    delete process.env.NEXTAUTH_SECRET;
  });

  it("reads the user id of a valid session token, whole or in chunks; nothing else", async () => {
    process.env.NEXTAUTH_SECRET = secret;
    const token = await encode({ token: { sub: "user-1" }, secret, maxAge: 3600 });
    expect(await sessionUserId(jar({ "next-auth.session-token": token }))).toBe("user-1");
    expect(await sessionUserId(jar({ "next-auth.session-token.1": token.slice(20), "next-auth.session-token.0": token.slice(0, 20) }))).toBe("user-1");
    expect(await sessionUserId(jar({ "next-auth.session-token": `${token}x` }))).toBeNull();
    expect(await sessionUserId(jar({ "next-auth.session-token": await encode({ token: { sub: "user-1" }, secret: "un autre secret, pas le bon du tout", maxAge: 3600 }) }))).toBeNull();
    expect(await sessionUserId(jar({ "next-auth.session-token": await encode({ token: { sub: "user-1" }, secret, maxAge: -120 }) }))).toBeNull();
    expect(await sessionUserId(jar({}))).toBeNull();
  });

  it("reads nothing without a secret", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret, maxAge: 3600 });
    expect(await sessionUserId(jar({ "next-auth.session-token": token }))).toBeNull();
  });
});
