import "server-only";
// Integration keys (src/domain/auth/api-key.ts). The hash leaves this file only to the check.
import type { Db } from "@/server/db/client";

const listSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  expiresAt: true,
  createdAt: true,
  revokedAt: true,
  lastUsedAt: true,
  lastUsedFrom: true,
  uses: true,
  createdBy: { select: { name: true } },
  revokedBy: { select: { name: true } },
} as const;

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  expiresAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
  uses: bigint;
  createdBy: { name: string };
  revokedBy: { name: string } | null;
};

/** Every key, the usable ones first (newest first within each). */
export async function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return db.apiKey.findMany({ select: listSelect, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
}

export async function findApiKey(db: Db, id: string): Promise<ApiKeyRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.apiKey.findUnique({ where: { id }, select: listSelect });
}

export async function insertApiKey(
  db: Db,
  data: { name: string; prefix: string; hash: string; scope: string; expiresAt: Date; createdAt: Date; createdById: string },
): Promise<{ id: string }> {
  return db.apiKey.create({ data, select: { id: true } });
}

/** Revokes a usable key; false when it was revoked already (or does not exist). */
export async function revokeApiKey(db: Db, id: string, by: string, at: Date): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at, revokedById: by } });
  return count === 1;
}

export type KeyForCheck = { id: string; hash: string; scope: string; expiresAt: Date; revokedAt: Date | null };

export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<KeyForCheck | null> {
  return db.apiKey.findUnique({ where: { prefix }, select: { id: true, hash: true, scope: true, expiresAt: true, revokedAt: true } });
}

/** Uses of a key: the last one's instant and address, and how many (a single statement: concurrent writes all count). */
export async function recordApiKeyUse(db: Db, id: string, at: Date, from: string, count = 1): Promise<void> {
  await db.$executeRaw`UPDATE api_key SET last_used_at = GREATEST(COALESCE(last_used_at, ${at}), ${at}), last_used_from = ${from}, uses = uses + ${count} WHERE id = ${id}::uuid`;
}
