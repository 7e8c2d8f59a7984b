import "server-only";
// next-auth configuration. Credentials today; the government's single sign-on is one more
// provider in `providers` (an OIDC provider from configuration: issuer, client id and secret),
// with the same callbacks, since sessions only carry the user's id and roles come from the database.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/server/auth/authenticate";

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
        const result = await authenticate(credentials);
        if (result.ok) return result.user;
        // next-auth passes this message to the sign-in page as ?error=…
        if (result.reason === "disabled") throw new Error("AccountDisabled");
        return null;
      },
    }),
  ],
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
    jwt({ token, user }) {
      if (user) token.sub = user.id;
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
