// The front door: what the HTTP server (scripts/server.ts) decides about a request before Next.js
// sees it, and what it adds to every answer. Pure functions of the request's facts, so that they are
// tested without a server; no "server-only" import, since the custom server loads this file itself.
//
// Why in front of Next.js rather than in src/proxy.ts: the proxy never sees the socket (Next keeps a
// client's own X-Forwarded-For, so the rate limit was bypassed by forging it), runs only for the
// paths of its matcher (not the API, not files), cannot shorten a body before it is read, and a
// malformed %-encoding or a cross-origin server action fails inside Next as a 500.
import { BlockList, isIP } from "node:net";

// ---------------------------------------------------------------------------------------------
// The client's address
// ---------------------------------------------------------------------------------------------

export type TrustedProxies = { readonly list: BlockList; readonly any: boolean };

/**
 * GUICHET_TRUSTED_PROXIES: comma-separated addresses or CIDRs (IPv4 or IPv6) of the proxies in
 * front of the app. Empty (the default): none, the socket's address is the client's.
 * A malformed entry is an error at start, not a silently open door.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let any = false;
  for (const raw of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address = "", prefixText] = raw.split("/");
    const family = isIP(address);
    if (family === 0) throw new Error(`GUICHET_TRUSTED_PROXIES: « ${raw} » n'est pas une adresse IP ni un CIDR.`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefixText === undefined) {
      list.addAddress(address, type);
    } else {
      const prefix = Number(prefixText);
      if (!/^\d+$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`GUICHET_TRUSTED_PROXIES: « ${raw} » n'a pas un préfixe valide.`);
      }
      list.addSubnet(address, prefix, type);
    }
    any = true;
  }
  return { list, any };
}

/** An address as written by a socket or a proxy, without the IPv4-mapped prefix or a port. */
export function normalizeAddress(value: string): string | null {
  let address = value.trim();
  if (address.startsWith("[")) address = address.slice(1, address.indexOf("]") > 0 ? address.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  return trusted.any && trusted.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * Who sent the request. The socket's address, unless the socket is a trusted proxy: then the
 * X-Forwarded-For hops are read from the right (each added by the proxy before it) and the first
 * one that is not a trusted proxy is the client. Whatever the client itself wrote on the left is
 * never believed. A malformed hop ends the walk at the last address known good.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  const socket = normalizeAddress(socketAddress ?? "") ?? "unknown";
  if (socket === "unknown" || !isTrusted(socket, trusted)) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i] ?? "");
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client;
}

/** Whether the request reached us over HTTPS: its own socket, or a trusted proxy that says so. */
export function isHttps(encrypted: boolean, socketTrusted: boolean, forwardedProto: string | string[] | undefined): boolean {
  if (encrypted) return true;
  if (!socketTrusted) return false;
  const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

export function socketIsTrusted(socketAddress: string | undefined, trusted: TrustedProxies): boolean {
  const socket = normalizeAddress(socketAddress ?? "");
  return socket !== null && isTrusted(socket, trusted);
}

// ---------------------------------------------------------------------------------------------
// Refusals before Next.js
// ---------------------------------------------------------------------------------------------

/** JSON bodies (the API, next-auth): a form's text is a few kilobytes; 1 MiB is generous. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * Other bodies (forms with files, server actions): 25 MB of attachments a message
 * (src/domain/mail/attachments.ts) once multipart-framed, plus the text — as next.config.ts.
 */
export const FORM_BODY_LIMIT_BYTES = 27 * 1024 * 1024;

export type Refusal = {
  status: 400 | 403 | 404 | 411 | 413;
  code: "INVALID_PARAMETER" | "FORBIDDEN" | "NOT_FOUND" | "LENGTH_REQUIRED" | "PAYLOAD_TOO_LARGE";
  message: { fr: string; en: string };
};

export type RequestFacts = {
  method: string;
  /** The raw request target (path and query), as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The host this app is reached at (Host, or X-Forwarded-Host from a trusted proxy). */
  host: string | undefined;
};

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

function header(headers: RequestFacts["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What the front door refuses, or null. In order: a path whose %-encoding is no UTF-8 text (404 for
 * a page, 400 for the API — Next answered a plain-text 500); a body too large by its announced
 * length (413) or of no announced length (411: browsers always announce it); a server action called
 * from another site (403 — Next refuses it too, but as a 500).
 */
export function refusalOf(facts: RequestFacts): Refusal | null {
  const path = facts.url.split("?")[0] ?? "/";
  if (!isDecodablePath(path)) {
    return isApiPath(path)
      ? { status: 400, code: "INVALID_PARAMETER", message: { fr: "L'adresse est mal encodée.", en: "The address is malformed." } }
      : { status: 404, code: "NOT_FOUND", message: { fr: "Page introuvable.", en: "Page not found." } };
  }
  const method = facts.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") {
    const length = header(facts.headers, "content-length");
    const chunked = header(facts.headers, "transfer-encoding") !== undefined;
    if (length === undefined && chunked) {
      return {
        status: 411,
        code: "LENGTH_REQUIRED",
        message: { fr: "Indiquez la longueur du corps (Content-Length).", en: "Give the body's length (Content-Length)." },
      };
    }
    const type = header(facts.headers, "content-type") ?? "";
    const limit = /^application\/(.+\+)?json\b/i.test(type) ? JSON_BODY_LIMIT_BYTES : FORM_BODY_LIMIT_BYTES;
    if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > limit)) {
      return {
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
        message: {
          fr: `Le corps de la requête dépasse la limite de ${formatMegabytes(limit, "fr")}.`,
          en: `The request body is over the ${formatMegabytes(limit, "en")} limit.`,
        },
      };
    }
    if (header(facts.headers, "next-action") !== undefined && !isSameOrigin(header(facts.headers, "origin"), facts.host)) {
      return {
        status: 403,
        code: "FORBIDDEN",
        message: { fr: "Cette action ne peut venir que de ce site.", en: "This action can only come from this site." },
      };
    }
  }
  return null;
}

