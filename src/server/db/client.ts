import "server-only";
// The one Prisma client of the process (adapter-pg: no native engine). Created on first use,
// never at import, so that `next build` works without a database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/server/env";

const globalForPrisma = globalThis as unknown as { guichetPrisma?: PrismaClient };

export type Db = PrismaClient;

export function getDb(): PrismaClient {
  globalForPrisma.guichetPrisma ??= createDb(databaseUrl());
  return globalForPrisma.guichetPrisma;
}

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}
