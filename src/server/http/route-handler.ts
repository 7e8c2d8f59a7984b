import "server-only";
// The entry wrapper for route handlers: parse with the shared zod schema, run the service, map
// every error through server/errors.ts. Unexpected errors are logged without request data.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { localizeValidationMessage } from "@/schemas/messages";
import { AppError, HTTP_STATUS, errorBody, toAppError } from "@/server/errors";

export function parseSearchParams<S extends z.ZodType>(schema: S, params: URLSearchParams, names: readonly string[]): z.output<S> {
  const input: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value !== null) input[name] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, { fr: string; en: string }> = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "query");
    fields[name] ??= localizeValidationMessage(issue.message);
  }
  throw new AppError("INVALID_PARAMETER", "invalid query", fields);
}

export async function handleRoute(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") console.error(`route error: ${(error as Error)?.stack ?? String(error)}`);
    return NextResponse.json(errorBody(appError), { status: HTTP_STATUS[appError.code] });
  }
}
