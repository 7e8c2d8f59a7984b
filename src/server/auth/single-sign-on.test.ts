import { describe, expect, it } from "vitest";
import { signInErrorOf } from "@/components/sign-in-error";
import { decideSingleSignOn, readSingleSignOnSettings } from "./single-sign-on";

const FULL = { GUICHET_OIDC_ISSUER: "https://login.exemple.gouv.qc.ca/tenant/v2.0/", GUICHET_OIDC_CLIENT_ID: "guichet", GUICHET_OIDC_CLIENT_SECRET: "s3cret" };

describe("readSingleSignOnSettings", () => {
  it("is off when nothing is set", () => expect(readSingleSignOnSettings({})).toEqual({ settings: null, missing: [] }));

  it("reads the three required variables, the issuer without its final slash", () => {
    expect(readSingleSignOnSettings(FULL)).toEqual({
      settings: { issuer: "https://login.exemple.gouv.qc.ca/tenant/v2.0", clientId: "guichet", clientSecret: "s3cret", name: null, trustEmail: false },
      missing: [],
    });
  });

  it("reads the button's name and whether the address is trusted without email_verified", () => {
    const { settings } = readSingleSignOnSettings({ ...FULL, GUICHET_OIDC_NAME: " Microsoft Entra ID ", GUICHET_OIDC_TRUST_EMAIL: "1" });
    expect(settings).toMatchObject({ name: "Microsoft Entra ID", trustEmail: true });
  });

  it.each([
    [{ GUICHET_OIDC_ISSUER: FULL.GUICHET_OIDC_ISSUER }, ["GUICHET_OIDC_CLIENT_ID", "GUICHET_OIDC_CLIENT_SECRET"]],
    [{ ...FULL, GUICHET_OIDC_CLIENT_SECRET: " " }, ["GUICHET_OIDC_CLIENT_SECRET"]],
    [{ ...FULL, GUICHET_OIDC_ISSUER: "pas une URL" }, ["GUICHET_OIDC_ISSUER"]],
  ])("a partial or broken setting %j is reported, never guessed at", (env, missing) => {
    expect(readSingleSignOnSettings(env)).toEqual({ settings: null, missing });
  });
});

describe("decideSingleSignOn", () => {
  const active = { id: "u1", disabledAt: null };
  const strict = { trustEmail: false };
  it.each([
    ["a verified address of an active account", { email: "a@x.qc.ca", email_verified: true }, active, strict, { ok: true, userId: "u1" }],
    ["email_verified sent as a string", { email: "a@x.qc.ca", email_verified: "true" }, active, strict, { ok: true, userId: "u1" }],
    ["an unverified address", { email: "a@x.qc.ca", email_verified: false }, active, strict, { ok: false, reason: "unverified" }],
    ["no email_verified claim", { email: "a@x.qc.ca" }, active, strict, { ok: false, reason: "unverified" }],
    ["no email_verified claim, the provider trusted", { email: "a@x.qc.ca" }, active, { trustEmail: true }, { ok: true, userId: "u1" }],
    ["email_verified false, even when trusted", { email: "a@x.qc.ca", email_verified: false }, active, { trustEmail: true }, { ok: false, reason: "unverified" }],
    ["no address at all", { email_verified: true }, active, strict, { ok: false, reason: "unverified" }],
    ["no claims", undefined, active, strict, { ok: false, reason: "unverified" }],
    ["no account of that address", { email: "a@x.qc.ca", email_verified: true }, null, strict, { ok: false, reason: "unknown" }],
    ["a disabled account", { email: "a@x.qc.ca", email_verified: true }, { id: "u1", disabledAt: new Date(0) }, strict, { ok: false, reason: "disabled" }],
  ])("%s", (_, claims, account, options, expected) => expect(decideSingleSignOn(claims, account, options)).toEqual(expected));
});

describe("signInErrorOf", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["AccountDisabled", "disabled"],
    ["SsoNoAccount", "ssoNoAccount"],
    ["SignInThrottled:30", "SignInThrottled:30"],
    ["CredentialsSignin", "invalid"],
    ["OAuthCallback", "unexpected"],
    ["OAuthSignin", "unexpected"],
    ["AccessDenied", "unexpected"],
    ["n'importe quoi", "unexpected"],
  ])("?error=%j → %j", (error, expected) => expect(signInErrorOf(error)).toBe(expected));
});
