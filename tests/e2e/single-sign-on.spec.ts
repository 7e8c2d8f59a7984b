// Single sign-on end to end, against a real OpenID Connect server run by the tests
// (tests/e2e/oidc-server.ts): a person whose verified address is an active Guichet account lands in
// their space as that account; an address Guichet does not know is refused in the reader's
// language, and no account is made.
import pg from "pg";
import type { Page } from "@playwright/test";
import { expect, test, e2eDatabaseUrl, expectAccessible } from "./support";

const BUTTON = "Se connecter avec le fournisseur d'identité de test";

/** At the identity provider's own login page (oidc-provider's development one): the login is the address. */
async function signInAtProvider(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${process.env.E2E_OIDC_PORT}/`));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("n'importe lequel");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test.beforeEach(async ({ page }) => {
  // The provider's development page imports a web font from the Internet: answered empty here (no Internet in CI).
  await page.route("https://fonts.googleapis.com/**", (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
});

test("an agent signs in through the identity provider and lands in their space as their own account", async ({ page }) => {
  test.slow();
  await page.goto("/connexion");
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: BUTTON }).click();
  await signInAtProvider(page, "agent.sagir@cspq.exemple.qc.ca");
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByText("Bonjour Éric Morin.")).toBeVisible();
  // The account's own rights: the SAGIR console is theirs.
  await page.goto("/console/sagir");
  await expect(page).toHaveURL(/\/console\/sagir$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The session is the account's, on the server, like a password sign-in's.
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ open: string }>(
      "SELECT count(*) AS open FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = 'agent.sagir@cspq.exemple.qc.ca' AND s.ended_at IS NULL",
    );
    expect(Number(rows[0]!.open)).toBeGreaterThan(0);
  } finally {
    await client.end();
  }
});

test("an address with no Guichet account is refused, in the reader's language, and no account is made", async ({ page }) => {
  test.slow();
  const unknown = `inconnu.${Date.now().toString(36)}@exemple.gouv.qc.ca`;
  await page.goto("/connexion");
  await page.getByRole("button", { name: BUTTON }).click();
  await signInAtProvider(page, unknown);
  await expect(page).toHaveURL(/\/connexion\?error=SsoNoAccount$/);
  await expect(page.getByTestId("sign-in-error")).toContainText("Aucun compte Guichet actif n'utilise l'adresse confirmée");
  await expectAccessible(page);
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion$/);

  // From the English page, the refusal is in English.
  await page.goto("/en/connexion");
  await page.getByRole("button", { name: "Sign in with le fournisseur d'identité de test" }).click();
  // The provider remembers the person: no second login page.
  await expect(page).toHaveURL(/\/en\/connexion\?error=SsoNoAccount$/);
  await expect(page.getByTestId("sign-in-error")).toContainText("No active Guichet account uses the address confirmed");

  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    expect((await client.query("SELECT 1 FROM app_user WHERE email = $1", [unknown])).rowCount).toBe(0);
  } finally {
    await client.end();
  }
});
