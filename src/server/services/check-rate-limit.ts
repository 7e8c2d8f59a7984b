import "server-only";
// Rate limit of the public endpoints, per client address, shared by all app instances.
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { countHit, deleteWindowsBefore } from "@/server/repositories/rate-limit-repository";

const WINDOW_MS = 60_000;

export function rateLimitPerMinute(): number {
  const configured = Number(process.env.GUICHET_RATE_LIMIT_PER_MINUTE);
  return Number.isFinite(configured) && configured > 0 ? configured : 10;
}

/** `factor`: a scope called more often than a form is sent (suggestions while typing) allows that many times the limit. */
export type CheckRateLimitOptions = { scope: string; clientAddress: string; now: Date; factor?: number };

export async function checkRateLimit({ scope, clientAddress, now, factor = 1 }: CheckRateLimitOptions): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const count = await countHit(getDb(), `${scope}:${clientAddress}`, windowStart);
  if (count === 1 && windowStart.getUTCMinutes() === 0) {
    // Once an hour, the first hit of a window clears old windows.
    await deleteWindowsBefore(getDb(), new Date(windowStart.getTime() - 60 * WINDOW_MS));
  }
  if (count > rateLimitPerMinute() * factor) {
    const retryAfterSeconds = Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000);
    throw new AppError("RATE_LIMITED", "rate limited", {}, { details: { retryAfterSeconds } });
  }
}

/**
 * The client's address. The front door (scripts/server.ts) writes it alone into X-Forwarded-For,
 * from the socket or from the trusted proxies' hops (GUICHET_TRUSTED_PROXIES) — never the client's
 * own header, so a forged one does not get past the limit.
 */
export function clientAddressOf(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
