import "server-only";
// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, keeping Prisma's own
// `_prisma_migrations` bookkeeping and advisory lock, so `prisma migrate deploy` on a connected
// machine sees the same history. (Prisma 7's migrate needs a native engine download; see README.)
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const PRISMA_ADVISORY_LOCK = 72707369;

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export class MigrationError extends Error {
  override name = "MigrationError";
}

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

/** Applies pending migrations; returns the names applied. Safe to run from several processes at once. */
export async function applyMigrations(connectionString: string, dir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(rows.map((r) => [r.migration_name, r]));
    for (const row of rows) {
      if (row.finished_at === null) {
        throw new MigrationError(`Migration ${row.migration_name} failed earlier: fix the database, then mark it rolled back in _prisma_migrations.`);
      }
    }
    for (const migration of migrations) {
      const done = byName.get(migration.name);
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was modified after it was applied: write a new migration instead.`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, migration.checksum, migration.name],
      );
      // One transaction per migration, unless it holds a statement that cannot run in one.
      const transactional = !/\bCONCURRENTLY\b/i.test(migration.sql);
      try {
        if (transactional) await client.query("BEGIN");
        await client.query(migration.sql);
        if (transactional) await client.query("COMMIT");
      } catch (error) {
        if (transactional) await client.query("ROLLBACK");
        const message = (error as Error).message;
        if (transactional) await client.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [id]);
        else await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
        throw new MigrationError(`Migration ${migration.name} failed: ${message}`);
      }
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
  return applied;
}
