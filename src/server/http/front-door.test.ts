import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FORM_BODY_LIMIT_BYTES,
  JSON_BODY_LIMIT_BYTES,
  clientAddress,
  isDecodablePath,
  isHttps,
  isSameOrigin,
  isUnknownFilePath,
  normalizeAddress,
  pageContentSecurityPolicy,
  parseTrustedProxies,
  refusalOf,
  securityHeaders,
} from "./front-door";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

describe("clientAddress", () => {
  it.each([
    // [socket, X-Forwarded-For, trusted, expected]
    ["203.0.113.9", "192.0.2.1", none, "203.0.113.9"],
    ["203.0.113.9", undefined, none, "203.0.113.9"],
    ["::ffff:203.0.113.9", "192.0.2.1", none, "203.0.113.9"],
    ["127.0.0.1", "192.0.2.1, 192.0.2.2", none, "127.0.0.1"],
    // A client's forged hop on the left is never believed: the proxy's own hop is read from the right.
    ["10.0.0.2", "192.0.2.1, 198.51.100.7", proxies, "198.51.100.7"],
    ["10.0.0.2", "198.51.100.7, 10.1.1.1", proxies, "198.51.100.7"],
    ["10.0.0.2", ["192.0.2.1", "198.51.100.7, 192.168.1.5"], proxies, "198.51.100.7"],
    // Everything trusted: the leftmost hop.
    ["10.0.0.2", "10.0.0.3", proxies, "10.0.0.3"],
    // A malformed hop ends the walk at the last good address.
    ["10.0.0.2", "192.0.2.1, nimporte, 10.0.0.9", proxies, "10.0.0.9"],
    ["10.0.0.2", "", proxies, "10.0.0.2"],
    ["fd00::1", "2001:db8::5", proxies, "2001:db8::5"],
    ["203.0.113.9", "10.0.0.3", proxies, "203.0.113.9"],
    [undefined, "192.0.2.1", proxies, "unknown"],
  ] as const)("socket %s, X-Forwarded-For %j → %s", (socket, forwarded, trusted, expected) => {
    expect(clientAddress(socket, forwarded as string | string[] | undefined, trusted)).toBe(expected);
  });

  it("with no trusted proxy, whatever X-Forwarded-For says, the client is the socket", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.array(fc.oneof(fc.ipV4(), fc.string()), { maxLength: 6 }), (socket, hops) => {
        expect(clientAddress(socket, hops.join(","), none)).toBe(socket);
      }),
    );
  });

  it("behind a trusted proxy, the client is one of the hops the proxies wrote (never a hop left of an untrusted one)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.ipV4(), { minLength: 1, maxLength: 5 }),
        fc.ipV4().filter((a) => !a.startsWith("10.") && a !== "192.168.1.5"),
        fc.array(fc.constantFrom("10.0.0.7", "192.168.1.5", "10.200.3.4"), { maxLength: 3 }),
        (forged, real, proxyHops) => {
          expect(clientAddress("10.0.0.2", [...forged, real, ...proxyHops].join(", "), proxies)).toBe(real);
        },
      ),
    );
  });

  it.each([
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["192.0.2.1:8080", "192.0.2.1"],
    ["::FFFF:192.0.2.1", "192.0.2.1"],
    ["pas une adresse", null],
  ])("normalizeAddress(%j) = %j", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each(["10.0.0.0/33", "nimporte", "10.0.0.0/x", "::/129"])("refuses the malformed trusted-proxy entry %j at start", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/GUICHET_TRUSTED_PROXIES/);
  });
});

describe("isHttps", () => {
  it.each([
    [true, false, undefined, true],
    [false, false, "https", false],
    [false, true, "https", true],
    [false, true, "https, http", true],
    [false, true, "http", false],
    [false, true, undefined, false],
  ] as const)("encrypted %s, from a trusted proxy %s, X-Forwarded-Proto %j → %s", (encrypted, trusted, proto, expected) => {
    expect(isHttps(encrypted, trusted, proto)).toBe(expected);
  });
});

