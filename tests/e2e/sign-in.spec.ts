import pg from "pg";
import { expect, test, e2eDatabaseUrl, expectAccessible, signIn } from "./support";


test("an MO specialist signs in and sees the MO emergency number; signs out @phone", async ({ page }) => {
  // A multi-page scenario: several sign-ins and pages on a 2-core machine.
  test.slow();
  await page.goto("/connexion");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
  await expectAccessible(page);
  await signIn(page, "specialiste@mfq.exemple.qc.ca");
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByText("Bonjour Sophie Gagnon.")).toBeVisible();
  await expect(page.getByTestId("emergency")).toContainText("418 555-0101");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion$/);
});

test("staff do not get the MO emergency number", async ({ page }) => {
  await signIn(page, "agent.dotation@cspq.exemple.qc.ca");
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByText("Agente ou agent")).toBeVisible();
  await expect(page.getByTestId("emergency")).toHaveCount(0);
});

test("a wrong password is refused in French and the e-mail stays", async ({ page }) => {
  await signIn(page, "specialiste@mfq.exemple.qc.ca", "pas-le-bon");
  await expect(page.getByTestId("sign-in-error")).toHaveText("Adresse courriel ou mot de passe incorrect.");
  await expect(page.getByLabel("Adresse courriel")).toHaveValue("specialiste@mfq.exemple.qc.ca");
  await expect(page).toHaveURL(/\/connexion$/);
});

test("a disabled account cannot sign in, and a disabled user's open session ends", async ({ page, browser }) => {
  // A multi-page scenario: several sign-ins and pages on a 2-core machine.
  test.slow();
  const email = "sagir@mcc.exemple.qc.ca";
  await signIn(page, email);
  await expect(page).toHaveURL(/\/espace$/);
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    await client.query("UPDATE app_user SET disabled_at = now() WHERE email = $1", [email]);
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/connexion$/);
    const fresh = await browser.newPage();
    await signIn(fresh, email);
    await expect(fresh.getByTestId("sign-in-error")).toHaveText("Ce compte a été désactivé. Adressez-vous à votre pilote ministériel.");
    await fresh.close();
  } finally {
    await client.query("UPDATE app_user SET disabled_at = NULL WHERE email = $1", [email]);
    await client.end();
  }
});

test("English sign-in page", async ({ page }) => {
  await page.goto("/en/connexion");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expectAccessible(page);
});
