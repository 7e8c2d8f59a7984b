import "server-only";
// next-auth configuration. Credentials today; the government's single sign-on is one more
// provider in `providers` (an OIDC provider from configuration: issuer, client id and secret),
// with the same callbacks, since sessions only carry the user's id and roles come from the database.
import { log, scrub } from "@/server/log";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { authenticate } from "@/server/auth/authenticate";
import { getNow } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { createSession, endSession, isSessionActive } from "@/server/repositories/session-repository";
import { clientAddressOf } from "@/server/services/check-rate-limit";

/** Thrown by the jwt callback for a session ended on the server: next-auth then clears the cookie. */
const SESSION_ENDED = "SessionEnded";

/** A session lasts 8 hours after its last use (the token is renewed at most every 30 minutes). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 30 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Courriel et mot de passe",
      credentials: { email: { label: "Courriel", type: "email" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(credentials) {
        const result = await authenticate(credentials, { address: clientAddressOf(await headers()), now: await getNow() });
        if (result.ok) return result.user;
        // next-auth passes this message to the sign-in page as ?error=…
        if (result.reason === "disabled") throw new Error("AccountDisabled");
        if (result.reason === "throttled") throw new Error(`SignInThrottled:${result.retryAfterSeconds}`);
        return null;
      },
    }),
  ],
  events: {
    // Signing out ends the session on the server too.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(getDb(), token.sid, "signed_out", new Date());
    },
  },
  logger: {
    // An ended session read through next-auth is expected, not an error to log.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && (metadata as { message?: string } | undefined)?.message === SESSION_ENDED) return;
      log.error("auth_error", { code, message: scrub((metadata as { message?: string } | undefined)?.message ?? "") });
    },
    warn(code) {
      log.warn("auth_warning", { code });
    },
    debug() {},
  },
  callbacks: {
    /**
     * Where to go after signing in or out: a path or a URL of this site, else its home. next-auth's
     * own check throws on a value that is no URL, and it also reads the `next-auth.callback-url`
     * cookie on every session read — so one stray cookie (`foo`, `%20`) made every page a 500 for
     * that browser. Anything that is not ours is simply ignored.
     */
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    /**
     * At sign-in, a session row on the server whose id the cookie carries (`sid`); on every later
     * read of next-auth's own session route, that row must still be open — else the cookie is
     * cleared (a copy kept from before signing out reads nothing).
     */
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        // Wall-clock time, not the tests' fixed "now": sessions are security state, purged by age.
        token.sid = await createSession(getDb(), user.id, new Date());
        return token;
      }
      if (typeof token.sid !== "string" || !token.sub || !(await isSessionActive(getDb(), token.sid, token.sub))) throw new Error(SESSION_ENDED);
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

/** A same-site destination for `url`, or the site's home (never another origin, never a throw). */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {
    // Not a URL at all: home.
  }
  return baseUrl;
}
