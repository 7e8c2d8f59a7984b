// npm run -s catalogue -- due|status … — spec §7. JSON only on stdout; bad input: exit code 2 and
// one line on stderr naming the bad value. `--batch` reads JSON lines on stdin, one result line each.
import { createInterface } from "node:readline";
import { DomainError } from "../src/domain/errors";
import { ZCatalogueDueQuery, ZCatalogueStatusQuery } from "../src/schemas/catalogue";
import { localizeValidationMessage } from "../src/schemas/messages";
import { getDb } from "../src/server/db/client";
import { hasDatabase } from "../src/server/env";
import { getCatalogue } from "../src/server/services/get-catalogue";
import { queryDue, queryStatus } from "../src/server/services/query-catalogue";
import type { z } from "zod";

type Command = "due" | "status";
const OPTIONS: Record<Command, Record<string, string>> = {
  // CLI option → query field
  due: { "--service": "service", "--audience": "audience", "--channel": "channel", "--received": "receivedAt" },
  status: { "--service": "service", "--audience": "audience", "--at": "at" },
};
const BATCH_FIELDS: Record<Command, Record<string, string>> = {
  due: { service: "service", audience: "audience", channel: "channel", received: "receivedAt" },
  status: { service: "service", audience: "audience", at: "at" },
};
const FIELD_TO_NAME: Record<string, string> = { receivedAt: "received" };

class UsageError extends Error {}

function usage(): string {
  return "usage: catalogue due --service S --audience A --channel C [--received ISO] | status --service S --audience A [--at ISO] | <command> --batch";
}

/** Validates with the API's zod schema; the error names the field and the value given. */
function parse<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? "input");
  const value = input[field];
  const name = FIELD_TO_NAME[field] ?? field;
  const shown = value === undefined ? "missing" : `invalid value ${JSON.stringify(value)}`;
  throw new UsageError(`${name}: ${shown} — ${localizeValidationMessage(issue.message).en}`);
}

function describe(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof DomainError) return error.message;
  throw error;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "due" && command !== "status") {
    process.stderr.write(`error: unknown command ${JSON.stringify(command ?? "")}; ${usage()}\n`);
    return 2;
  }
  const { engine } = await getCatalogue();
  const schema = command === "due" ? ZCatalogueDueQuery : ZCatalogueStatusQuery;
  const run = (input: Record<string, unknown>) => {
    const query = parse(schema, input);
    const now = new Date();
    return command === "due"
      ? queryDue(engine, query as z.output<typeof ZCatalogueDueQuery>, now)
      : queryStatus(engine, query as z.output<typeof ZCatalogueStatusQuery>, now);
  };

  if (args.length === 1 && args[0] === "--batch") {
    const out: string[] = [];
    const flush = () => {
      if (out.length) process.stdout.write(out.join(""));
      out.length = 0;
    };
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      let result: unknown;
      try {
        const raw: unknown = JSON.parse(line);
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new UsageError("each line must be a JSON object");
        const input: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(raw)) {
          const field = BATCH_FIELDS[command][key];
          if (!field) throw new UsageError(`unknown field ${JSON.stringify(key)}`);
          input[field] = value;
        }
        result = run(input);
      } catch (error) {
        result = { error: error instanceof SyntaxError ? `invalid JSON: ${error.message}` : describe(error) };
      }
      out.push(`${JSON.stringify(result)}\n`);
      if (out.length >= 1000) flush();
    }
    flush();
    return 0;
  }

  try {
    const input: Record<string, string> = {};
    for (let i = 0; i < args.length; i += 2) {
      const option = args[i]!;
      const field = OPTIONS[command][option];
      if (!field) throw new UsageError(`unknown option ${JSON.stringify(option)}; ${usage()}`);
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${option}: missing value`);
      input[field] = value;
    }
    process.stdout.write(`${JSON.stringify(run(input))}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${describe(error).replace(/\s+/g, " ")}\n`);
    return 2;
  }
}

/** The pool would otherwise keep the process alive until its idle timeout. */
async function closeDatabase(): Promise<void> {
  if (hasDatabase()) await getDb().$disconnect();
}

main()
  .finally(closeDatabase)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error)?.message?.split("\n")[0] ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
