// What Next's route handlers (route-handler.ts) and the front door's own answers
// (call-events-endpoint.ts, inquiry-endpoint.ts) share: a request's JSON body, and an error as the API answers it. The
// content type must be JSON: a cross-site HTML form (text/plain) could otherwise forge a body under
// the user's cookies.
import type { IncomingMessage, ServerResponse } from "node:http";
import { text } from "node:stream/consumers";
import { AppError, HTTP_STATUS, errorBody, toAppError, type ErrorBody } from "@/server/errors";
import { errorFields, log } from "@/server/log";

/** 415 unless the content type is JSON (`application/json`, `application/…+json`). */
export function requireJsonType(type: string | null): void {
  if (!/^application\/(.+\+)?json\b/i.test(type ?? "")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "not JSON", {
      body: { fr: "Envoyez le corps en JSON (Content-Type: application/json).", en: "Send the body as JSON (Content-Type: application/json)." },
    });
  }
}

/**
 * The body's text. A client that went away before sending all of it (Node's « aborted »,
 * ECONNRESET — a code the database's socket errors share) is a 400 of its own, never taken for the
 * database being out of reach: a load test's last connections, closed mid-body, once turned the
 * whole process to 503 DATABASE_UNAVAILABLE (availability.ts).
 */
export async function readBodyText(read: () => Promise<string>): Promise<string> {
  try {
    return await read();
  } catch {
    throw new AppError("INVALID_PARAMETER", "body not received", {
      body: { fr: "Le corps de la requête n'a pas été reçu en entier.", en: "The request body was not received in full." },
    });
  }
}

/** The body's value; malformed JSON is a 400 naming the body. */
export function parseJsonText(type: string | null, text: string): unknown {
  requireJsonType(type);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_PARAMETER", "malformed JSON", {
      body: { fr: "Le corps de la requête doit être un objet JSON valide.", en: "The request body must be a valid JSON object." },
    });
  }
}

/** A request's JSON body: 415 unless its type is JSON (before anything is read), 400 when it did not arrive whole or is malformed. */
export async function readJson(type: string | null, read: () => Promise<string>): Promise<unknown> {
  requireJsonType(type);
  return parseJsonText(type, await readBodyText(read));
}

/**
 * An error as the API answers it: its status, its headers (Retry-After while the database is away)
 * and the JSON error body. An unexpected error is logged without request data (server/log.ts).
 */
export function errorAnswer(error: unknown): { status: number; headers: Record<string, string>; body: ErrorBody } {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") log.error("route_error", { error: errorFields(error) });
  const headers: Record<string, string> = {};
  if (typeof appError.details.retryAfterSeconds === "number") headers["Retry-After"] = String(appError.details.retryAfterSeconds);
  return { status: HTTP_STATUS[appError.code], headers, body: errorBody(appError) };
}

/** An answer of a route: its status and JSON body. */
export type JsonAnswer = { status: number; body: unknown };

/**
 * A route the front door answers itself, without Next.js (scripts/server.ts `direct`): the headers
 * it reads (the front door has already set X-Forwarded-For from the socket or its trusted proxies,
 * and X-Forwarded-Proto/-Host only from them), its answer or error in the API's JSON shape, like
 * Next's route (handleRoute). The body's size was checked by the front door.
 */
export function directRoute(
  readHeaders: readonly string[],
  answer: (request: { headers: Headers; readBody: () => Promise<string>; now: Date; origin: string }) => Promise<JsonAnswer>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const headers = new Headers();
    for (const name of readHeaders) {
      const value = req.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    const proto = req.headers["x-forwarded-proto"] === "https" || (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
    const host = [req.headers["x-forwarded-host"]].flat()[0] ?? req.headers.host ?? "localhost";
    const given = await answer({ headers, readBody: () => text(req), now: new Date(), origin: `${proto}://${host}` }).then(
      ({ status, body }) => ({ status, headers: {}, body }),
      errorAnswer,
    );
    if (res.destroyed) return;
    res.writeHead(given.status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...given.headers });
    res.end(JSON.stringify(given.body));
  };
}
