// « Mot de passe oublié » end to end: the link the e-mail carries (read from the outbox, as the pilot's
// invitation test does) sets a new password; the old one stops working, the link works once, and an
// unknown address gets the same answer and no e-mail.
import pg from "pg";
import { expect, test, e2eDatabaseUrl, expectAccessible, signIn } from "./support";

test("a forgotten password is replaced through the e-mailed link, once; an unknown address is answered the same", async ({ page }) => {
  test.slow();
  const email = `oubli.${Date.now().toString(36)}@mfq.exemple.qc.ca`;
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  // A person of their own (demo accounts keep their password for the other tests): a copy of an MO specialist.
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO app_user (id, email, name, password_hash, role, organization_id)
     SELECT gen_random_uuid(), $1, 'Odile Oubli', password_hash, role, organization_id FROM app_user WHERE email = 'specialiste@mfq.exemple.qc.ca' RETURNING id`,
    [email],
  );
  await client.query("INSERT INTO user_service (user_id, service_id) SELECT $1, service_id FROM user_service us JOIN app_user u ON u.id = us.user_id WHERE u.email = 'specialiste@mfq.exemple.qc.ca'", [rows[0]!.id]);
  const outbox = async (to: string) =>
    (await client.query<{ subject: string; body: string }>("SELECT o.subject, o.body FROM email_outbox o JOIN app_user u ON u.id = o.user_id WHERE u.email = $1 AND o.kind = 'password_reset'", [to])).rows;
  try {
    await page.goto("/connexion");
    await page.getByTestId("forgot-link").click();
    await expect(page).toHaveURL(/\/connexion\/mot-de-passe-oublie$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mot de passe oublié");
    await expectAccessible(page);

    // A malformed address is refused at the field; an unknown one gets the answer a known one gets.
    await page.getByLabel("Adresse courriel").fill("pas une adresse");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await expect(page.locator("#email-error")).toBeVisible();
    await page.getByLabel("Adresse courriel").fill("personne.inconnue@exemple.qc.ca");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    const sent = page.getByTestId("reset-sent");
    await expect(sent).toContainText("Si un compte Guichet actif utilise cette adresse");
    const answerForUnknown = await sent.textContent();
    await page.getByLabel("Adresse courriel").fill(email);
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await expect(sent).toHaveText(answerForUnknown!);

    // The message already shown stays the same: wait for the e-mail itself.
    await expect.poll(async () => (await outbox(email)).map((m) => m.subject), { timeout: 15_000 }).toEqual(["Choisir un nouveau mot de passe — Guichet"]);
    const mails = await outbox(email);
    expect(await outbox("personne.inconnue@exemple.qc.ca")).toEqual([]);
    const link = /https?:\/\/\S+\/connexion\/nouveau-mot-de-passe\/[A-Za-z0-9_-]+/.exec(mails[0]!.body)![0];

    await page.goto(new URL(link).pathname);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choisir un nouveau mot de passe");
    await expect(page.getByText(email)).toBeVisible();
    await expectAccessible(page);
    await page.locator("#password").fill("trop court");
    await page.locator("#confirmation").fill("trop court");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await expect(page.locator("#password-error")).toBeVisible();
    await page.locator("#password").fill("le chat dort sur le clavier");
    await page.locator("#confirmation").fill("le chat dort sur le clavier");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await expect(page).toHaveURL(/\/connexion\?motdepasse=1$/);
    await expect(page.getByTestId("password-changed")).toBeVisible();

    // The link worked once.
    await page.goto(new URL(link).pathname);
    await expect(page.getByTestId("reset-invalid")).toBeVisible();
    // The old password no longer opens the account; the new one does.
    await signIn(page, email);
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
    await signIn(page, email, "le chat dort sur le clavier");
    await expect(page).toHaveURL(/\/espace$/);
  } finally {
    await client.query("UPDATE app_user SET disabled_at = now() WHERE email = $1", [email]);
    await client.end();
  }
});
