import "server-only";
// Parses caller input with a shared zod schema; on failure, an AppError naming every bad field
// with its message in French and English. Used by route handlers and server actions alike.
import type { z } from "zod";
import { localizeValidationMessage } from "@/schemas/messages";
import { forbiddenTextPaths } from "@/schemas/text-rules";
import { AppError, type Localized } from "@/server/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL is a UUID before the database is asked (PostgreSQL would refuse the cast). */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export function fieldErrorsOf(error: z.ZodError): Record<string, Localized> {
  const fields: Record<string, Localized> = {};
  for (const issue of error.issues) {
    const name = issue.path.length ? issue.path.map(String).join(".") : "body";
    fields[name] ??= localizeValidationMessage(issue.message);
  }
  return fields;
}

/**
 * The fields of `input` that the schema does not know: object keys that did not make it into the
 * parsed `output` (zod drops them), at any depth. Transforms that rename keys would show up here;
 * the API's schemas have none.
 */
export function unknownFieldPaths(input: unknown, output: unknown, prefix = ""): string[] {
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, i) => unknownFieldPaths(item, output[i], `${prefix}${i}.`));
  }
  if (!isRecord(input) || !isRecord(output)) return [];
  return Object.keys(input).flatMap((key) => (key in output ? unknownFieldPaths(input[key], output[key], `${prefix}${key}.`) : [`${prefix}${key}`]));
}

export type ParseOptions = {
  /** "refuse": a field the schema does not know is a 400 at that field (the API); else dropped (forms). */
  unknownFields?: "refuse" | "drop";
};

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, options: ParseOptions = {}): z.output<S> {
  // Characters no person types are refused at their field before the schema reads anything.
  const forbidden = forbiddenTextPaths(input);
  if (forbidden.length) {
    throw new AppError("INVALID_PARAMETER", "invalid characters", Object.fromEntries(forbidden.map((path) => [path, localizeValidationMessage("text.control")])));
  }
  const result = schema.safeParse(input);
  if (result.success) {
    const unknown = options.unknownFields === "refuse" ? unknownFieldPaths(input, result.data) : [];
    if (unknown.length) {
      throw new AppError("INVALID_PARAMETER", "unknown fields", Object.fromEntries(unknown.map((path) => [path, localizeValidationMessage("field.unknown")])));
    }
    return result.data;
  }
  throw new AppError("INVALID_PARAMETER", "invalid input", fieldErrorsOf(result.error));
}
