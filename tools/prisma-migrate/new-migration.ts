// npm run db:migration:new -- <name>
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql: the SQL that takes the existing
// migrations to schema.prisma, computed by Prisma's own engine. Uses DATABASE_URL when set, else a
// throw-away embedded PostgreSQL.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { diffMigrationsToSchema } from "./prisma-diff";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <name in snake_case>");
  process.exit(2);
}
const root = process.cwd();
const migrationsDir = path.join(root, "prisma", "migrations");

let stop = async () => {};
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const db = await startEmbeddedPostgres({
    dataDir: path.join(root, ".data", `migration-author-${process.pid}`),
    port: await findFreePort(),
    database: "author",
    ephemeral: true,
  });
  databaseUrl = db.url;
  stop = db.stop;
}
try {
  const { changed, sql } = diffMigrationsToSchema({ databaseUrl, schemaPath: path.join(root, "prisma", "schema.prisma"), migrationsDir });
  if (!changed) {
    console.log("No change: schema.prisma already matches the migrations.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then commit it with schema.prisma.`);
  }
} finally {
  await stop();
}
