import "server-only";
// The public origin of links Guichet hands out (tracking, invitations) from a page's server
// action: GUICHET_PUBLIC_URL when set (behind a proxy), else the host the person used.
import { headers } from "next/headers";

export async function publicBaseUrl(): Promise<string> {
  const configured = process.env.GUICHET_PUBLIC_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
