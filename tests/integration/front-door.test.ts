// The front door over real HTTP, around a stand-in for Next.js that echoes what it was given: the
// client's address from the socket or trusted proxies only, the early refusals in the JSON error
// shape, security headers on every answer, and 503 at once while the database is down.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { markDatabaseDown, markDatabaseUp } from "../../src/server/db/availability";
import { captureLogs, log } from "../../src/server/log";
import { parseTrustedProxies } from "../../src/server/http/front-door";
import { answerClientError, createFrontDoor, type NodeHandler } from "../../src/server/http/front-door-handler";
import { createPageCache, forgetPublicPages, registerPageCache, type PageCache } from "../../src/server/http/page-cache";

let handled = 0;
function start(trusted: string | undefined, own: Record<string, NodeHandler> = {}): Promise<{ server: Server; port: number }> {
  const server = createServer(
    createFrontDoor({
      trusted: parseTrustedProxies(trusted),
      direct: own,
      handle: (req, res) => {
        handled++;
        if (req.url === "/api/v1/own-policy") res.setHeader("Content-Security-Policy", "sandbox");
        // What Next.js would see, and a routing header it would add.
        res.setHeader("x-middleware-rewrite", "/fr/x");
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ url: req.url, headers: req.headers }));
      },
    }),
  );
  server.on("clientError", answerClientError);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function call(port: number, path: string, { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

let direct: { server: Server; port: number };
let behindProxy: { server: Server; port: number };
beforeAll(async () => {
  direct = await start(undefined);
  // The test's own loopback address plays the trusted proxy.
  behindProxy = await start("127.0.0.0/8, 10.0.0.0/8");
});
afterAll(() => {
  direct.server.close();
  behindProxy.server.close();
});
afterEach(() => markDatabaseUp({ log: () => {} }));

describe("the client's address", () => {
  it("is the socket's, whatever X-Forwarded-For or X-Real-IP a client sends (the probe's bypass: 192.0.2.1…12)", async () => {
    for (let n = 1; n <= 12; n++) {
      const { body } = await call(direct.port, "/api/v1/echo", { headers: { "x-forwarded-for": `192.0.2.${n}`, "x-real-ip": `192.0.2.${n}` } });
      const seen = JSON.parse(body).headers;
      expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
      expect(seen["x-real-ip"]).toBeUndefined();
    }
  });

  it("behind a trusted proxy, is the hop the proxy wrote, not what the client put on the left", async () => {
    const { body } = await call(behindProxy.port, "/api/v1/echo", { headers: { "x-forwarded-for": "192.0.2.66, 198.51.100.7, 10.0.0.4", "x-forwarded-proto": "https" } });
    const seen = JSON.parse(body).headers;
    expect(seen["x-forwarded-for"]).toBe("198.51.100.7");
    expect(seen["x-forwarded-proto"]).toBe("https");
  });

  it("X-Forwarded-Proto and -Host from a client that is no proxy are dropped, so no HSTS and no forged origin", async () => {
    const { body, headers } = await call(direct.port, "/api/v1/echo", { headers: { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" } });
    const seen = JSON.parse(body).headers;
    expect(seen["x-forwarded-proto"]).toBeUndefined();
    expect(seen["x-forwarded-host"]).toBeUndefined();
    expect(headers["strict-transport-security"]).toBeUndefined();
    const viaProxy = await call(behindProxy.port, "/api/v1/echo", { headers: { "x-forwarded-proto": "https" } });
    expect(viaProxy.headers["strict-transport-security"]).toMatch(/^max-age=31536000/);
  });
});

describe("a route the front door answers itself (the telephone system's events)", () => {
  it("answers a machine's request (no cookie) without Next.js, with the same headers and the socket's address; a browser's and other methods go to Next", async () => {
    const seen: string[] = [];
    const machine: NodeHandler = (req, res) => {
      seen.push(String(req.headers["x-forwarded-for"]));
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end('{"own":true}');
    };
    const own = await start(undefined, { "POST /api/v1/machine": machine });
    try {
      const before = handled;
      const answer = await call(own.port, "/api/v1/machine", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.9" }, body: "{}" });
      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.body)).toEqual({ own: true });
      expect(handled).toBe(before);
      expect(seen).toEqual(["127.0.0.1"]);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");

      const browser = await call(own.port, "/api/v1/machine", { method: "POST", headers: { "content-type": "application/json", cookie: "guichet-now=2026-12-01T15%3A00%3A00Z" }, body: "{}" });
      expect(JSON.parse(browser.body).url).toBe("/api/v1/machine");
      expect(JSON.parse((await call(own.port, "/api/v1/machine")).body).url).toBe("/api/v1/machine");
      expect(handled).toBe(before + 2);

      // The front door's refusals come first: a body over the limit, or the database away.
      const large = await call(own.port, "/api/v1/machine", { method: "POST", headers: { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) } });
      expect(large.status).toBe(413);
      markDatabaseDown("test", { log: () => {}, probe: () => new Promise(() => {}) });
      const away = await call(own.port, "/api/v1/machine", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(away.status).toBe(503);
      expect(JSON.parse(away.body)).toMatchObject({ error: { code: "DATABASE_UNAVAILABLE" } });
      expect(seen).toHaveLength(1);
    } finally {
      own.server.close();
    }
  });
});

describe("answers", () => {
  it("every answer has the security headers and a request id; Next's routing header is gone; a route's own policy is kept", async () => {
    for (const path of ["/api/v1/echo", "/", "/services/ca-dotation", "/_next/static/x.js", "/api/v1/own-policy"]) {
      const { headers } = await call(direct.port, path);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
      expect(headers["x-middleware-rewrite"], path).toBeUndefined();
      expect(headers["content-security-policy"], path).toBeTruthy();
    }
    expect((await call(direct.port, "/api/v1/own-policy")).headers["content-security-policy"]).toBe("sandbox");
    expect((await call(direct.port, "/api/v1/echo")).headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it("a page's policy carries a fresh nonce, the same one Next.js is given on the request; a client's own policy header is dropped", async () => {
    const first = await call(direct.port, "/connexion", { headers: { "content-security-policy": "script-src 'nonce-choisi'" } });
    const second = await call(direct.port, "/connexion");
    const nonceOf = (policy: unknown) => /'nonce-([^']+)'/.exec(String(policy))?.[1];
    const given = JSON.parse(first.body).headers["content-security-policy"];
    expect(nonceOf(first.headers["content-security-policy"])).toBe(nonceOf(given));
    expect(nonceOf(given)).not.toBe("choisi");
    expect(nonceOf(first.headers["content-security-policy"])).not.toBe(nonceOf(second.headers["content-security-policy"]));
  });

  it("what is logged while answering names the answer's request id, across awaits; a line outside any answer names none", async () => {
    const lines: string[] = [];
    const stop = captureLogs((line) => lines.push(line));
    const logging: NodeHandler = async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.warn("test_answering");
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("{}");
    };
    const own = await start(undefined, { "POST /api/v1/logging": logging });
    try {
      const answers = await Promise.all([1, 2, 3].map(() => call(own.port, "/api/v1/logging", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })));
      log.warn("test_outside");
      const logged = lines.map((line) => JSON.parse(line) as { event: string; requestId?: string });
      expect(logged.filter((l) => l.event === "test_answering").map((l) => l.requestId).sort()).toEqual(answers.map((a) => a.headers["x-request-id"]).sort());
      expect(logged.find((l) => l.event === "test_outside")).not.toHaveProperty("requestId");
    } finally {
      stop();
      own.server.close();
    }
  });

  it("a request id from a trusted proxy is kept, a client's is replaced", async () => {
    expect((await call(behindProxy.port, "/api/v1/echo", { headers: { "x-request-id": "lb-1234" } })).headers["x-request-id"]).toBe("lb-1234");
    expect((await call(direct.port, "/api/v1/echo", { headers: { "x-request-id": "lb-1234" } })).headers["x-request-id"]).not.toBe("lb-1234");
  });
});

describe("refusals before Next.js", () => {
  it("malformed %-encoding: a JSON 400 on the API, the app's 404 page elsewhere", async () => {
    for (const path of ["/api/v1/requests/%ZZ", "/api/v1/requests/%", "/api/v1/requests/%ED%A0%80"]) {
      const answer = await call(direct.port, path);
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body).error.code).toBe("INVALID_PARAMETER");
    }
    for (const path of ["/suivi/%ZZ", "/dotation/requetes/%ZZ"]) {
      const answer = await call(direct.port, path);
      expect(JSON.parse(answer.body).url, path).toBe("/page-introuvable");
    }
  });

  it("/favicon.ico, asked by browsers where a page names no icon, is sent to the SVG icon (no 404 in the console)", async () => {
    const answer = await call(direct.port, "/favicon.ico");
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe("/favicon.svg");
  });

  it("a body over the limit is 413 before it is read; one of unknown length 411; nothing reaches the app", async () => {
    const before = handled;
    const big = await call(direct.port, "/api/v1/inquiries", { method: "POST", headers: { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: { fr: "Le corps de la requête dépasse la limite de 1 Mo." } });
    const chunked = await call(direct.port, "/api/v1/inquiries", { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, body: "{}" });
    expect(chunked.status).toBe(411);
    expect(JSON.parse(chunked.body).error.code).toBe("LENGTH_REQUIRED");
    expect(handled).toBe(before);
  });

  it("a server action posted from another site is a 403, not a 500", async () => {
    const answer = await call(direct.port, "/services/ca-dotation/candidate/ecrire", {
      method: "POST",
      headers: { "next-action": "7f00", origin: "https://evil.example", "content-type": "text/plain", "content-length": "2" },
      body: "[]",
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.code).toBe("FORBIDDEN");
  });

  it("headers too large: 431 in the JSON error shape", async () => {
    const answer = await call(direct.port, "/api/v1/catalogue", { headers: { "x-big": "a".repeat(20_000) } });
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body).error.code).toBe("HEADERS_TOO_LARGE");
  });
});

describe("while the database is down", () => {
  it("the API answers 503 DATABASE_UNAVAILABLE with Retry-After, pages the unavailable page with the centres' numbers, health and files still pass", async () => {
    markDatabaseDown("test", { log: () => {}, probe: () => new Promise(() => {}) });
    const before = handled;
    const api = await call(direct.port, "/api/v1/catalogue");
    expect(api.status).toBe(503);
    expect(api.headers["retry-after"]).toBe("10");
    expect(JSON.parse(api.body).error).toMatchObject({ code: "DATABASE_UNAVAILABLE", message: { fr: "Service momentanément indisponible." } });

    const page = await call(direct.port, "/services/ca-dotation/candidate");
    expect(page.status).toBe(503);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain('lang="fr-CA"');
    expect(page.body).toContain("Service momentanément indisponible");
    expect(page.body).toContain("418 528-7157");
    expect(page.body).toContain("1 866 672-3460");
    expect(page.body).toContain("418 528-0880, poste 3212");
    expect(page.body).not.toContain("<script");
    const english = await call(direct.port, "/en/services/sagir");
    expect(english.body.indexOf("Service temporarily unavailable")).toBeLessThan(english.body.indexOf("Service momentanément indisponible"));
    expect(handled).toBe(before);

    for (const path of ["/api/health", "/api/ready", "/_next/static/chunk.js"]) {
      await call(direct.port, path);
    }
    expect(handled).toBe(before + 3);

    markDatabaseUp({ log: () => {} });
    expect((await call(direct.port, "/api/v1/catalogue")).status).toBe(200);
  });
});

// A stand-in for Next.js rendering pages as it does: the nonce it was given on every script and in
// its Link header, the HTML streamed in pieces, a 404 for an unknown service.
let rendered = 0;
function startWithPageCache(cache: PageCache): Promise<{ server: Server; port: number }> {
  const server = createServer(
    createFrontDoor({
      trusted: parseTrustedProxies(undefined),
      pageCache: cache,
      handle: async (req, res) => {
        rendered++;
        const nonce = /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"]))?.[1] ?? "none";
        await new Promise((r) => setTimeout(r, 30));
        res.statusCode = req.url?.includes("inconnu") ? 404 : 200;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Link", `</_next/static/a.css>; rel=preload; as="style"; nonce="${nonce}"`);
        if (req.url === "/services/avec-cookie") res.setHeader("Set-Cookie", "a=1");
        res.write(`<html><head><script nonce="${nonce}" src="/a.js"></script></head>`);
        res.write(Buffer.from(`<body>${"contenu ".repeat(500)}${req.headers["accept-encoding"] ? "compressé" : ""}`));
        res.end(`<script nonce="${nonce}">self.x=1</script></body></html>`);
      },
    }),
  );
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

describe("the public pages' cache", () => {
  const nonceOf = (policy: unknown) => /'nonce-([^']+)'/.exec(String(policy))?.[1];
  let cache: PageCache;
  let cached: { server: Server; port: number };
  beforeAll(async () => {
    cache = createPageCache();
    registerPageCache(cache);
    cached = await startWithPageCache(cache);
  });
  afterAll(() => cached.server.close());
  afterEach(() => cache.clear());

  it("renders a service page once; every answer has its own nonce, in its policy, its scripts and its Link header, never the placeholder", async () => {
    const before = rendered;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call(cached.port, "/services/ca-dotation/candidate"));
    expect(rendered - before).toBe(1);
    expect(answers.map((a) => a.headers["x-guichet-page-cache"])).toEqual(["miss", "hit", "hit"]);
    const nonces = answers.map((a) => nonceOf(a.headers["content-security-policy"]));
    expect(new Set(nonces).size).toBe(3);
    answers.forEach((a, i) => {
      expect(a.status).toBe(200);
      expect(a.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonces[i]}"`, `nonce="${nonces[i]}"`]);
      expect(a.headers.link).toContain(`nonce="${nonces[i]}"`);
      expect(a.body).not.toContain(cache.placeholder);
      expect(a.body).not.toContain("compressé");
      expect(Number(a.headers["content-length"])).toBe(Buffer.byteLength(a.body));
      expect(a.headers["x-request-id"]).toBeTruthy();
    });
  });

  it("requests arriving during the rendering wait for it: 30 at once, one rendering", async () => {
    const before = rendered;
    const answers = await Promise.all(Array.from({ length: 30 }, () => call(cached.port, "/en/services/sagir")));
    expect(rendered - before).toBe(1);
    expect(answers.every((a) => a.status === 200 && a.body.includes(`nonce="${nonceOf(a.headers["content-security-policy"])}"`))).toBe(true);
  });

  it("is compressed per answer for a browser that accepts gzip, with the answer's own nonce", async () => {
    await call(cached.port, "/");
    const answer = await call(cached.port, "/", { headers: { "accept-encoding": "gzip, br" } });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["x-guichet-page-cache"]).toBe("hit");
    expect(answer.body).toContain(`<script nonce="${nonceOf(answer.headers["content-security-policy"])}" src="/a.js">`);
    const head = await call(cached.port, "/", { method: "HEAD" });
    expect([head.status, head.body, head.headers["x-guichet-page-cache"]]).toEqual([200, "", "hit"]);
  });

  it("renders every time for a signed-in visitor, the test clock, a client navigation, a query, an unknown page or one setting a cookie", async () => {
    await call(cached.port, "/services/ca-dotation");
    const cases: [string, Record<string, string>][] = [
      ["/services/ca-dotation", { cookie: "next-auth.session-token=abc" }],
      ["/services/ca-dotation", { cookie: "guichet-now=2026-12-01T15%3A00%3A00Z" }],
      ["/services/ca-dotation", { rsc: "1" }],
      ["/services/ca-dotation?x=1", {}],
      ["/services/inconnu", {}],
      ["/services/avec-cookie", {}],
    ];
    for (const [path, headers] of cases) {
      const before = rendered;
      await call(cached.port, path, { headers });
      const again = await call(cached.port, path, { headers });
      expect(rendered - before, `${path} ${JSON.stringify(headers)}`).toBe(2);
      expect(again.headers["x-guichet-page-cache"], path).not.toBe("hit");
    }
  });

  it("a catalogue edit (forgetPublicPages) has the next visit render the page again", async () => {
    await call(cached.port, "/services/sagir");
    expect((await call(cached.port, "/services/sagir")).headers["x-guichet-page-cache"]).toBe("hit");
    forgetPublicPages();
    expect((await call(cached.port, "/services/sagir")).headers["x-guichet-page-cache"]).toBe("miss");
  });

  it("while the database is down, the unavailable page, not the cached one", async () => {
    await call(cached.port, "/services/sagir");
    markDatabaseDown("test", { log: () => {}, probe: () => new Promise(() => {}) });
    expect((await call(cached.port, "/services/sagir")).status).toBe(503);
  });
});
