// The public service pages (and the guides'), rendered once a minute and served from memory by the front door
// (front-door-handler.ts). They are the same for every visitor for a minute at a time: only the
// open/closed line and the promised instants change, and those change on a minute boundary (hours,
// lunch breaks and targets are whole minutes). So an entry lives until the next minute starts, on the
// wall clock; a catalogue edit empties this instance's cache at once (forgetPublicPages), other
// instances' within the minute.
//
// Each answer still carries its own Content-Security-Policy nonce: the page is rendered with a
// placeholder nonce (random per process, never sent), and each answer puts a fresh one in its place,
// in the body (written as the cached slices around it, not copied) and in the headers (Next's Link
// preload header carries it too).
//
// Only what is the same for everyone is cached: GET or HEAD of an allowed path, no query, no
// session or test-clock cookie, no Next.js navigation headers (those answers are RSC payloads, not
// HTML), and only a 200 HTML answer without Set-Cookie. Requests arriving while the page is being
// rendered wait for that one rendering instead of starting their own.
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * The pages served from the cache: home, service and audience pages, the guides' index and articles
 * (what an anonymous visitor reads: the candidates' articles; a private one is a 404, never kept),
 * in French and in English. A search (a query) is not cached.
 */
const CACHEABLE_PATH = /^(?:\/en)?(?:\/|\/services\/[a-z0-9-]{1,40}(?:\/[a-z0-9-]{1,40})?|\/guides(?:\/[a-z0-9-]{1,90})?)?$/;

/** Cookies that make a page personal (a signed-in header) or time-shifted (the e2e test clock). */
const PERSONAL_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?(?:next-auth\.session-token|guichet-now)(?:\.\d+)?=/;

/** Headers of Next.js's client navigation: the answer is a flight payload, not the HTML document. */
const NAVIGATION_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];

/** Not replayed from the cache: set per answer by the front door or Node. */
const PER_ANSWER_HEADERS = new Set(["content-security-policy", "x-request-id", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

export function isCacheablePageRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url || url.includes("?") || !CACHEABLE_PATH.test(url)) return false;
  if (NAVIGATION_HEADERS.some((name) => headers[name] !== undefined)) return false;
  const cookie = headers.cookie;
  return !(cookie && PERSONAL_COOKIE.test(cookie));
}

/** The instant an entry made at `now` stops being served: the next minute's start. */
export function expiresAt(now: number): number {
  return (Math.floor(now / 60_000) + 1) * 60_000;
}

export type CachedPage = { status: number; headers: OutgoingHttpHeaders; body: Buffer; expiresAt: number };

/** The answer of a rendering, or null when it must not be kept (not a 200 HTML page, a cookie set). */
export function cacheableAnswer(status: number, headers: OutgoingHttpHeaders, body: Buffer, now: number): CachedPage | null {
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !PER_ANSWER_HEADERS.has(name.toLowerCase())) kept[name.toLowerCase()] = value;
  return { status, headers: kept, body, expiresAt: expiresAt(now) };
}

/**
 * The body as the pieces around each occurrence of `placeholder`, joined with `nonce` between them:
 * the answer is written as these pieces (views of the cached body, not copies).
 */
export function withNonce(body: Buffer, placeholder: string, nonce: string): Buffer[] {
  const needle = Buffer.from(placeholder);
  const replacement = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at), replacement);
    from = at + needle.length;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

export function headersWithNonce(headers: OutgoingHttpHeaders, placeholder: string, nonce: string): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = typeof value === "string" ? value.replaceAll(placeholder, nonce) : Array.isArray(value) ? value.map((v) => v.replaceAll(placeholder, nonce)) : value;
  }
  return out;
}

export type PageCache = {
  /** The nonce pages are rendered with: never sent to anyone. */
  readonly placeholder: string;
  /** A fresh entry for the path, or null. */
  fresh(path: string, now: number): CachedPage | null;
  /** The rendering of `path` in progress, if any. */
  inFlight(path: string): Promise<CachedPage | null> | undefined;
  /** Runs `render` as the one rendering of `path`; waiters get its answer (or null: render yourselves). */
  render(path: string, render: () => Promise<CachedPage | null>): Promise<CachedPage | null>;
  clear(): void;
  readonly size: number;
};

/** A cache of at most `maxEntries` pages (the allowed paths are few; the bound stops a crawl of unknown slugs). */
export function createPageCache({ maxEntries = 200 }: { maxEntries?: number } = {}): PageCache {
  const entries = new Map<string, CachedPage>();
  const rendering = new Map<string, Promise<CachedPage | null>>();
  return {
    // 16 random bytes in base64: the length of the front door's nonces.
    placeholder: randomBytes(16).toString("base64"),
    fresh(path, now) {
      const entry = entries.get(path);
      if (!entry) return null;
      if (entry.expiresAt <= now) {
        entries.delete(path);
        return null;
      }
      return entry;
    },
    inFlight: (path) => rendering.get(path),
    render(path, render) {
      const pending = render()
        .then((entry) => {
          if (entry) {
            if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
            entries.set(path, entry);
          }
          return entry;
        })
        .catch(() => null)
        .finally(() => rendering.delete(path));
      rendering.set(path, pending);
      return pending;
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * Lets `handle` write its answer into memory instead of the socket: the status, the headers (set
 * before or passed to writeHead) and the body, given to `done` when the handler ends the answer.
 * The response's own methods are given back first, so that the caller then writes the real answer.
 */
export function captureAnswer(res: ServerResponse, done: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => void): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  let passed: OutgoingHttpHeaders = {};
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  const callbackOf = (args: unknown[]) => args.find((a) => typeof a === "function") as (() => void) | undefined;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((a) => a !== null && typeof a === "object") as OutgoingHttpHeaders | unknown[] | undefined;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) passed[String(headers[i]).toLowerCase()] = headers[i + 1] as string;
    else if (headers) passed = { ...passed, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
    return res;
  }) as ServerResponse["writeHead"];
  res.flushHeaders = () => {};
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, rest[0]));
    const callback = callbackOf(rest);
    if (callback) queueMicrotask(callback);
    return true;
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    const [chunk] = args;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, args[1]));
    Object.assign(res, original);
    const headers = { ...Object.fromEntries(Object.entries(res.getHeaders()).map(([k, v]) => [k.toLowerCase(), v])), ...passed };
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    done(res.statusCode, headers, Buffer.concat(chunks));
    return res;
  }) as ServerResponse["end"];
}

// The caches of this process (the front door's), reachable from the app's own modules, which Next.js
// loads apart from the front door's: a catalogue edit empties them at once on its instance.
const REGISTRY = Symbol.for("guichet.page-caches");
type Registry = { [REGISTRY]?: Set<PageCache> };

export function registerPageCache(cache: PageCache): void {
  ((globalThis as Registry)[REGISTRY] ??= new Set()).add(cache);
}

/** After a catalogue edit or a guide published or archived: the public pages of this instance are rendered again at their next visit. */
export function forgetPublicPages(): void {
  for (const cache of (globalThis as Registry)[REGISTRY] ?? []) cache.clear();
}