function formatMegabytes(bytes: number, locale: "fr" | "en"): string {
  const mb = bytes / (1024 * 1024);
  return locale === "fr" ? `${String(mb).replace(".", ",")} Mo` : `${mb} MB`;
}

/** A path Next.js can decode: every %XX sequence well formed and the whole valid UTF-8. */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** A server action's Origin against the app's host: absent (same-origin navigations of old browsers) or equal. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Headers on every answer
// ---------------------------------------------------------------------------------------------

/**
 * The page policy: scripts only with this answer's nonce (Next.js puts it on its own scripts when
 * it reads the policy on the request) and what they load ('strict-dynamic'); no plugins, no
 * framing, forms only to this site. Styles allow inline attributes (React's `style`, the charts):
 * scripts are what matters, and a nonce in style-src would switch 'unsafe-inline' off. In
 * development React needs eval for its debugging aids.
 */
export function pageContentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Answers that are no page (JSON, files): nothing may run or frame them. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Features no page of Guichet uses, switched off for it and anything it could embed. */
export const PERMISSIONS_POLICY =
  "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

/** HSTS for a year, only on answers served over HTTPS (a browser ignores it otherwise, and local HTTP must keep working). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** Headers Next.js adds for its own routing, which tell an outsider nothing they need. */
export const INTERNAL_RESPONSE_HEADERS = ["x-middleware-rewrite", "x-middleware-next", "x-middleware-redirect", "x-powered-by"];

/** Paths served as files by Next.js (no page, no database). */
export function isStaticAssetPath(path: string): boolean {
  return path.startsWith("/_next/static/") || path === "/favicon.ico" || path === "/robots.txt" || path.startsWith("/fonts/");
}

/**
 * A page path naming a file (a dot in its last segment) that is no file of `public/` nor Next's:
 * Next.js's locale routing skips such paths and answered them with its bare English error page,
 * without a language; the front door sends them to the app's own 404 page, in the path's language.
 */
export function isUnknownFilePath(path: string, publicFiles: ReadonlySet<string>): boolean {
  // "/__nextjs_…": the development server's own files (its overlay's font, source maps).
  if (isApiPath(path) || path.startsWith("/_next/") || path.startsWith("/__nextjs") || isStaticAssetPath(path) || publicFiles.has(path)) return false;
  return (path.split("/").at(-1) ?? "").includes(".");
}

/** The JSON error shape of the API (src/server/errors.ts), for answers written before Next.js. */
export function errorJson(code: string, message: { fr: string; en: string }, details?: Record<string, unknown>): string {
  return JSON.stringify({ error: { code, message, fields: {}, ...(details ? { details } : {}) } });
}
