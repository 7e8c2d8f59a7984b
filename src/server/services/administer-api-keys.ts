import "server-only";
// The admin's keys for integrations (/admin/cles): made with a scope and an expiry, shown once,
// revoked at will. Creation and revocation are audited; each use is counted on the key itself
// (when, from which address: src/server/auth/api-key-auth.ts).
import { randomBytes } from "node:crypto";
import { dayNumberFromIsoDate, getZone } from "@/domain/catalogue/zone";
import { API_KEY_MAX_DAYS, formatApiKey, parseScope, unusableBecause, type ApiKeyScope } from "@/domain/auth/api-key";
import type { TApiKeyInput } from "@/schemas/admin";
import { localizeValidationMessage } from "@/schemas/messages";
import { hashApiKey } from "@/server/auth/api-key-auth";
import { requireAdmin } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { findApiKey, insertApiKey, listApiKeys as readApiKeys, revokeApiKey as markRevoked } from "@/server/repositories/api-key-repository";
import { appendAudit } from "@/server/repositories/audit-repository";

const QUEBEC = getZone("America/Toronto");
const PREFIX_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  state: "active" | "expired" | "revoked";
  expiresAt: Date;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
  uses: number;
};

export async function listApiKeys({ user, now }: { user: CurrentUser | null; now: Date }): Promise<ApiKeyView[]> {
  requireAdmin(user);
  return (await readApiKeys(getDb())).map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scope: parseScope(k.scope) ?? { kind: "call_events" },
    state: unusableBecause(k, now.getTime()) ?? "active",
    expiresAt: k.expiresAt,
    createdAt: k.createdAt,
    createdBy: k.createdBy.name,
    revokedAt: k.revokedAt,
    revokedBy: k.revokedBy?.name ?? null,
    lastUsedAt: k.lastUsedAt,
    lastUsedFrom: k.lastUsedFrom,
    uses: Number(k.uses),
  }));
}

/** A new key: its text is returned here once and never again (only its SHA-256 is kept). */
export async function createApiKey({ user, input, now }: { user: CurrentUser | null; input: TApiKeyInput; now: Date }): Promise<{ id: string; key: string; expiresAt: Date }> {
  const admin = requireAdmin(user);
  // The key works through the whole of its last day, Québec time.
  const today = QUEBEC.dayOf(now.getTime());
  const last = dayNumberFromIsoDate(input.expiresOn)!;
  if (last <= today || last > today + API_KEY_MAX_DAYS) throw new AppError("INVALID_PARAMETER", "expiry out of range", { expiresOn: localizeValidationMessage("apiKey.expiry") });
  const expiresAt = new Date(QUEBEC.midnight(last + 1));
  const prefix = Array.from(randomBytes(10), (b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join("");
  const key = formatApiKey(prefix, randomBytes(32).toString("base64url"));
  const { id } = await insertApiKey(getDb(), { name: input.name, prefix, hash: hashApiKey(key), scope: input.scope, expiresAt, createdAt: now, createdById: admin.id });
  await appendAudit(getDb(), { at: now, actorUserId: admin.id, action: "api_key_created", data: { keyId: id, name: input.name, prefix, scope: input.scope, expiresAt: expiresAt.toISOString() } });
  return { id, key, expiresAt };
}

/** Revokes a key at once (its next use is refused); revoking it again changes nothing. */
export async function revokeApiKey({ user, id, now }: { user: CurrentUser | null; id: string; now: Date }): Promise<void> {
  const admin = requireAdmin(user);
  const key = await findApiKey(getDb(), id);
  if (!key) throw new AppError("NOT_FOUND", "no such key");
  if (await markRevoked(getDb(), id, admin.id, now)) {
    await appendAudit(getDb(), { at: now, actorUserId: admin.id, action: "api_key_revoked", data: { keyId: id, name: key.name, prefix: key.prefix, scope: key.scope } });
  }
}
