// npm run dev | npm start — with no DATABASE_URL, starts an embedded PostgreSQL whose data
// persists in .data/postgres, applies migrations, seeds on first run, then runs Next.js.
// Ctrl-C stops both. Failures are one line, not a stack trace.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import {
  EmbeddedPostgresError,
  findFreePort,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "../src/server/db/embedded-postgres";
import { MigrationError } from "../src/server/db/migrate";
import { prepareDatabase } from "../src/server/db/prepare-database";

const mode = process.argv[2] === "start" ? "start" : "dev";
const extraArgs = process.argv.slice(3);
const root = process.cwd();

function fail(message: string): never {
  console.error(`guichet: ${message}`);
  process.exit(1);
}

let embedded: EmbeddedDatabase | null = null;
let databaseUrl = process.env.DATABASE_URL;
try {
  if (!databaseUrl && process.env.GUICHET_DB_EPHEMERAL === "1") {
    // End-to-end tests: a throw-away cluster on a free port, deleted on exit.
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `guichet-e2e-${process.pid}`),
      port: process.env.GUICHET_DB_PORT ? Number(process.env.GUICHET_DB_PORT) : await findFreePort(),
      database: "guichet",
      ephemeral: true,
    });
    databaseUrl = embedded.url;
  } else if (!databaseUrl) {
    const port = Number(process.env.GUICHET_DB_PORT ?? 54329);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "postgres"), port, database: "guichet" });
    databaseUrl = embedded.url;
    console.log(`guichet: PostgreSQL intégré sur le port ${port} (données : .data/postgres)`);
  }
  const { migrationsApplied, holidayYearsGenerated } = await prepareDatabase(databaseUrl, new Date());
  if (migrationsApplied.length) console.log(`guichet: migrations appliquées : ${migrationsApplied.join(", ")}`);
  if (holidayYearsGenerated.length) console.log(`guichet: jours fériés générés pour ${holidayYearsGenerated.join(", ")}`);
} catch (error) {
  await embedded?.stop();
  if (error instanceof EmbeddedPostgresError || error instanceof MigrationError) fail(error.message);
  const message = (error as Error)?.message ?? String(error);
  fail(`la base de données n'a pas pu être préparée : ${message.split("\n")[0]}`);
}

const next = spawn(path.join(root, "node_modules", ".bin", "next"), [mode, ...extraArgs], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
});

let shuttingDown = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (shuttingDown) return;
  shuttingDown = true;
  if (next.exitCode === null) next.kill(signal);
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));

next.on("exit", async (code, signal) => {
  await embedded?.stop();
  process.exit(code ?? (signal ? 0 : 1));
});
