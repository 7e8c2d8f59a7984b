import "server-only";
// The one Prisma client of the process (adapter-pg: no native engine). Created on first use,
// never at import, so that `next build` works without a database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/server/env";

const globalForPrisma = globalThis as unknown as { guichetPrisma?: PrismaClient; guichetCatalogueDb?: PrismaClient };

export type Db = PrismaClient;

export function getDb(): PrismaClient {
  globalForPrisma.guichetPrisma ??= createDb(databaseUrl());
  return globalForPrisma.guichetPrisma;
}

export function createDb(connectionString: string, options: { max?: number } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, ...(options.max ? { max: options.max } : {}) }) });
}

/**
 * The catalogue's reads, on two connections of their own. The catalogue is read (and, every few
 * seconds, reloaded) from inside use cases' transactions; on the main pool, a burst whose
 * transactions hold every connection would wait forever for the one the reload needs.
 */
export function getCatalogueDb(): PrismaClient {
  globalForPrisma.guichetCatalogueDb ??= createDb(databaseUrl(), { max: 2 });
  return globalForPrisma.guichetCatalogueDb;
}
