// What Next's route handlers (route-handler.ts) and the front door's own answers
// (call-events-endpoint.ts) share: a request's JSON body, and an error as the API answers it. The
// content type must be JSON: a cross-site HTML form (text/plain) could otherwise forge a body under
// the user's cookies.
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
