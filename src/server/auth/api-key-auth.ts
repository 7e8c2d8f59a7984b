import "server-only";
// `Authorization: Bearer gk_…` on /api/v1: the integration key of a request, checked (hash, expiry,
// revocation, scope) and its use recorded on the key (when, from which address, how many). A
// request without the header is a person's, read from their session cookie as before.
import { createHash, timingSafeEqual } from "node:crypto";
import { apiKeyPrefix, bearerToken, parseScope, scopeAllows, scopeText, unusableBecause, type ApiKeyScope, type ApiKeyScopeKind } from "@/domain/auth/api-key";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { findApiKeyByPrefix, recordApiKeyUse } from "@/server/repositories/api-key-repository";
import { clientAddressOf } from "@/server/services/check-rate-limit";

/** What is kept of a key: the SHA-256 (hex) of its whole text (a random 256-bit secret needs no slow hash). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export type ApiKeyPrincipal = { keyId: string; scope: ApiKeyScope };

const refused = () =>
  new AppError("UNAUTHENTICATED", "bad api key", {}, {
    localized: {
      fr: "Clé d'API absente, invalide, expirée ou révoquée : `Authorization: Bearer gk_…` avec une clé en vigueur.",
      en: "API key missing, invalid, expired or revoked: `Authorization: Bearer gk_…` with a key in force.",
    },
  });

/**
 * The key this request carries, allowed for `wanted`; null when it carries none. A malformed
 * header or an unknown, expired or revoked key: 401; a key of another scope: 403 — nothing done
 * either way.
 */
export async function apiKeyOf(headers: Headers, wanted: ApiKeyScopeKind, now: Date): Promise<ApiKeyPrincipal | null> {
  const bearer = bearerToken(headers.get("authorization"));
  if (bearer.kind === "absent") return null;
  if (bearer.kind === "malformed") throw refused();
  const prefix = apiKeyPrefix(bearer.token);
  const stored = prefix ? await findApiKeyByPrefix(getDb(), prefix) : null;
  const given = Buffer.from(hashApiKey(bearer.token), "hex");
  const kept = Buffer.from(stored?.hash ?? "0".repeat(64), "hex");
  if (!stored || !timingSafeEqual(given, kept) || unusableBecause(stored, now.getTime())) throw refused();
  const scope = parseScope(stored.scope);
  if (!scope || scope.kind !== wanted) {
    throw new AppError("FORBIDDEN", "api key of another scope", {}, {
      localized: { fr: "Cette clé d'API ne donne pas accès à cette fonction.", en: "This API key does not give access to this function." },
    });
  }
  await recordApiKeyUse(getDb(), stored.id, now, clientAddressOf(headers));
  return { keyId: stored.id, scope };
}

/** Whether the key may read this service's requests. */
export function keyReads(key: ApiKeyPrincipal, serviceId: string): boolean {
  return scopeAllows(scopeText(key.scope), { kind: "requests_read", serviceId });
}
