// A request's JSON body, the same for Next's route handlers (route-handler.ts readJsonBody) and the
// front door's own answers (call-events-endpoint.ts). The content type must be JSON: a cross-site
// HTML form (text/plain) could otherwise forge a body under the user's cookies.
import { AppError } from "@/server/errors";

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
