import "server-only";
// "Now" for pages and routes. End-to-end tests fix it per browser with the `guichet-now` cookie,
// honoured only when the server was started with GUICHET_TEST_CLOCK=1.
import { cookies } from "next/headers";
import { parseIsoInstant } from "@/schemas/instant";
import { isTestClockEnabled } from "@/server/env";

export const TEST_CLOCK_COOKIE = "guichet-now";

export async function getNow(): Promise<Date> {
  if (isTestClockEnabled()) {
    const fixed = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
    const ms = fixed ? parseIsoInstant(decodeURIComponent(fixed)) : null;
    if (ms !== null) return new Date(ms);
  }
  return new Date();
}