describe("refusalOf", () => {
  const facts = (method: string, url: string, headers: Record<string, string> = {}, host = "guichet.exemple.qc.ca") => ({ method, url, headers, host });
  it.each([
    // The probe's paths: malformed %-encoding is 400 on the API, a 404 page elsewhere.
    [facts("GET", "/api/v1/requests/%ZZ"), 400, "INVALID_PARAMETER"],
    [facts("GET", "/api/v1/requests/%"), 400, "INVALID_PARAMETER"],
    [facts("GET", "/api/v1/requests/%ED%A0%80"), 400, "INVALID_PARAMETER"],
    [facts("GET", "/suivi/%ZZ"), 404, "NOT_FOUND"],
    [facts("GET", "/dotation/requetes/%ZZ?x=1"), 404, "NOT_FOUND"],
    [facts("POST", "/api/v1/inquiries", { "content-type": "application/json", "content-length": String(JSON_BODY_LIMIT_BYTES + 1) }), 413, "PAYLOAD_TOO_LARGE"],
    [facts("POST", "/fr/services/x", { "content-type": "multipart/form-data; boundary=x", "content-length": String(FORM_BODY_LIMIT_BYTES + 1) }), 413, "PAYLOAD_TOO_LARGE"],
    [facts("POST", "/api/v1/inquiries", { "content-type": "application/json", "content-length": "-1" }), 413, "PAYLOAD_TOO_LARGE"],
    [facts("POST", "/api/v1/inquiries", { "content-type": "application/json", "transfer-encoding": "chunked" }), 411, "LENGTH_REQUIRED"],
    [facts("POST", "/services/ca-dotation/candidate/ecrire", { "next-action": "abc", origin: "https://evil.example", "content-length": "10" }), 403, "FORBIDDEN"],
    [facts("POST", "/services/ca-dotation/candidate/ecrire", { "next-action": "abc", origin: "null", "content-length": "10" }), 403, "FORBIDDEN"],
  ])("%j → %i %s", (input, status, code) => {
    expect(refusalOf(input)).toMatchObject({ status, code });
  });

  it.each([
    facts("GET", "/api/v1/requests/CAD-2026-000001"),
    facts("GET", "/suivi/%C3%A9t%C3%A9"),
    facts("POST", "/api/v1/inquiries", { "content-type": "application/json", "content-length": String(JSON_BODY_LIMIT_BYTES) }),
    facts("POST", "/fr/x", { "content-type": "multipart/form-data; boundary=x", "content-length": String(JSON_BODY_LIMIT_BYTES * 5) }),
    facts("POST", "/services/ca-dotation/candidate/ecrire", { "next-action": "abc", origin: "https://guichet.exemple.qc.ca", "content-length": "10" }),
    facts("POST", "/services/ca-dotation/candidate/ecrire", { "next-action": "abc", "content-length": "10" }),
    facts("GET", "/api/v1/catalogue", { "transfer-encoding": "chunked" }),
  ])("lets %j through", (input) => {
    expect(refusalOf(input)).toBeNull();
  });

  it("a path is decodable exactly when decodeURIComponent accepts it", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("%", "Z", "A", "0", "E", "D", "8", "/", "a", "C", "3") }), (path) => {
        let decodes = true;
        try {
          decodeURIComponent(path);
        } catch {
          decodes = false;
        }
        expect(isDecodablePath(path)).toBe(decodes);
      }),
    );
  });

  it.each([
    [undefined, "a.ca", true],
    ["https://a.ca", "a.ca", true],
    ["https://A.CA", "a.ca", true],
    ["https://a.ca:8443", "a.ca", false],
    ["https://b.ca", "a.ca", false],
    ["null", "a.ca", false],
    ["https://a.ca", undefined, false],
  ] as const)("isSameOrigin(%j, %j) = %s", (origin, host, expected) => {
    expect(isSameOrigin(origin, host)).toBe(expected);
  });
});

describe("headers", () => {
  it("the page policy allows scripts only with the nonce, never inline, and no framing", () => {
    const policy = pageContentSecurityPolicy("abc123");
    const script = policy.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toContain("'nonce-abc123'");
    expect(script).not.toContain("unsafe-inline");
    expect(script).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(pageContentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
  });

  it("HSTS only over HTTPS", () => {
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(securityHeaders({ https: false })).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});

describe("isUnknownFilePath", () => {
  const publicFiles = new Set(["/favicon.svg", "/docs/guide.pdf"]);
  it.each([
    ["/a.b", true],
    ["/en/a.b", true],
    ["/services/x.json", true],
    ["/.env", true],
    ["/favicon.svg", false],
    ["/docs/guide.pdf", false],
    ["/robots.txt", false],
    ["/_next/static/chunks/a.js", false],
    ["/__nextjs_font/geist-latin.woff2", false],
    ["/api/v1/x.json", false],
    ["/services/ca-dotation", false],
    ["/suivi/abc.def-ghi", true],
    ["/", false],
  ])("%s → %s", (path, expected) => {
    expect(isUnknownFilePath(path, publicFiles)).toBe(expected);
  });
});
