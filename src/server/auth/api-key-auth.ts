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
  const stored = prefix ? await findKey(prefix) : null;
  const given = Buffer.from(hashApiKey(bearer.token), "hex");
  const kept = Buffer.from(stored?.hash ?? "0".repeat(64), "hex");
  if (!stored || !timingSafeEqual(given, kept) || unusableBecause(stored, now.getTime())) throw refused();
  const scope = parseScope(stored.scope);
  if (!scope || scope.kind !== wanted) {
    throw new AppError("FORBIDDEN", "api key of another scope", {}, {
      localized: { fr: "Cette clé d'API ne donne pas accès à cette fonction.", en: "This API key does not give access to this function." },
    });
  }
  await noteUse(stored.id, now, clientAddressOf(headers));
  return { keyId: stored.id, scope };
}

/**
 * The key of a prefix, read once for all the requests asking meanwhile: a telephone system sends
 * hundreds of events a second with one key, each read its row (bench:calls). Nothing is kept once
 * the reading is done: a request that arrives after it reads again, so a revocation is seen by the
 * next reading — at worst, a request arriving during a reading started before the revocation
 * committed gets that reading's answer, as it would have had it arrived a few milliseconds earlier.
 */
const readings = new Map<string, Promise<Awaited<ReturnType<typeof findApiKeyByPrefix>>>>();
function findKey(prefix: string): ReturnType<typeof findApiKeyByPrefix> {
  let reading = readings.get(prefix);
  if (!reading) {
    reading = findApiKeyByPrefix(getDb(), prefix).finally(() => readings.delete(prefix));
    readings.set(prefix, reading);
  }
  return reading;
}

/**
 * A key's uses are written at most once a second per key and process: a telephone system sends
 * hundreds of events a second with one key, and one row updated by each would make them all wait
 * on its lock. The first use after a quiet second is written at once; the uses in between are added
 * by the next write (or by `flushApiKeyUses`), so « last used » lags by a second at most.
 */
const pendingUses = new Map<string, { count: number; at: Date; from: string; writtenAt: number }>();
const WRITE_EVERY_MS = 1000;

async function noteUse(keyId: string, at: Date, from: string): Promise<void> {
  const entry = pendingUses.get(keyId) ?? { count: 0, at, from, writtenAt: 0 };
  entry.count += 1;
  if (at >= entry.at) [entry.at, entry.from] = [at, from];
  pendingUses.set(keyId, entry);
  if (Date.now() - entry.writtenAt >= WRITE_EVERY_MS) await writeUses(keyId, entry);
}

async function writeUses(keyId: string, entry: { count: number; at: Date; from: string; writtenAt: number }): Promise<void> {
  const count = entry.count;
  if (!count) return;
  entry.count = 0;
  entry.writtenAt = Date.now();
  await recordApiKeyUse(getDb(), keyId, entry.at, entry.from, count);
}

/** Writes the uses not written yet (tests; a graceful stop). */
export async function flushApiKeyUses(): Promise<void> {
  await Promise.all([...pendingUses].map(([keyId, entry]) => writeUses(keyId, entry)));
}

/** Whether the key may read this service's requests. */
export function keyReads(key: ApiKeyPrincipal, serviceId: string): boolean {
  return scopeAllows(scopeText(key.scope), { kind: "requests_read", serviceId });
}
