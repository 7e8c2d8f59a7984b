// Runs Prisma 6.19's offline Wasm schema engine (this folder's own node_modules) to compare the
// migrations folder with schema.prisma. Used by `npm run db:migration:new` and by the drift test.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export type PrismaDiffOptions = {
  /** A database the engine may connect to; it creates and drops its own shadow database there. */
  databaseUrl: string;
  schemaPath: string;
  migrationsDir: string;
};

export type PrismaDiffResult = { changed: boolean; sql: string };

export function isToolInstalled(): boolean {
  return existsSync(path.join(here, "node_modules", ".bin", "prisma"));
}

/** SQL that takes a database built by the migrations to the state schema.prisma describes. */
export function diffMigrationsToSchema(options: PrismaDiffOptions): PrismaDiffResult {
  if (!isToolInstalled()) {
    throw new Error("tools/prisma-migrate is not installed: run `npm install` (its postinstall installs it).");
  }
  const work = mkdtempSync(path.join(os.tmpdir(), "guichet-prisma-"));
  try {
    // Prisma 6 requires `url` in the datasource and Prisma 7 forbids it: work on a copy.
    const schema = readFileSync(options.schemaPath, "utf8").replace(
      /datasource db \{\n(\s*)provider = "postgresql"\n/,
      (block, indent: string) => `${block}${indent}url      = env("DATABASE_URL")\n`,
    );
    writeFileSync(path.join(work, "schema.prisma"), schema);
    copyFileSync(path.join(here, "prisma.config.ts"), path.join(work, "prisma.config.ts"));
    symlinkSync(path.join(here, "node_modules"), path.join(work, "node_modules"));
    const run = spawnSync(
      path.join(here, "node_modules", ".bin", "prisma"),
      [
        "migrate",
        "diff",
        "--from-migrations",
        path.resolve(options.migrationsDir),
        "--to-schema-datamodel",
        "schema.prisma",
        "--script",
        "--exit-code",
      ],
      {
        cwd: work,
        encoding: "utf8",
        env: {
          ...process.env,
          DATABASE_URL: options.databaseUrl,
          CHECKPOINT_DISABLE: "1",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          // Any existing path: with the Wasm engine nothing is loaded, but the CLI would try to download.
          PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
          PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        },
      },
    );
    if (run.status === 0) return { changed: false, sql: "" };
    if (run.status === 2) {
      const sql = withoutGeneratedColumnNoise(run.stdout);
      return { changed: sql.trim() !== "", sql };
    }
    const detail = `${run.stderr ?? ""}${run.error ? String(run.error) : ""}`.trim().split("\n").slice(-6).join("\n");
    throw new Error(`prisma migrate diff failed (exit ${run.status}):\n${detail}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Prisma's diff does not know generated columns (`search_vector … GENERATED ALWAYS AS … STORED`,
 * declared `Unsupported("tsvector")` in the schema) and always proposes to drop their "default",
 * alone or as one clause of an `ALTER TABLE` that makes a real change: those clauses are not a
 * change, and would fail on a generated column.
 */
export function withoutGeneratedColumnNoise(sql: string): string {
  const noise = /^ALTER COLUMN "search_vector" DROP DEFAULT[,;]$/;
  return sql
    .split(/\n\n+/)
    .map((block) => {
      const lines = block.split("\n");
      const kept = lines.filter((line) => !noise.test(line.trim()));
      if (kept.length === lines.length) return block;
      // The statement's last clause ends with ";": when the noise was that clause, the one before ends it.
      const last = kept.length - 1;
      if (last >= 0 && kept[last]!.endsWith(",")) kept[last] = `${kept[last]!.slice(0, -1)};`;
      return kept.join("\n");
    })
    .map((block) => block.replace(/^ALTER TABLE "[a-z_]+" ALTER COLUMN "search_vector" DROP DEFAULT;$/m, ""))
    .filter((block) => !/^(-- AlterTable)?\s*$/.test(block.trim()))
    .join("\n\n");
}
