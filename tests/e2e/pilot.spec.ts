import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";


test("a pilot disables a user, who then cannot sign in; enabling restores access", async ({ page, browser }) => {
  // A multi-page scenario: several sign-ins and pages on a 2-core machine.
  test.slow();
  await signIn(page, "pilote@mfq.exemple.qc.ca");
  await expect(page).toHaveURL(/\/espace$/);
  await page.getByRole("link", { name: "Gérer les utilisateurs de mon organisation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Utilisateurs de mon organisation");
  await expect(page.getByTestId("members")).not.toContainText("mcc.exemple");
  await expectAccessible(page);

  const row = page.getByRole("form", { name: "Julie Pelletier" });
  await row.getByLabel("Compte actif").uncheck();
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row.getByText("Modifications enregistrées.")).toBeVisible();

  const context = await browser.newContext();
  const user = await context.newPage();
  await signIn(user, "sagir@mfq.exemple.qc.ca");
  await expect(user.getByTestId("sign-in-error")).toHaveText("Ce compte a été désactivé. Adressez-vous à votre pilote ministériel.");

  await page.reload();
  const again = page.getByRole("form", { name: "Julie Pelletier" });
  await expect(again.getByLabel("Compte actif")).not.toBeChecked();
  await again.getByLabel("Compte actif").check();
  await again.getByRole("button", { name: "Enregistrer" }).click();
  await expect(again.getByText("Modifications enregistrées.")).toBeVisible();
  await signIn(user, "sagir@mfq.exemple.qc.ca");
  await expect(user).toHaveURL(/\/espace$/);
  await context.close();
});

test("the page is for pilots only", async ({ page }) => {
  await signIn(page, "specialiste@mfq.exemple.qc.ca");
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto("/pilote/utilisateurs");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
