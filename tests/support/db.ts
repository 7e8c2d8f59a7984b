// Test database helpers: a Prisma client on the run's database, and a reset that empties the
// tables (TRUNCATE) so each file starts from the same state.
import { inject } from "vitest";
import { createDb, type Db } from "../../src/server/db/client";

export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

export function connectTestDb(): Db {
  return createDb(testDatabaseUrl());
}

export async function truncateAll(db: Db): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `"public"."${t.tablename.replaceAll('"', '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}
