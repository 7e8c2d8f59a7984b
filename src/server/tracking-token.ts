import "server-only";
// A candidate's private tracking link: 256 random bits; only its sha-256 is stored, so a
// database leak does not open anyone's request.
import { createHash, randomBytes } from "node:crypto";

export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashTrackingToken(token) };
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are 43 base64url characters; anything else is not worth a query. */
export function isWellFormedTrackingToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
