// Signed webhooks, as telephone systems send them: `X-Guichet-Timestamp` (Unix seconds) and
// `X-Guichet-Signature: sha256=<hex>`, the HMAC-SHA256 of `<timestamp>.<raw body>` with the secret
// shared with the system. A timestamp outside ±5 minutes of the server's clock is refused, so a
// captured request cannot be replayed later (and within the window a replay changes nothing: each
// call event is stored once).
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_WINDOW_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Why a signed request is refused, or null when its signature holds at `nowMs`. */
export function webhookSignatureProblem(
  secret: string,
  headers: { timestamp: string | null; signature: string | null },
  body: string,
  nowMs: number,
): "missing" | "stale" | "mismatch" | null {
  if (!headers.timestamp || !headers.signature) return "missing";
  if (!/^\d{1,12}$/.test(headers.timestamp)) return "stale";
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS) return "stale";
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature.trim());
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : "mismatch";
}
