import "server-only";
// Secrets sent as links — a candidate's private tracking link, a pilot's invitation: 256 random
// bits; only their sha-256 is stored, so a database leak opens nobody's request or account.
import { createHash, randomBytes } from "node:crypto";

export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are 43 base64url characters; anything else is not worth a query. */
export function isWellFormedSecretToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
