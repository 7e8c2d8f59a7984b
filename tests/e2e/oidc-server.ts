// The identity provider of the end-to-end tests: a real OpenID Connect server (oidc-provider), on
// E2E_OIDC_PORT, with one confidential client — the e2e app (redirect to E2E_APP_URL). Its login
// page (oidc-provider's development interactions) takes any login: the login is the person's
// e-mail address, returned verified. Consent is granted without asking (the recipe of
// oidc-provider's documentation for first-party clients).
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

const port = Number(process.env.E2E_OIDC_PORT);
const appUrl = process.env.E2E_APP_URL;
if (!port || !appUrl) throw new Error("E2E_OIDC_PORT and E2E_APP_URL are required");

export const E2E_OIDC_CLIENT = { id: "guichet-e2e", secret: "secret-du-client-e2e" };

const configuration: Configuration = {
  clients: [
    {
      client_id: E2E_OIDC_CLIENT.id,
      client_secret: E2E_OIDC_CLIENT.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: id.split("@")[0] };
      },
    };
  },
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const client = ctx.oidc.client!;
    const session = ctx.oidc.session!;
    const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  cookies: { keys: ["cle-des-cookies-e2e"] },
  features: { devInteractions: { enabled: true } },
};

const provider = new Provider(`http://127.0.0.1:${port}`, configuration);
provider.listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
