import pg from "pg";
import { expect, test, e2eDatabaseUrl, expectAccessible, signIn } from "./support";

test("a pilot invites a person, who chooses a password and signs in; disabled, they cannot; enabled again, they can", async ({ page, browser }) => {
  // A multi-page scenario: several sign-ins and pages on a 2-core machine.
  test.slow();
  // A person of this test only, so that no other test's account is disabled meanwhile.
  const email = `gael.simard.${Date.now()}@mfq.exemple.qc.ca`;
  const password = "une phrase de passe assez longue";
  await signIn(page, "pilote@mfq.exemple.qc.ca");
  await expect(page).toHaveURL(/\/espace$/);
  await page.getByRole("link", { name: "Gérer les utilisateurs de mon organisation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Utilisateurs de mon organisation");
  await expect(page.getByTestId("members")).not.toContainText("mcc.exemple");
  await expectAccessible(page);

  // Invalid first: French field messages, nothing created.
  const invite = page.getByTestId("invite-form");
  await invite.getByLabel("Courriel").fill("pas-une-adresse");
  await invite.getByRole("button", { name: "Inviter" }).click();
  await expect(page.locator("#name-error")).toHaveText("Inscrivez le nom de la personne (120 caractères au plus).");
  await expect(page.locator("#email-error")).toContainText("adresse courriel valide");
  await expect(page.locator("#role-error")).toHaveText("Faites un choix dans la liste.");
  await invite.getByLabel("Nom").fill("Gaël Simard");
  await invite.getByLabel("Courriel").fill(email);
  await invite.getByLabel("Rôle").selectOption("sagir_user");
  await invite.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByTestId("invitation")).toContainText("Invitation envoyée par courriel à Gaël Simard.");
  // « Valide jusqu'au samedi … », not « jusqu'au le samedi ».
  await expect(page.getByTestId("invitation")).toContainText(/Valide jusqu'au (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) /);
  const link = await page.getByLabel("Le même lien, à transmettre vous-même au besoin").inputValue();
  expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
  // One click copies it (the pilot pastes it in a message of their own).
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copier le lien" }).click();
  await expect(page.getByTestId("invitation")).toContainText("Lien copié.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // The same link went out by e-mail (the outbox: the address is the account's, read at sending).
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ body: string }>("SELECT o.body FROM email_outbox o JOIN app_user u ON u.id = o.user_id WHERE u.email = $1 AND o.kind = 'invitation'", [email]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toContain(link.slice(link.indexOf("/invitation/")));
  } finally {
    await client.end();
  }
  await expect(page.getByRole("form", { name: "Gaël Simard" })).toBeVisible();
  await expect(page.getByTestId("members")).toContainText("Invitation en attente");
  await expectAccessible(page);

  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto(link);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Choisir votre mot de passe");
  await expect(person.getByText(`Bonjour Gaël Simard.`)).toBeVisible();
  await expectAccessible(person);
  await person.locator("#password").fill(password);
  await person.locator("#confirmation").fill("une autre phrase de passe");
  await person.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(person.locator("#confirmation-error")).toHaveText("Les deux mots de passe ne sont pas identiques.");
  await person.locator("#password").fill(password);
  await person.locator("#confirmation").fill(password);
  await person.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(person).toHaveURL(/\/connexion\?invitation=1$/);
  await expect(person.getByTestId("invited")).toHaveText("Votre mot de passe est enregistré. Connectez-vous.");
  await signIn(person, email, password);
  await expect(person).toHaveURL(/\/espace$/);
  await expect(person.getByTestId("sagir-links")).toBeVisible();
  // The link worked once.
  await person.goto(link);
  await expect(person.getByTestId("invitation-invalid")).toBeVisible();

  await page.reload();
  const row = page.getByRole("form", { name: "Gaël Simard" });
  await row.getByLabel("Compte actif").uncheck();
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row.getByText("Modifications enregistrées.")).toBeVisible();
  await context.clearCookies();
  await signIn(person, email, password);
  await expect(person.getByTestId("sign-in-error")).toHaveText("Ce compte a été désactivé. Adressez-vous à votre pilote ministériel.");

  await page.reload();
  const again = page.getByRole("form", { name: "Gaël Simard" });
  await expect(again.getByLabel("Compte actif")).not.toBeChecked();
  // The list says who is disabled, not only an unticked box.
  const item = page.getByTestId("members").locator("li", { has: again });
  await expect(item.getByTestId("member-disabled")).toHaveText("Désactivé");
  await again.getByLabel("Compte actif").check();
  await again.getByRole("button", { name: "Enregistrer" }).click();
  await expect(again.getByText("Modifications enregistrées.")).toBeVisible();
  await page.reload();
  await expect(item.getByTestId("member-disabled")).toHaveCount(0);
  await signIn(person, email, password);
  await expect(person).toHaveURL(/\/espace$/);
  await context.close();
});

test("the page is for pilots only", async ({ page }) => {
  await signIn(page, "specialiste@mfq.exemple.qc.ca");
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto("/pilote/utilisateurs");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("an unknown invitation link says so", async ({ page }) => {
  await page.goto(`/invitation/${"A".repeat(43)}`);
  await expect(page.getByTestId("invitation-invalid")).toContainText("Ce lien d'invitation n'est plus valide");
});
