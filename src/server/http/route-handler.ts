import "server-only";
// The entry wrapper for route handlers: parse with the shared zod schema, run the service, map
// every error as the API answers it (json-body.ts errorAnswer, shared with the front door's own
// answers; unexpected errors are logged without request data).
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, HTTP_STATUS, errorBody } from "@/server/errors";
import { errorAnswer, readJson } from "@/server/http/json-body";
import { parseInput } from "@/server/validate";

export function parseSearchParams<S extends z.ZodType>(schema: S, params: URLSearchParams, names: readonly string[]): z.output<S> {
  const input: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value !== null) input[name] = value;
  }
  return parseInput(schema, input);
}

export async function handleRoute(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    const { status, headers, body } = errorAnswer(error);
    return NextResponse.json(body, { status, headers });
  }
}

/** The JSON body of a request (json-body.ts): 415 unless its type is JSON, 400 when malformed. */
export function readJsonBody(request: Request): Promise<unknown> {
  return readJson(request.headers.get("content-type"), () => request.text());
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The methods a route does not serve, each a 405 naming those it does (`Allow`), in the API's JSON
 * error shape — Next's own 405 has an empty body. Spread into the route's exports.
 */
export function otherMethods(allowed: readonly Method[]): Record<Method, () => Response> {
  const refuse = (): Response =>
    NextResponse.json(errorBody(new AppError("METHOD_NOT_ALLOWED", "method not allowed", {}, { details: { allowed } })), {
      status: HTTP_STATUS.METHOD_NOT_ALLOWED,
      headers: { Allow: allowed.join(", ") },
    });
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
