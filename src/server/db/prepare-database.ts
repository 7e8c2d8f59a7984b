import "server-only";
// Brings a database to the current schema and seeds what is missing. Runs at every start of the
// app (and in test setup): safe to repeat, and it never overwrites an administrator's edits.
import { applyMigrations } from "@/server/db/migrate";
import { createDb } from "@/server/db/client";
import { seedDemoData } from "@/server/db/demo-data";
import { backfillMetClockTimes } from "@/server/db/backfill-met-clock";
import { seedDatabase } from "@/server/db/seed";

export type PrepareDatabaseResult = { migrationsApplied: string[]; holidayYearsGenerated: number[]; demoUsersCreated: number };

/** `demo`: also create the demo organizations and accounts (whose passwords are public). */
export async function prepareDatabase(databaseUrl: string, now: Date, options: { demo: boolean }): Promise<PrepareDatabaseResult> {
  const migrationsApplied = await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    const { yearsGenerated } = await seedDatabase(db, now);
    const demoUsersCreated = options.demo ? (await seedDemoData(db)).usersCreated : 0;
    await backfillMetClockTimes(db);
    return { migrationsApplied, holidayYearsGenerated: yearsGenerated, demoUsersCreated };
  } finally {
    await db.$disconnect();
  }
}
