import "server-only";
// Parses caller input with a shared zod schema; on failure, an AppError naming every bad field
// with its message in French and English. Used by route handlers and server actions alike.
import type { z } from "zod";
import { localizeValidationMessage } from "@/schemas/messages";
import { forbiddenTextPaths } from "@/schemas/text-rules";
import { AppError, type Localized } from "@/server/errors";

export function fieldErrorsOf(error: z.ZodError): Record<string, Localized> {
  const fields: Record<string, Localized> = {};
  for (const issue of error.issues) {
    const name = issue.path.length ? issue.path.map(String).join(".") : "body";
    fields[name] ??= localizeValidationMessage(issue.message);
  }
  return fields;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // Characters no person types are refused at their field before the schema reads anything.
  const forbidden = forbiddenTextPaths(input);
  if (forbidden.length) {
    throw new AppError("INVALID_PARAMETER", "invalid characters", Object.fromEntries(forbidden.map((path) => [path, localizeValidationMessage("text.control")])));
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("INVALID_PARAMETER", "invalid input", fieldErrorsOf(result.error));
}
