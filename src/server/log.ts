// The process's log: JSON lines (pino) on stdout, one event each — `{"level":50,"time":…,
// "service":"guichet","event":"route_error",…}` — for a log collector, never a person's data.
// What keeps personal information out: events carry codes, counts and ids, not input; and every
// text a log line takes from elsewhere (an error's message or stack, a library's warning) goes
// through `scrub`, which masks e-mail addresses and anything quoted (Prisma and PostgreSQL quote
// the values they refuse). Tests capture the lines (`captureLogs`) and look for the people's data.
//
// No "server-only": the front door (scripts/server.ts) logs through it too. The logger lives on
// globalThis: the front door and Next.js's bundles load this file separately.
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";

const KEY = Symbol.for("guichet.logger");
type Holder = { [KEY]?: { logger: Logger; sink: ((line: string) => void) | null } };

const EMAIL = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[a-z]{2,}/gi;
const QUOTED = /"(?:[^"\\\n]|\\.){1,2000}"|'(?:[^'\\\n]|\\.){1,2000}'|«[^»\n]{0,2000}»|`[^`\n]{0,2000}`/g;

/** A text for a log line: e-mail addresses and quoted values masked, one kilobyte at most. */
export function scrub(text: string): string {
  return text.replace(EMAIL, "<adresse>").replace(QUOTED, "<valeur>").slice(0, 1024);
}

/** An error as a log field: its class, code and scrubbed message, and the first frames of its stack. */
export function errorFields(error: unknown): { name: string; code?: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { name: typeof error, message: scrub(String(error)) };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 8).join("\n");
  return { name: error.name, ...(typeof code === "string" ? { code } : {}), message: scrub(error.message.split("\n")[0] ?? ""), ...(frames ? { stack: scrub(frames) } : {}) };
}

// The request being answered (its X-Request-Id, set by the front door): every line logged while
// answering it carries it, so that the id a person or a proxy reports finds its lines. One store
// for the process, on globalThis like the logger.
const CONTEXT = Symbol.for("guichet.log-context");
type ContextHolder = { [CONTEXT]?: AsyncLocalStorage<{ requestId: string }> };
function context(): AsyncLocalStorage<{ requestId: string }> {
  const holder = globalThis as ContextHolder;
  holder[CONTEXT] ??= new AsyncLocalStorage();
  return holder[CONTEXT];
}

/** Runs `answer` (and what it starts) as the answer of the request `requestId`: its log lines name it. */
export function withRequestId<T>(requestId: string, answer: () => T): T {
  return context().run({ requestId }, answer);
}

function create(sink: ((line: string) => void) | null): Logger {
  const options = {
    base: { service: "guichet" },
    mixin: () => {
      const store = context().getStore();
      return store ? { requestId: store.requestId } : {};
    },
    level: process.env.GUICHET_LOG_LEVEL ?? "info",
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "msg",
  };
  // A synchronous write to stdout: a line is out before the process can die of what it reports.
  return sink ? pino(options, { write: sink }) : pino(options, pino.destination({ dest: 1, sync: true }));
}

export function logger(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= { logger: create(null), sink: null };
  return holder[KEY].logger;
}

/** Tests: every line written meanwhile is also handed to `onLine`; call the result to stop. */
export function captureLogs(onLine: (line: string) => void): () => void {
  const holder = globalThis as Holder;
  const previous = holder[KEY];
  holder[KEY] = { logger: create((line) => onLine(line)), sink: onLine };
  return () => {
    holder[KEY] = previous;
  };
}

type Fields = Record<string, string | number | boolean | null | undefined | object>;

export const log = {
  info: (event: string, fields: Fields = {}) => logger().info({ event, ...fields }),
  warn: (event: string, fields: Fields = {}) => logger().warn({ event, ...fields }),
  error: (event: string, fields: Fields = {}) => logger().error({ event, ...fields }),
};
