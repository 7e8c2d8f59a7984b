import { describe, expect, it } from "vitest";
import { cacheableAnswer, createPageCache, expiresAt, headersWithNonce, isCacheablePageRequest, withNonce } from "./page-cache";

describe("isCacheablePageRequest", () => {
  it.each([
    ["GET", "/", {}, true],
    ["HEAD", "/en", {}, true],
    ["GET", "/services/ca-dotation", {}, true],
    ["GET", "/en/services/sagir/mo-user", {}, true],
    ["GET", "/services/ca-dotation/candidate", { cookie: "autre=1" }, true],
    // Personal or time-shifted: a signed-in header, the e2e clock.
    ["GET", "/services/ca-dotation/candidate", { cookie: "next-auth.session-token=abc" }, false],
    ["GET", "/services/ca-dotation/candidate", { cookie: "a=1; __Secure-next-auth.session-token.0=abc" }, false],
    ["GET", "/services/ca-dotation/candidate", { cookie: "guichet-now=2026-12-01T15%3A00%3A00Z" }, false],
    // Next's client navigation (an RSC payload) and server actions.
    ["GET", "/services/ca-dotation/candidate", { rsc: "1" }, false],
    ["GET", "/", { "next-router-prefetch": "1" }, false],
    ["POST", "/services/ca-dotation/candidate", {}, false],
    // Not a public page, a query, a form, a deeper path.
    ["GET", "/services/ca-dotation/candidate/ecrire", {}, false],
    ["GET", "/services/ca-dotation/candidate?x=1", {}, false],
    ["GET", "/console", {}, false],
    ["GET", "/suivi/abc", {}, false],
    ["GET", "/services/CA_dotation", {}, false],
    // The guides: the index and an article; not a search, not the staff's desk, not a file.
    ["GET", "/guides", {}, true],
    ["GET", "/en/guides/mot-de-passe-oublie-du-portail-carrieres", {}, true],
    ["GET", "/guides?q=mot", {}, false],
    ["GET", "/guides/mot-de-passe/autre", {}, false],
    ["GET", "/gestion/guides/ca-dotation", {}, false],
    ["GET", "/guides/mot-de-passe-oublie", { cookie: "next-auth.session-token=abc" }, false],
  ] as const)("%s %s %j → %s", (method, url, headers, expected) => {
    expect(isCacheablePageRequest(method, url, headers)).toBe(expected);
  });
});

describe("expiresAt", () => {
  it.each([
    ["2026-12-01T13:59:00.000Z", "2026-12-01T14:00:00.000Z"],
    ["2026-12-01T13:59:59.999Z", "2026-12-01T14:00:00.000Z"],
    ["2026-12-01T14:00:00.000Z", "2026-12-01T14:01:00.000Z"],
  ])("made at %s, served until %s", (at, until) => {
    expect(new Date(expiresAt(Date.parse(at))).toISOString()).toBe(until);
  });
});

describe("cacheableAnswer", () => {
  const html = { "content-type": "text/html; charset=utf-8" };
  it("keeps a 200 HTML page without the per-answer headers", () => {
    const entry = cacheableAnswer(200, { ...html, "Content-Security-Policy": "x", "x-request-id": "1", "content-length": "3", vary: "rsc" }, Buffer.from("abc"), 0);
    expect(entry?.headers).toEqual({ ...html, vary: "rsc" });
    expect(entry?.expiresAt).toBe(60_000);
  });
  it.each([
    [404, html],
    [307, html],
    [200, { "content-type": "text/x-component" }],
    [200, { ...html, "set-cookie": ["a=1"] }],
  ])("does not keep %s %j", (status, headers) => {
    expect(cacheableAnswer(status, headers, Buffer.from("x"), 0)).toBeNull();
  });
});

describe("withNonce", () => {
  const placeholder = "P".repeat(24);
  it.each([
    ["", ""],
    ["<p>rien</p>", "<p>rien</p>"],
    [`<script nonce="${placeholder}"></script>`, `<script nonce="${"n".repeat(24)}"></script>`],
    [`${placeholder}${placeholder}x${placeholder}`, `${"n".repeat(24)}${"n".repeat(24)}x${"n".repeat(24)}`],
  ])("%j → %j", (body, expected) => {
    expect(Buffer.concat(withNonce(Buffer.from(body), placeholder, "n".repeat(24))).toString()).toBe(expected);
  });
  it("leaves the cached body as it was", () => {
    const body = Buffer.from(`a${placeholder}b`);
    withNonce(body, placeholder, "n".repeat(24));
    expect(body.toString()).toBe(`a${placeholder}b`);
  });
  it("puts the nonce in headers, lists included", () => {
    expect(headersWithNonce({ link: `<x>; nonce="${placeholder}"`, "x-list": ["a", placeholder], "content-length": 3 }, placeholder, "N")).toEqual({ link: `<x>; nonce="N"`, "x-list": ["a", "N"], "content-length": 3 });
  });
});

describe("createPageCache", () => {
  const entry = (expires: number) => ({ status: 200, headers: {}, body: Buffer.from("x"), expiresAt: expires });
  it("serves an entry until it expires, and renders a path once for everyone waiting", async () => {
    const cache = createPageCache();
    expect(cache.placeholder).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    let renders = 0;
    const rendering = cache.render("/", async () => {
      renders++;
      return entry(60_000);
    });
    expect(cache.inFlight("/")).toBe(rendering);
    await rendering;
    expect(renders).toBe(1);
    expect(cache.inFlight("/")).toBeUndefined();
    expect(cache.fresh("/", 59_999)).not.toBeNull();
    expect(cache.fresh("/", 60_000)).toBeNull();
    expect(cache.size).toBe(0);
  });
  it("keeps nothing from a failed or refused rendering", async () => {
    const cache = createPageCache();
    expect(await cache.render("/", () => Promise.reject(new Error("boom")))).toBeNull();
    expect(await cache.render("/en", async () => null)).toBeNull();
    expect(cache.size).toBe(0);
  });
  it("holds at most maxEntries pages, the oldest leaving first", async () => {
    const cache = createPageCache({ maxEntries: 2 });
    for (const path of ["/a", "/b", "/c"]) await cache.render(path, async () => entry(60_000));
    expect([cache.fresh("/a", 0), cache.fresh("/b", 0) !== null, cache.fresh("/c", 0) !== null]).toEqual([null, true, true]);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
