// Whether the database is reachable, as the whole process sees it. When a query fails for want of a
// connection, the state turns to "down" (one log line), a probe checks every few seconds, and the
// first success turns it back "up" (one log line). While down, the front door (scripts/server.ts)
// answers 503 at once — the API in its JSON shape with Retry-After, pages with a page that needs no
// database — instead of thousands of failing renders each logging a stack trace.
//
// The state lives on globalThis: the custom server and Next.js's bundles load this file as separate
// modules in one process. No "server-only": the custom server imports it.
import { log, scrub } from "@/server/log";
import pg from "pg";

export type DatabaseState = { available: boolean; since: Date; probing: boolean; lastError: string | null };

const KEY = Symbol.for("guichet.database-availability");
/** How often the probe tries while the database is down, and what 503 answers ask clients to wait. */
export const PROBE_INTERVAL_MS = 2_000;
export const RETRY_AFTER_SECONDS = 10;

type Holder = { [KEY]?: DatabaseState };

function state(): DatabaseState {
  const holder = globalThis as Holder;
  holder[KEY] ??= { available: true, since: new Date(), probing: false, lastError: null };
  return holder[KEY];
}

export function databaseState(): Readonly<DatabaseState> {
  return state();
}

export function databaseAvailable(): boolean {
  return state().available;
}

// Connection-level failures: the server is unreachable, refuses, went away or is starting/stopping.
// PostgreSQL SQLSTATE class 08 (connection exception) and 57P0x (operator intervention: shutdown,
// crash, cannot connect now); Node's socket errors; Prisma's own codes for the same.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /can't reach database server/i,
  /server closed the connection/i,
  /connection refused/i,
  /DatabaseNotReachable/,
  /the database system is (starting up|shutting down)/i,
  /terminating connection due to administrator command/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
];

/** Whether an error (or one of its causes) says the database could not be reached. */
export function isConnectionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, kind, message, cause, originalCode } = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof originalCode === "string" && (CONNECTION_CODES.has(originalCode) || originalCode.startsWith("08"))) return true;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (typeof message === "string" && CONNECTION_MESSAGES.some((re) => re.test(message))) return true;
    if (Array.isArray((current as { errors?: unknown }).errors)) {
      if (((current as { errors: unknown[] }).errors).some((e) => isConnectionError(e))) return true;
    }
    // Prisma's driver-adapter errors keep the adapter's (its kind, PostgreSQL's SQLSTATE) in meta.
    const adapterError = (current as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
    if (adapterError && isConnectionError(adapterError)) return true;
    current = cause;
  }
  return false;
}

type Log = (level: "error" | "info", event: string, fields: Record<string, string | number>) => void;
/** The process's log (server/log.ts); tests pass their own. */
const defaultLog: Log = (level, event, fields) => log[level](event, fields);

/**
 * Report an error met while using the database. A connection failure turns the state down (logged
 * once) and starts the probe; anything else is not this module's business. Returns whether the
 * error was a connection failure, so the caller answers 503 rather than 500.
 */
export function reportDatabaseError(error: unknown, options: { log?: Log; probe?: () => Promise<void> } = {}): boolean {
  if (!isConnectionError(error)) return false;
  markDatabaseDown(scrub(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)), options);
  return true;
}

export function markDatabaseDown(reason: string, { log = defaultLog, probe = probeDatabase }: { log?: Log; probe?: () => Promise<void> } = {}): void {
  const s = state();
  if (s.available) {
    s.available = false;
    s.since = new Date();
    s.lastError = reason;
    log("error", "database_unavailable", { reason });
  }
  if (!s.probing) {
    s.probing = true;
    const tick = () => {
      probe()
        .then(() => {
          s.probing = false;
          markDatabaseUp({ log });
        })
        .catch(() => {
          setTimeout(tick, PROBE_INTERVAL_MS).unref();
        });
    };
    setTimeout(tick, PROBE_INTERVAL_MS).unref();
  }
}

export function markDatabaseUp({ log = defaultLog }: { log?: Log } = {}): void {
  const s = state();
  if (!s.available) {
    const downFor = Date.now() - s.since.getTime();
    s.available = true;
    s.since = new Date();
    s.lastError = null;
    log("info", "database_available", { downForMs: downFor });
  }
}

/** One short-lived connection and `select 1`, within 3 seconds. */
export async function probeDatabase(url = process.env.DATABASE_URL): Promise<void> {
  if (!url) throw new Error("DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000, query_timeout: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } finally {
    await client.end().catch(() => {});
  }
}
