// Keys for integrations (a telephone system sending call events, a reporting tool reading a
// service's requests): their form, their scopes, and whether one may be used now. Pure: no clock,
// no database.
//
// A key reads `gk_<prefix>_<secret>`: the prefix (10 characters) finds the row and is shown in lists;
// the secret (32 random bytes, base64url) is never kept — only the SHA-256 of the whole key is.

export const API_KEY_SCOPES = ["call_events", "requests_read"] as const;
export type ApiKeyScopeKind = (typeof API_KEY_SCOPES)[number];

/** `call_events`, or `requests_read:<service>` (the read-only requests API of one service). */
export type ApiKeyScope = { kind: "call_events" } | { kind: "requests_read"; serviceId: string };

export function scopeText(scope: ApiKeyScope): string {
  return scope.kind === "requests_read" ? `requests_read:${scope.serviceId}` : scope.kind;
}

export function parseScope(text: string): ApiKeyScope | null {
  if (text === "call_events") return { kind: "call_events" };
  const match = /^requests_read:([a-z0-9-]{1,40})$/.exec(text);
  return match ? { kind: "requests_read", serviceId: match[1]! } : null;
}

const KEY = /^gk_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export function formatApiKey(prefix: string, secret: string): string {
  return `gk_${prefix}_${secret}`;
}

/** The prefix of a well-formed key, else null (nothing to look up). */
export function apiKeyPrefix(key: string): string | null {
  return KEY.exec(key)?.[1] ?? null;
}

/**
 * The token of an `Authorization` header: `absent` when there is no header (a person's session
 * applies), `malformed` for anything that is not `Bearer <token>`.
 */
export function bearerToken(header: string | null): { kind: "absent" } | { kind: "malformed" } | { kind: "token"; token: string } {
  if (header === null || header.trim() === "") return { kind: "absent" };
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? { kind: "token", token: match[1]! } : { kind: "malformed" };
}

export type StoredApiKey = { scope: string; expiresAt: Date; revokedAt: Date | null };

/** Why a stored key may not be used at `now`, or null when it may. */
export function unusableBecause(key: StoredApiKey, now: number): "revoked" | "expired" | null {
  if (key.revokedAt !== null && key.revokedAt.getTime() <= now) return "revoked";
  if (key.expiresAt.getTime() <= now) return "expired";
  return null;
}

/** Whether the key's scope grants `wanted` (the requests of a service: that service only). */
export function scopeAllows(keyScope: string, wanted: ApiKeyScope): boolean {
  const scope = parseScope(keyScope);
  if (!scope || scope.kind !== wanted.kind) return false;
  return scope.kind === "call_events" || (wanted.kind === "requests_read" && scope.serviceId === wanted.serviceId);
}

/** Longest validity an admin may give a key: two years (a key is renewed, not kept forever). */
export const API_KEY_MAX_DAYS = 730;
