// Migrations: applied with Prisma's bookkeeping, idempotent, and in step with schema.prisma.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, readMigrations } from "../../src/server/db/migrate";
import { diffMigrationsToSchema } from "../../tools/prisma-migrate/prisma-diff";

const root = process.cwd();
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  const scratch = inject("scratchDatabaseUrl");

  beforeAll(async () => {
    await withClient(scratch, (c) => c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"));
  });

  it("apply to an empty database with Prisma's _prisma_migrations bookkeeping, then are a no-op", async () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(await applyMigrations(scratch)).toEqual(files.map((f) => f.name));
    expect(await applyMigrations(scratch)).toEqual([]);
    const rows = await withClient(scratch, async (c) =>
      (await c.query("SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name")).rows,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      const sha = createHash("sha256").update(readFileSync(path.join(migrationsDir, files[i]!.name, "migration.sql"))).digest("hex");
      expect(row.checksum).toBe(sha);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("refuse a migration edited after it was applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "guichet-migrations-"));
    try {
      cpSync(migrationsDir, dir, { recursive: true });
      const first = readMigrations(dir)[0]!;
      writeFileSync(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
      await expect(applyMigrations(scratch, dir)).rejects.toThrow(/modified after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("drift between schema.prisma and the migrations (Prisma's own engine)", () => {
    let tempSchema: string;
    afterAll(() => rmSync(path.dirname(tempSchema), { recursive: true, force: true }));

    it("finds none", () => {
      const result = diffMigrationsToSchema({ databaseUrl: scratch, schemaPath, migrationsDir });
      expect(result.sql).toBe("");
      expect(result.changed).toBe(false);
    }, 120_000);

    it("finds it when the schema gains a column the migrations lack", () => {
      tempSchema = path.join(mkdtempSync(path.join(os.tmpdir(), "guichet-schema-")), "schema.prisma");
      writeFileSync(
        tempSchema,
        readFileSync(schemaPath, "utf8").replace("model Holiday {\n", "model Holiday {\n  driftProbe String? @map(\"drift_probe\")\n"),
      );
      const result = diffMigrationsToSchema({ databaseUrl: scratch, schemaPath: tempSchema, migrationsDir });
      expect(result.changed).toBe(true);
      expect(result.sql).toContain('ADD COLUMN     "drift_probe" TEXT');
    }, 120_000);
  });
});
