import "server-only";
// The entry wrapper for route handlers: parse with the shared zod schema, run the service, map
// every error through server/errors.ts. Unexpected errors are logged without request data
// (server/log.ts: class, code, scrubbed message and frames).
import { errorFields, log } from "@/server/log";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, HTTP_STATUS, errorBody, toAppError } from "@/server/errors";
import { parseJsonText, requireJsonType } from "@/server/http/json-body";
import { publicUrlOr } from "@/server/http/public-url";
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
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") log.error("route_error", { error: errorFields(error) });
    const headers: Record<string, string> = {};
    if (typeof appError.details.retryAfterSeconds === "number") headers["Retry-After"] = String(appError.details.retryAfterSeconds);
    return NextResponse.json(errorBody(appError), { status: HTTP_STATUS[appError.code], headers });
  }
}

/** The JSON body of a request (json-body.ts): 415 unless its type is JSON, 400 when malformed. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type");
  requireJsonType(type);
  return parseJsonText(type, await request.text());
}

/** The public URL of a tracking link: GUICHET_PUBLIC_URL when set, else the request's own origin. */
export function trackingUrlFor(request: Request, token: string): string {
  return `${publicUrlOr(new URL(request.url).origin)}/suivi/${token}`;
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
