import "server-only";
// Single sign-on: one OpenID Connect provider (the government's identity provider — Microsoft Entra
// ID for staff, for example), configured by the environment (see .env.example and README). It only
// proves who the person is: Guichet lets them in when an active account of that verified address
// exists already (no account is ever made by signing in), and roles still come from that account.
// Local passwords stay available beside it.
import { getDb } from "@/server/db/client";
import { log } from "@/server/log";
import { findAccountByEmail } from "@/server/repositories/user-repository";

/** next-auth's id of the provider: its callback is `/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

export type SingleSignOnSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button, « Se connecter avec {name} » (null: the page's own words, in the reader's language). */
  name: string | null;
  /**
   * Whether an address without `email_verified: true` is taken as verified. Some providers never
   * send the claim (Entra ID, whose addresses the organization's own directory manages); off by
   * default, since a provider that lets people type their own address would otherwise open accounts.
   */
  trustEmail: boolean;
};

const REQUIRED = ["GUICHET_OIDC_ISSUER", "GUICHET_OIDC_CLIENT_ID", "GUICHET_OIDC_CLIENT_SECRET"] as const;

/**
 * The provider's settings, or why there is none: `missing` names the required variables left out
 * when only some are set (a half-done configuration is reported, never guessed at).
 */
export function readSingleSignOnSettings(env: Record<string, string | undefined>): { settings: SingleSignOnSettings | null; missing: string[] } {
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length === REQUIRED.length) return { settings: null, missing: [] };
  if (missing.length) return { settings: null, missing };
  let issuer: URL;
  try {
    issuer = new URL(env.GUICHET_OIDC_ISSUER!.trim());
  } catch {
    return { settings: null, missing: ["GUICHET_OIDC_ISSUER"] };
  }
  return {
    settings: {
      issuer: issuer.href.replace(/\/$/, ""),
      clientId: env.GUICHET_OIDC_CLIENT_ID!.trim(),
      clientSecret: env.GUICHET_OIDC_CLIENT_SECRET!.trim(),
      name: env.GUICHET_OIDC_NAME?.trim() || null,
      trustEmail: env.GUICHET_OIDC_TRUST_EMAIL === "1",
    },
    missing: [],
  };
}

let reported = false;

/** This server's provider, or null when single sign-on is not configured (a partial setting is logged once). */
export function singleSignOnSettings(): SingleSignOnSettings | null {
  const { settings, missing } = readSingleSignOnSettings(process.env);
  if (missing.length && !reported) {
    reported = true;
    log.error("sso_misconfigured", { missing: missing.join(",") });
  }
  return settings;
}

export type SingleSignOnOutcome = { ok: true; userId: string } | { ok: false; reason: "unverified" | "unknown" | "disabled" };

type Claims = { email?: unknown; email_verified?: unknown } | undefined;
type Account = { id: string; disabledAt: Date | null } | null;

/** Whether the provider's identity opens this account (pure: the account is looked up by the caller). */
export function decideSingleSignOn(claims: Claims, account: Account, { trustEmail }: { trustEmail: boolean }): SingleSignOnOutcome {
  const email = typeof claims?.email === "string" ? claims.email.trim() : "";
  if (!email) return { ok: false, reason: "unverified" };
  const verified = claims?.email_verified === true || claims?.email_verified === "true" || (trustEmail && claims?.email_verified === undefined);
  if (!verified) return { ok: false, reason: "unverified" };
  if (!account) return { ok: false, reason: "unknown" };
  if (account.disabledAt) return { ok: false, reason: "disabled" };
  return { ok: true, userId: account.id };
}

/** The Guichet account the provider's identity opens, or why none does (logged without the address). */
export async function resolveSingleSignOn(claims: Claims, settings: SingleSignOnSettings): Promise<SingleSignOnOutcome> {
  const email = typeof claims?.email === "string" ? claims.email.trim().toLowerCase() : "";
  const account = email && email.length <= 254 ? await findAccountByEmail(getDb(), email) : null;
  const outcome = decideSingleSignOn(claims, account, settings);
  if (!outcome.ok) log.info("sso_refused", { reason: outcome.reason });
  return outcome;
}
