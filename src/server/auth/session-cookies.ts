import "server-only";
// next-auth's cookies, read by Guichet itself where next-auth would let a stray value break a page.
// A `next-auth.callback-url` cookie that is no http(s) URL makes next-auth refuse its whole
// configuration — every session read, so every page, answered 500 for that browser until the cookie
// was cleared (anyone able to set a cookie on the domain could do it). So: the session is read by
// decoding its JWT (the same secret and checks: signature, expiry), and the auth routes get the
// request without such a cookie.
import { decode } from "next-auth/jwt";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const CALLBACK_COOKIES = ["__Secure-next-auth.callback-url", "next-auth.callback-url"];

type CookieReader = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** The session token, whole or in next-auth's chunks (`name.0`, `name.1`, …). */
function sessionToken(cookies: CookieReader): string | null {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name)?.value;
    if (whole) return whole;
    const chunks = cookies
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length) return chunks.map((c) => c.value).join("");
  }
  return null;
}

/**
 * The session cookie's claims: the user's id and the server-side session's id (null in a token
 * that has none), or null (no cookie, tampered, expired, no secret).
 */
export async function sessionClaims(cookies: CookieReader): Promise<{ userId: string; sessionId: string | null } | null> {
  const token = sessionToken(cookies);
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  try {
    const payload = await decode({ token, secret });
    if (typeof payload?.sub !== "string") return null;
    return { userId: payload.sub, sessionId: typeof payload.sid === "string" ? payload.sid : null };
  } catch {
    return null;
  }
}

/** The signed-in user's id from the session cookie, or null (none, tampered, expired, no secret). */
export async function sessionUserId(cookies: CookieReader): Promise<string | null> {
  return (await sessionClaims(cookies))?.userId ?? null;
}

/** next-auth's own rule for a callback URL: http(s), absolute or a path of this site. */
export function isUsableCallbackUrl(value: string, baseUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? baseUrl : undefined).protocol);
  } catch {
    return false;
  }
}

/** The callback-url cookies next-auth would refuse (a value that is no http(s) URL of any kind). */
export function unusableCallbackCookies(cookies: { getAll(): { name: string; value: string }[] }, baseUrl: string): string[] {
  return cookies
    .getAll()
    .filter((c) => CALLBACK_COOKIES.includes(c.name) && c.value !== "" && !isUsableCallbackUrl(c.value, baseUrl))
    .map((c) => c.name);
}
