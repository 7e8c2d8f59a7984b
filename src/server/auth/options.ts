import "server-only";
// next-auth configuration: e-mail and password, and the government's single sign-on when it is
// configured (an OpenID Connect provider: src/server/auth/single-sign-on.ts). Both end in the same
// callbacks, since sessions only carry the user's id and roles come from the database.
import { log, scrub } from "@/server/log";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { cookies, headers } from "next/headers";
import { authenticate } from "@/server/auth/authenticate";
import { OIDC_PROVIDER_ID, resolveSingleSignOn, singleSignOnSettings, type SingleSignOnSettings } from "@/server/auth/single-sign-on";
import { getNow } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { createSession, endSession, isSessionActive } from "@/server/repositories/session-repository";
import { clientAddressOf } from "@/server/services/check-rate-limit";

/** Thrown by the jwt callback for a session ended on the server: next-auth then clears the cookie. */
const SESSION_ENDED = "SessionEnded";

/** A session lasts 8 hours after its last use (the token is renewed at most every 30 minutes). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

type OidcProfile = { sub: string; email?: string; email_verified?: boolean | string; name?: string };

/**
 * The identity provider, discovered from its issuer: authorization code with PKCE, state and nonce;
 * the ID token's signature, issuer, audience and nonce are checked by next-auth (openid-client).
 */
function openIdConnectProvider(settings: SingleSignOnSettings): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name ?? "OpenID Connect",
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // The ID token's claims (checked), completed by the userinfo endpoint when they lack the address:
    // most providers keep `email` out of the ID token of a code flow unless configured to put it in.
    // openid-client checks that userinfo's subject is the ID token's.
    userinfo: {
      async request({ tokens, client }) {
        // next-auth 4 passes openid-client's TokenSet here (its types name only the token fields).
        const set = tokens as unknown as Parameters<typeof client.userinfo>[0] & { claims(): OidcProfile };
        const claims = set.claims();
        if (typeof claims.email === "string") return claims;
        return { ...(await client.userinfo(set)), sub: claims.sub };
      },
    },
    // The provider's identity as next-auth carries it to the callbacks; Guichet's account is found in signIn/jwt.
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null }),
  };
}

const sso = singleSignOnSettings();

/**
 * Where a refused single sign-on lands: the sign-in page, saying why, in the language of the page
 * the person started from (next-auth's callback-url cookie holds where they were going).
 */
async function refusedSignIn(reason: "unverified" | "unknown" | "disabled"): Promise<string> {
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  const store = await cookies();
  const going = store.get("__Secure-next-auth.callback-url")?.value ?? store.get("next-auth.callback-url")?.value ?? "";
  let english = false;
  try {
    english = /^\/en(\/|$)/.test(new URL(going, base || "http://localhost").pathname);
  } catch {
    // No usable destination: French, the default.
  }
  return `${base}${english ? "/en" : ""}/connexion?error=${reason === "disabled" ? "AccountDisabled" : "SsoNoAccount"}`;
}

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
    ...(sso ? [openIdConnectProvider(sso)] : []),
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
    /** A single sign-on opens only an active account of the verified address (no self sign-up). */
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID || !sso) return true;
      const outcome = await resolveSingleSignOn(profile as OidcProfile | undefined, sso);
      return outcome.ok ? true : await refusedSignIn(outcome.reason);
    },
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
    async jwt({ token, user, account, profile }) {
      if (user) {
        // A single sign-on's user is the provider's identity: the session is Guichet's account of it
        // (looked up again rather than trusting that next-auth passes signIn's object along).
        if (account?.provider === OIDC_PROVIDER_ID) {
          const outcome = sso ? await resolveSingleSignOn(profile as OidcProfile | undefined, sso) : null;
          if (!outcome?.ok) throw new Error("AccessDenied");
          token.sub = outcome.userId;
        } else token.sub = user.id;
        // Wall-clock time, not the tests' fixed "now": sessions are security state, purged by age.
        token.sid = await createSession(getDb(), token.sub, new Date());
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
