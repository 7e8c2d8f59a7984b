// The front door as a Node request handler wrapped around Next.js's (scripts/server.ts), kept apart
// from Next so that tests run it around a stand-in handler. What it does, per request:
// - the client's address from the socket or the trusted proxies, written into X-Forwarded-For (the
//   one header the app reads, see services/check-rate-limit.ts) — a client's own value is dropped;
// - a request id (X-Request-Id: a trusted proxy's, else a new one) on the answer;
// - the refusals of front-door.ts (malformed path, body too large or of unknown length, a server
//   action from another site) in the API's JSON error shape, or the app's 404 page;
// - while the database is down, 503 at once (JSON with Retry-After, or the unavailable page);
// - security headers on every answer, and for pages a Content-Security-Policy whose nonce Next.js
//   reads from the request (its documented way) and puts on its scripts; Next's routing headers
//   (x-middleware-rewrite) taken off.
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import type { Duplex } from "node:stream";
import { RETRY_AFTER_SECONDS, databaseAvailable } from "@/server/db/availability";
import { recordHttp, routeKind } from "@/server/metrics";
import { withRequestId } from "@/server/log";
import {
  INTERNAL_RESPONSE_HEADERS,
  NON_PAGE_CONTENT_SECURITY_POLICY,
  clientAddress,
  errorJson,
  isApiPath,
  isHttps,
  isStaticAssetPath,
  isUnknownFilePath,
  pageContentSecurityPolicy,
  refusalOf,
  securityHeaders,
  socketIsTrusted,
  type TrustedProxies,
} from "@/server/http/front-door";
import { cacheableAnswer, captureAnswer, headersWithNonce, isCacheablePageRequest, withNonce, type PageCache } from "@/server/http/page-cache";
import { UNAVAILABLE_PAGE_CSP, unavailablePage, unavailablePageLocale } from "@/server/http/unavailable-page";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type FrontDoorOptions = {
  /** Next.js's request handler (or a stand-in in tests). */
  handle: NodeHandler;
  trusted: TrustedProxies;
  dev?: boolean;
  /** The public pages' cache (page-cache.ts); none in development, where pages change as code does. */
  pageCache?: PageCache;
  /** The paths of `public/`'s files (`/favicon.svg`): other paths naming a file get the app's 404 page. */
  publicFiles?: ReadonlySet<string>;
  /**
   * Routes the front door answers itself, without Next.js, keyed `METHOD /path` (the telephone
   * system's call events and the candidates' inquiries: call-events-endpoint.ts,
   * inquiry-endpoint.ts) — for a request without cookies only, a
   * machine's; one with cookies (a person's browser, the e2e tests' fixed clock) goes to Next's route.
   */
  direct?: Readonly<Record<string, NodeHandler>>;
};

