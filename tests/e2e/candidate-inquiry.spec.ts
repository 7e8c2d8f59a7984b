import pg from "pg";
import { expect, test, e2eDatabaseUrl, expectAccessible, expectNoHorizontalScroll, setNow } from "./support";

// Tuesday 23 June 2026, 15:00 in Québec: the 10-business-day reply is due Thursday 9 July, 16:30.
const AT = "2026-06-23T15:00:00-04:00";
const WRITE = "/services/ca-dotation/candidate/ecrire";

test.beforeEach(async ({ context, baseURL }) => {
  await setNow(context, baseURL!, AT);
});

test("a candidate writes, gets a number and the due date, then follows and answers through the private link @phone", async ({ page }) => {
  // A multi-page scenario: several sign-ins and pages on a 2-core machine.
  test.slow();
  await page.goto("/services/ca-dotation/candidate");
  await page.getByRole("link", { name: "Écrire au CA-dotation" }).click();
  await expect(page).toHaveURL(new RegExp(`${WRITE}$`));
  await expect(page.getByTestId("due-note")).toContainText("au plus tard le jeudi 9 juillet 2026 à 16 h 30");
  await expectAccessible(page);

  await page.getByRole("combobox", { name: "Sujet de votre question", exact: true }).selectOption("online-systems");
  await page.getByRole("textbox", { name: "Votre nom", exact: true }).fill("Geneviève Tremblay");
  await page.getByRole("textbox", { name: "Votre adresse courriel", exact: true }).fill("genevieve@exemple.ca");
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Mot de passe oublié");
  await page.getByRole("textbox", { name: "Votre question", exact: true }).fill("Je n'arrive plus à me connecter à mon compte Emplois en ligne.");
  await page.getByRole("button", { name: "Envoyer ma question" }).click();

  await expect(page).toHaveURL(/\/suivi\/[A-Za-z0-9_-]{43}\?nouvelle=1$/);
  const confirmation = page.getByTestId("confirmation");
  await expect(confirmation).toContainText(/Votre numéro de demande est CAD-2026-\d{6}\./);
  await expect(confirmation).toContainText("au plus tard le jeudi 9 juillet 2026 à 16 h 30");
  await expect(page.getByTestId("thread")).toContainText("Je n'arrive plus à me connecter");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  // The private link, opened again later, and an answer back.
  const link = page.url().replace("?nouvelle=1", "");
  await page.goto(link);
  await expect(page.getByTestId("confirmation")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Votre message", exact: true }).fill("Précision : le message d'erreur parle d'un compte verrouillé.");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByText("Votre message a été ajouté à la demande.")).toBeVisible();
  await expect(page.getByTestId("thread").getByRole("listitem")).toHaveCount(2);
});

test("invalid input shows French field-level messages, keeps what was typed, and stores nothing", async ({ page }) => {
  await page.goto(WRITE);
  await page.getByRole("combobox", { name: "Sujet de votre question", exact: true }).selectOption("qualification-process");
  await page.getByRole("textbox", { name: "Votre nom", exact: true }).fill("Jean Roy");
  await page.getByRole("textbox", { name: "Votre adresse courriel", exact: true }).fill("jean.roy@");
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Qu");
  await page.getByRole("textbox", { name: "Votre question", exact: true }).fill("Une question sur les examens de qualification.");
  await page.getByRole("button", { name: "Envoyer ma question" }).click();

  await expect(page.getByRole("alert").first()).toContainText("Votre question n'a pas été envoyée");
  await expect(page.locator("#email-error")).toHaveText("Inscrivez une adresse courriel valide, p. ex. nom@exemple.ca.");
  await expect(page.locator("#subject-error")).toHaveText("L'objet doit compter de 3 à 150 caractères.");
  await expect(page.getByRole("textbox", { name: "Votre adresse courriel", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Votre question", exact: true })).toHaveValue("Une question sur les examens de qualification.");
  await expect(page.getByRole("textbox", { name: "Votre nom", exact: true })).toHaveValue("Jean Roy");
  await expect(page.getByRole("combobox", { name: "Sujet de votre question", exact: true })).toHaveValue("qualification-process");
  await expect(page).toHaveURL(new RegExp(`${WRITE}$`));
  await expectAccessible(page);
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const stored = await client.query("SELECT count(*)::int AS n FROM request WHERE requester_email = 'jean.roy@'");
    expect(stored.rows[0].n).toBe(0);
  } finally {
    await client.end();
  }
});

test("a question about one's own file is sent to the phone line before anything is typed", async ({ page }) => {
  await page.goto(WRITE);
  await page.getByRole("combobox", { name: "Sujet de votre question", exact: true }).selectOption("my-candidate-file");
  const guard = page.getByTestId("guard-nominative");
  await expect(guard).toContainText("Cette question doit se régler par téléphone");
  await expect(guard).toContainText("418 528-7157");
  await expect(guard).toContainText("1 866 672-3460");
  await expect(guard).toContainText("Ouvert — ferme aujourd'hui à 16 h 30");
  await expect(page.getByRole("textbox", { name: "Votre question", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Envoyer ma question" })).toHaveCount(0);
  await expectAccessible(page);
});

test("out-of-mandate topics are redirected, not accepted", async ({ page }) => {
  await page.goto(WRITE);
  await page.getByRole("combobox", { name: "Sujet de votre question", exact: true }).selectOption("my-employee-file");
  await expect(page.getByTestId("guard-out-of-scope")).toContainText("direction des ressources humaines");
  await page.getByRole("combobox", { name: "Sujet de votre question", exact: true }).selectOption("job-posting");
  await expect(page.getByTestId("guard-out-of-scope")).toContainText("ministère ou l'organisme responsable");
  await expect(page.getByRole("button", { name: "Envoyer ma question" })).toHaveCount(0);
});

test("without JavaScript the server enforces the guard and keeps the text", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await setNow(context, baseURL!, AT);
  const page = await context.newPage();
  await page.goto(WRITE);
  await page.getByRole("combobox", { name: "Sujet de votre question", exact: true }).selectOption("job-posting");
  await page.getByRole("textbox", { name: "Votre nom", exact: true }).fill("Jean Roy");
  await page.getByRole("textbox", { name: "Votre adresse courriel", exact: true }).fill("jean.roy@exemple.ca");
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Suivi de mon dossier");
  await page.getByRole("textbox", { name: "Votre question", exact: true }).fill("Où en est mon dossier dans l'appel de candidatures 123?");
  await page.getByRole("button", { name: "Envoyer ma question" }).click();
  await expect(page.getByTestId("refusal")).toContainText("ministère ou l'organisme responsable");
  await context.close();
});

test("English form", async ({ page }) => {
  await page.goto(`/en${WRITE}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write to CA-dotation");
  await expect(page.getByTestId("due-note")).toContainText("by Thursday, July 9, 2026 at 4:30 p.m. at the latest");
  await expectAccessible(page);
});

test("a tracking link that does not exist is a 404", async ({ page }) => {
  const response = await page.goto(`/suivi/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);
});
