// npm run dev | npm start — with no DATABASE_URL, starts an embedded PostgreSQL whose data
// persists in .data/postgres, applies migrations, seeds on first run, then runs Next.js.
// Ctrl-C stops both. Failures are one line, not a stack trace.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
      // GUICHET_DB_DIR: where the tests want it (the outage test stops and starts this server).
      dataDir: process.env.GUICHET_DB_DIR || path.join(os.tmpdir(), `guichet-e2e-${process.pid}`),
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
  // Demo accounts (public passwords) only on the embedded database, or when asked for.
  const demo = embedded !== null || process.env.GUICHET_DEMO_DATA === "1";
  const { migrationsApplied, holidayYearsGenerated, demoUsersCreated } = await prepareDatabase(databaseUrl, new Date(), { demo });
  if (migrationsApplied.length) console.log(`guichet: migrations appliquées : ${migrationsApplied.join(", ")}`);
  if (holidayYearsGenerated.length) console.log(`guichet: jours fériés générés pour ${holidayYearsGenerated.join(", ")}`);
  if (demoUsersCreated) console.log(`guichet: ${demoUsersCreated} comptes de démonstration créés (voir README)`);
  // A developer's own embedded database, on its first start: four weeks of demo requests, so the
  // console and the dashboards have something to show (not on the tests' throw-away cluster).
  if (embedded !== null && process.env.GUICHET_DB_EPHEMERAL !== "1") {
    process.env.DATABASE_URL = databaseUrl;
    const { getDb } = await import("../src/server/db/client");
    const { seedDemoRequests } = await import("../src/server/db/demo-requests");
    const made = await seedDemoRequests(getDb(), new Date());
    const { seedDemoGuides, seedDemoSatisfaction } = await import("../src/server/db/demo-guides");
    const guides = await seedDemoGuides(getDb(), new Date());
    if (made) await seedDemoSatisfaction(getDb(), new Date());
    const { seedDemoCommuniques } = await import("../src/server/db/demo-communiques");
    const communiques = await seedDemoCommuniques(getDb(), new Date());
    await getDb().$disconnect();
    if (made) console.log(`guichet: ${made} requêtes de démonstration créées (quatre dernières semaines)`);
    if (guides) console.log(`guichet: ${guides} guides de démonstration publiés`);
    if (communiques) console.log(`guichet: ${communiques} communiqués de démonstration`);
  }
} catch (error) {
  await embedded?.stop();
  if (error instanceof EmbeddedPostgresError || error instanceof MigrationError) fail(error.message);
  const message = (error as Error)?.message ?? String(error);
  fail(`la base de données n'a pas pu être préparée : ${message.split("\n")[0]}`);
}

/**
 * The session-signing secret. On the embedded database (a developer's machine, the tests) one is
 * made and kept in .data (or thrown away with an ephemeral cluster); elsewhere it must be given.
 */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!embedded) fail("NEXTAUTH_SECRET is not set: give the sessions a secret (openssl rand -base64 32).");
  if (process.env.GUICHET_DB_EPHEMERAL === "1") return randomBytes(32).toString("base64url");
  const file = path.join(root, ".data", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

// Next.js behind the front door (scripts/server.ts): the client's address from the socket or the
// trusted proxies, security headers, early refusals, 503 while the database is away.
// GUICHET_CPU_PROFILE_DIR (npm run bench:http's BENCH_CPU_PROF): a V8 CPU profile of the server, written when it stops.
const profile = process.env.GUICHET_CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.GUICHET_CPU_PROFILE_DIR}`] : [];
const next = spawn(process.execPath, [...profile, "--import", "tsx", path.join(root, "scripts", "server.ts"), mode], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: mode === "start" ? "production" : "development",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
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