/** Routes that answer without the database (a load balancer's liveness check). */
const WITHOUT_DATABASE = new Set(["/api/health", "/api/ready"]);

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A refused body up to this size is read and thrown away, so that its sender gets the answer. */
const DRAIN_AT_MOST_BYTES = 8 * 1024 * 1024;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function createFrontDoor({ handle, trusted, dev = false, pageCache, publicFiles = new Set(), direct = {} }: FrontDoorOptions): NodeHandler {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const started = process.hrtime.bigint();
    const kind = routeKind(path, req.headers["next-action"] !== undefined);
    res.on("finish", () => recordHttp(kind, req.method ?? "GET", res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    const fromProxy = socketIsTrusted(req.socket.remoteAddress, trusted);
    const https = isHttps(Boolean((req.socket as { encrypted?: boolean }).encrypted), fromProxy, req.headers["x-forwarded-proto"]);

    // Who is asking: only the socket, or what trusted proxies say.
    req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
    delete req.headers["x-real-ip"];
    if (!fromProxy) {
      // Next.js fills these from the socket when absent.
      delete req.headers["x-forwarded-proto"];
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-port"];
    } else if (https) {
      req.headers["x-forwarded-proto"] = "https";
    }
    const incomingId = first(req.headers["x-request-id"]);
    const requestId = fromProxy && incomingId && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    req.headers["x-request-id"] = requestId;
    // What is logged while answering names the request (log.ts).
    return withRequestId(requestId, () => {

      const page = !isApiPath(path) && !isStaticAssetPath(path) && !path.startsWith("/_next/");
      const nonce = page ? randomBytes(16).toString("base64") : null;
      // Next.js takes the nonce from the request's policy; a client's own policy header is never used.
      delete req.headers["content-security-policy"];
      delete req.headers["content-security-policy-report-only"];
      if (nonce) req.headers["content-security-policy"] = pageContentSecurityPolicy(nonce, { dev });

      decorateAnswers(res, {
        requestId,
        https,
        contentSecurityPolicy: nonce ? pageContentSecurityPolicy(nonce, { dev }) : NON_PAGE_CONTENT_SECURITY_POLICY,
      });

      const host = fromProxy ? (first(req.headers["x-forwarded-host"]) ?? req.headers.host) : req.headers.host;
      const refusal = refusalOf({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, host });
      // Browsers ask for /favicon.ico where a page names no icon (Next's error documents): the icon is SVG.
      if (!refusal && path === "/favicon.ico" && !publicFiles.has(path)) {
        res.writeHead(301, { Location: "/favicon.svg", "Cache-Control": "public, max-age=86400" });
        res.end();
        return;
      }
      if (!refusal && isUnknownFilePath(path, publicFiles)) {
        req.url = /^\/en(\/|$)/.test(path) ? "/en/page-introuvable" : "/page-introuvable";
        return handle(req, res);
      }
      if (refusal) {
        if (refusal.code === "NOT_FOUND" && !isApiPath(path)) {
          // The app's own 404 page, for a path Next.js could not decode.
          req.url = "/page-introuvable";
          return handle(req, res);
        }
        // The body is not read. A body of a few megabytes is discarded by Node once the answer is
        // sent (a client still writing gets the answer, not a broken pipe); a larger one, or one of
        // unknown length, closes the connection rather than being drained.
        const announced = Number(first(req.headers["content-length"]) ?? NaN);
        const drain = Number.isFinite(announced) && announced <= DRAIN_AT_MOST_BYTES && refusal.status !== 411;
        return sendJson(res, refusal.status, errorJson(refusal.code, refusal.message), drain ? {} : { Connection: "close" });
      }

      if (!databaseAvailable() && !WITHOUT_DATABASE.has(path) && !isStaticAssetPath(path) && !path.startsWith("/_next/")) {
        if (isApiPath(path)) {
          return sendJson(res, 503, errorJson("DATABASE_UNAVAILABLE", { fr: "Service momentanément indisponible.", en: "Service temporarily unavailable." }, { retryAfterSeconds: RETRY_AFTER_SECONDS }), {
            "Retry-After": String(RETRY_AFTER_SECONDS),
          });
        }
        res.setHeader("Content-Security-Policy", UNAVAILABLE_PAGE_CSP);
        res.writeHead(503, { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" });
        res.end(req.method === "HEAD" ? undefined : unavailablePage(unavailablePageLocale(path, first(req.headers["accept-language"]))));
        return;
      }
      const own = req.headers.cookie === undefined ? direct[`${req.method} ${path}`] : undefined;
      if (own) return own(req, res);
      if (pageCache && nonce && isCacheablePageRequest(req.method, req.url, req.headers)) return servePublicPage(req, res, { handle, pageCache, path, nonce, dev });
      return handle(req, res);
    });
  };
}

const gzip = promisify(gzipCallback);

/** A public page from the cache, or rendered once (with the placeholder nonce) for everyone asking meanwhile. */
async function servePublicPage(req: IncomingMessage, res: ServerResponse, { handle, pageCache, path, nonce, dev }: { handle: NodeHandler; pageCache: PageCache; path: string; nonce: string; dev: boolean }): Promise<unknown> {
  const acceptsGzip = /\bgzip\b/.test(first(req.headers["accept-encoding"]) ?? "");
  const cached = pageCache.fresh(path, Date.now()) ?? (await pageCache.inFlight(path));
  if (cached) return sendPage(req, res, cached.status, headersWithNonce(cached.headers, pageCache.placeholder, nonce), withNonce(cached.body, pageCache.placeholder, nonce), { acceptsGzip, cache: "hit" });
  // A HEAD has no body to keep: Next answers it.
  if (req.method !== "GET") return handle(req, res);
  let settle: (entry: ReturnType<typeof cacheableAnswer>) => void = () => {};
  void pageCache.render(path, () => new Promise((resolve) => (settle = resolve)));
  // Rendered with the placeholder nonce, uncompressed: the nonce is put in, then compressed, per answer.
  req.headers["content-security-policy"] = pageContentSecurityPolicy(pageCache.placeholder, { dev });
  delete req.headers["accept-encoding"];
  captureAnswer(res, (status, headers, body) => {
    const entry = cacheableAnswer(status, headers, body, Date.now());
    settle(entry);
    const { "content-length": _length, "transfer-encoding": _encoding, ...kept } = headers;
    void sendPage(req, res, status, headersWithNonce(kept, pageCache.placeholder, nonce), withNonce(body, pageCache.placeholder, nonce), { acceptsGzip, cache: entry ? "miss" : "pass" });
  });
  try {
    return await handle(req, res);
  } catch (error) {
    settle(null);
    throw error;
  }
}

/** X-Guichet-Page-Cache: hit (from memory), miss (rendered, kept), pass (rendered, not kept: not a 200 page). */
async function sendPage(req: IncomingMessage, res: ServerResponse, status: number, headers: OutgoingHttpHeaders, pieces: Buffer[], { acceptsGzip, cache }: { acceptsGzip: boolean; cache: "hit" | "miss" | "pass" }): Promise<void> {
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  // Compressed off the main thread (zlib's pool): the page is large, the answer per visitor.
  const compress = acceptsGzip && length > 1024 && req.method === "GET";
  const payload = compress ? [await gzip(Buffer.concat(pieces, length), { level: 6 })] : pieces;
  if (res.destroyed) return;
  res.writeHead(status, { ...headers, ...(compress ? { "content-encoding": "gzip" } : {}), "content-length": String(compress ? payload[0]!.length : length), "x-guichet-page-cache": cache });
  if (req.method === "HEAD") return void res.end();
  res.cork();
  for (const piece of payload) res.write(piece);
  res.end(); // uncorks: the pieces leave in one write
}

function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(body);
}

/**
 * Adds the security headers to whatever answer is written (Node writes the head through writeHead,
 * explicitly or not), keeping a policy the route set itself (the attachments' sandbox), and takes
 * Next.js's routing headers off.
 */
function decorateAnswers(res: ServerResponse, { requestId, https, contentSecurityPolicy }: { requestId: string; https: boolean; contentSecurityPolicy: string }): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    // Headers passed to writeHead itself (an object or a flat array) are merged after setHeader's.
    const passed = args.find((a, i) => i > 0 && a !== null && typeof a === "object") as Record<string, unknown> | unknown[] | undefined;
    const passedNames = passed
      ? Array.isArray(passed)
        ? passed.filter((_, i) => i % 2 === 0).map((n) => String(n).toLowerCase())
        : Object.keys(passed).map((n) => n.toLowerCase())
      : [];
    for (const [name, value] of Object.entries(securityHeaders({ https }))) {
      if (!res.hasHeader(name) && !passedNames.includes(name.toLowerCase())) res.setHeader(name, value);
    }
    if (!res.hasHeader("Content-Security-Policy") && !passedNames.includes("content-security-policy")) res.setHeader("Content-Security-Policy", contentSecurityPolicy);
    res.setHeader("X-Request-Id", requestId);
    for (const name of INTERNAL_RESPONSE_HEADERS) res.removeHeader(name);
    if (passed && !Array.isArray(passed)) for (const name of Object.keys(passed)) if (INTERNAL_RESPONSE_HEADERS.includes(name.toLowerCase())) delete passed[name];
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
}

/**
 * Errors of the HTTP parser, before any handler: headers too large (431) and malformed requests
 * (400) answered in the JSON error shape — Node's own answers have an empty body.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const [status, reason, code, message] = tooLarge
    ? [431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE", { fr: "Les en-têtes de la requête sont trop volumineux.", en: "The request headers are too large." }]
    : [400, "Bad Request", "INVALID_PARAMETER", { fr: "Requête HTTP mal formée.", en: "Malformed HTTP request." }];
  const body = errorJson(code, message);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nContent-Security-Policy: ${NON_PAGE_CONTENT_SECURITY_POLICY}\r\nConnection: close\r\n\r\n${body}`,
  );
}
