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
