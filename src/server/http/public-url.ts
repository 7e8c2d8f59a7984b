import "server-only";
// The public origin of links Guichet hands out (tracking, invitations) from a page's server
// action: GUICHET_PUBLIC_URL when set (behind a proxy), else the host the person used.
import { headers } from "next/headers";

/** GUICHET_PUBLIC_URL when set, else the origin the request came to; no trailing slash. */
export function publicUrlOr(origin: string): string {
  return (process.env.GUICHET_PUBLIC_URL ?? origin).replace(/\/$/, "");
}

/** The public origin for a page's server action (which has headers, not a Request). */
export async function publicBaseUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return publicUrlOr(`${proto}://${host}`);
}
