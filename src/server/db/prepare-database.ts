import "server-only";
// Brings a database to the current schema and seeds what is missing. Runs at every start of the
// app (and in test setup): safe to repeat, and it never overwrites an administrator's edits.
import { applyMigrations } from "@/server/db/migrate";
import { createDb } from "@/server/db/client";
import { seedDatabase } from "@/server/db/seed";

export async function prepareDatabase(databaseUrl: string, now: Date): Promise<{ migrationsApplied: string[]; holidayYearsGenerated: number[] }> {
  const migrationsApplied = await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    const { yearsGenerated } = await seedDatabase(db, now);
    return { migrationsApplied, holidayYearsGenerated: yearsGenerated };
  } finally {
    await db.$disconnect();
  }
}
