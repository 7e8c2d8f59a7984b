import "server-only";
// AppError and the one map from error codes to HTTP statuses. Domain errors are translated here,
// with the parameter they concern and a message in French and English.
import { DomainError, type DomainErrorCode } from "@/domain/errors";
import { RETRY_AFTER_SECONDS, reportDatabaseError } from "@/server/db/availability";

export type AppErrorCode =
  | "INVALID_PARAMETER"
  | "REFUSED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "METHOD_NOT_ALLOWED"
  | "LENGTH_REQUIRED"
  | "PAYLOAD_TOO_LARGE"
  | "HEADERS_TOO_LARGE"
  | "RATE_LIMITED"
  | "DATABASE_UNAVAILABLE"
  | "INTERNAL";

export type Localized = { fr: string; en: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: Record<string, Localized>;
  /** Extra, caller-facing facts (where to go instead, when to retry, …). */
  readonly details: Record<string, unknown>;
  /** The people-facing message, when the generic one of the code does not say enough. */
  readonly localized: Localized | null;

  constructor(
    code: AppErrorCode,
    message: string,
    fields: Record<string, Localized> = {},
    options: { details?: Record<string, unknown>; localized?: Localized } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
    this.details = options.details ?? {};
    this.localized = options.localized ?? null;
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  INVALID_PARAMETER: 400,
  REFUSED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
  LENGTH_REQUIRED: 411,
  PAYLOAD_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const DOMAIN_PARAMETER: Partial<Record<DomainErrorCode, { parameter: string; fr: string; en: string }>> = {
  UNKNOWN_SERVICE: { parameter: "service", fr: "Service inconnu", en: "Unknown service" },
  UNKNOWN_AUDIENCE: { parameter: "audience", fr: "Clientèle inconnue pour ce service", en: "Unknown audience for this service" },
  UNKNOWN_CHANNEL: { parameter: "channel", fr: "Canal inconnu pour cette clientèle", en: "Unknown channel for this audience" },
};

/** A domain error about a caller's parameter, as an AppError naming that parameter. */
export function fromDomainError(error: DomainError): AppError {
  const known = DOMAIN_PARAMETER[error.code];
  if (!known) return new AppError("INTERNAL", error.message);
  const value = error.value ?? "";
  return new AppError("INVALID_PARAMETER", error.message, {
    [known.parameter]: { fr: `${known.fr} : « ${value} ».`, en: `${known.en}: "${value}".` },
  });
}

export type ErrorBody = {
  error: { code: AppErrorCode; message: Localized; fields: Record<string, Localized>; details?: Record<string, unknown> };
};

const GENERIC: Record<AppErrorCode, Localized> = {
  INVALID_PARAMETER: { fr: "Paramètre invalide", en: "Invalid parameter" },
  REFUSED: { fr: "Demande refusée.", en: "Request refused." },
  UNAUTHENTICATED: { fr: "Connectez-vous pour continuer.", en: "Please sign in to continue." },
  FORBIDDEN: { fr: "Vous n'avez pas accès à cette fonction.", en: "You do not have access to this function." },
  NOT_FOUND: { fr: "Introuvable.", en: "Not found." },
  CONFLICT: { fr: "Modifié entre-temps par quelqu'un d'autre.", en: "Changed meanwhile by someone else." },
  UNSUPPORTED_MEDIA_TYPE: { fr: "Le corps doit être en JSON.", en: "The body must be JSON." },
  METHOD_NOT_ALLOWED: { fr: "Cette méthode n'est pas permise sur cette adresse.", en: "This method is not allowed on this address." },
  LENGTH_REQUIRED: { fr: "Indiquez la longueur du corps (Content-Length).", en: "Give the body's length (Content-Length)." },
  PAYLOAD_TOO_LARGE: { fr: "Le corps de la requête est trop volumineux.", en: "The request body is too large." },
  HEADERS_TOO_LARGE: { fr: "Les en-têtes de la requête sont trop volumineux.", en: "The request headers are too large." },
  RATE_LIMITED: {
    fr: "Trop de demandes en peu de temps. Réessayez dans une minute.",
    en: "Too many requests in a short time. Please try again in a minute.",
  },
  DATABASE_UNAVAILABLE: { fr: "Service momentanément indisponible.", en: "Service temporarily unavailable." },
  INTERNAL: { fr: "Erreur inattendue. Réessayez plus tard.", en: "Unexpected error. Please try again later." },
};

/** The JSON body of an error response: code, a message that names the fields, and one message per field. */
export function errorBody(error: AppError): ErrorBody {
  const names = Object.keys(error.fields);
  const generic = GENERIC[error.code];
  const message =
    error.code === "INVALID_PARAMETER" && names.length > 0
      ? {
          fr: `${generic.fr} : ${names.join(", ")}. ${names.map((n) => error.fields[n]!.fr).join(" ")}`,
          en: `${generic.en}: ${names.join(", ")}. ${names.map((n) => error.fields[n]!.en).join(" ")}`,
        }
      : (error.localized ?? generic);
  const details = Object.keys(error.details).length ? { details: error.details } : {};
  return { error: { code: error.code, message, fields: error.fields, ...details } };
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DomainError) return fromDomainError(error);
  // The database out of reach: a 503 to retry (the outage is logged once, by availability.ts).
  if (reportDatabaseError(error)) {
    return new AppError("DATABASE_UNAVAILABLE", "database unavailable", {}, { details: { retryAfterSeconds: RETRY_AFTER_SECONDS } });
  }
  return new AppError("INTERNAL", error instanceof Error ? error.message : String(error));
}
