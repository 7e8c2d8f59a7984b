// Domain errors carry a code and the offending value, never an HTTP status:
// src/server/errors.ts maps codes to statuses and people-facing messages.
export type DomainErrorCode =
  | "UNKNOWN_SERVICE"
  | "UNKNOWN_AUDIENCE"
  | "UNKNOWN_CHANNEL"
  | "UNKNOWN_CALENDAR"
  | "UNKNOWN_TARGET"
  | "INVALID_INSTANT"
  | "INVALID_CATALOGUE";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly value: string | undefined;

  constructor(code: DomainErrorCode, message: string, value?: string) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.value = value;
  }
}
