import { expect, test, expectAccessible, setNow, signInToSpace } from "./support";

// Tuesday 23 June 2026, 15:00: the 48-hour first reply is due Friday 26 June at 15:00.
const AT = "2026-06-23T15:00:00-04:00";



test.beforeEach(async ({ context, baseURL }) => {
  await setNow(context, baseURL!, AT);
});

test("an MO specialist submits the Formulaire de requête dotation, sees it in the MO's list, and another MO cannot open it", async ({
  page,
  browser,
  baseURL,
}) => {
  // A multi-page scenario: several sign-ins and pages on a 2-core machine.
  test.slow();
  await signInToSpace(page, "specialiste@mfq.exemple.qc.ca");
  await page.getByRole("link", { name: "Soumettre une requête dotation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formulaire de requête dotation");
  await expect(page.getByText("numéro d'urgence de votre organisation : 418 555-0101")).toBeVisible();
  await expectAccessible(page);

  // Invalid first: field-level French messages, values kept.
  await page.getByRole("combobox", { name: "Fonction concernée" }).selectOption("postings");
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill("Affichage bloqué");
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("Trop court");
  await page.getByRole("textbox", { name: "Téléphone pour vous joindre" }).fill("abc");
  await page.getByRole("button", { name: "Soumettre la requête" }).click();
  await expect(page.locator("#nature-error")).toHaveText("Faites un choix dans la liste.");
  await expect(page.locator("#contactPhone-error")).toContainText("numéro de téléphone valide");
  await expect(page.getByRole("textbox", { name: "Objet", exact: true })).toHaveValue("Affichage bloqué");
  await expect(page.getByRole("combobox", { name: "Fonction concernée" })).toHaveValue("postings");

  await page.getByRole("combobox", { name: "Nature de la requête" }).selectOption("malfunction");
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("L'appel de candidatures 2026-123 ne s'affiche pas dans Emplois en ligne.");
  await page.getByRole("textbox", { name: "Téléphone pour vous joindre" }).fill("418 555-0123, poste 45");
  await page.getByLabel("Cette requête est urgente").check();
  await page.getByRole("button", { name: "Soumettre la requête" }).click();

  await expect(page).toHaveURL(/\/dotation\/requetes\/CAD-2026-\d{6}\?nouvelle=1$/);
  await expect(page.getByTestId("confirmation")).toContainText("au plus tard le vendredi 26 juin 2026 à 15 h");
  const number = page.url().match(/CAD-2026-\d{6}/)![0];
  await expectAccessible(page);

  await page.getByRole("link", { name: "Requêtes dotation de mon organisation" }).click();
  await expect(page.getByTestId("mo-requests")).toContainText(number);
  await expect(page.getByTestId("mo-requests")).toContainText("Urgente");

  const other = await browser.newContext();
  await setNow(other, baseURL!, AT);
  const otherPage = await other.newPage();
  await signInToSpace(otherPage, "specialiste@mcc.exemple.qc.ca");
  const response = await otherPage.goto(`/dotation/requetes/${number}`);
  expect(response?.status()).toBe(404);
  await otherPage.goto("/dotation/requetes");
  await expect(otherPage.getByText(number)).toHaveCount(0);
  await other.close();
});

test("staff and SAGIR users get no staffing request form", async ({ page }) => {
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await page.goto("/dotation/nouvelle-requete");
  await expect(page.getByTestId("refusal")).toBeVisible();
  await expect(page.getByTestId("mo-request-form")).toHaveCount(0);
});

test("signed out, the form sends to sign-in", async ({ page }) => {
  await page.goto("/dotation/nouvelle-requete");
  await expect(page).toHaveURL(/\/connexion$/);
});

test("the MO's list: search, status filter, and « Nouvelle réponse » until the specialist opens the reply", async ({ page, browser, baseURL }) => {
  test.slow();
  const word = `recherche${Date.now().toString(36)}`;
  await signInToSpace(page, "specialiste@mfq.exemple.qc.ca");
  const created = await page.request.post("/api/v1/requests", {
    data: { form: "dotation", function: "reports", nature: "how-to", subject: `Rapport ${word}`, description: "Comment produire le rapport mensuel des affichages ?", urgent: false },
  });
  expect(created.status()).toBe(201);
  const number = (await created.json()).number as string;

  // The centre answers.
  const agent = await browser.newContext({ baseURL });
  await setNow(agent, baseURL!, AT);
  const agentPage = await agent.newPage();
  await signInToSpace(agentPage, "agent.dotation@cspq.exemple.qc.ca");
  await agentPage.goto(`/console/requetes/${number}`);
  await agentPage.getByLabel("Type de réponse").selectOption("answer");
  await agentPage.getByLabel("Message").fill("Voici comment produire le rapport : menu Rapports, puis Affichages.");
  await agentPage.getByRole("button", { name: "Envoyer" }).click();
  await expect(agentPage.getByTestId("thread")).toContainText("menu Rapports");
  await agent.close();

  await page.goto("/dotation/requetes");
  await page.getByLabel("Rechercher (numéro ou mots de l'objet)").fill(word.toUpperCase());
  await page.getByRole("button", { name: "Rechercher" }).click();
  const rows = page.getByTestId("mo-requests").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(number);
  await expect(rows.first().getByTestId("new-reply")).toHaveText("Nouvelle réponse");
  await expectAccessible(page);
  // A status it is not in: nothing, said so.
  await page.getByLabel("État", { exact: true }).selectOption("closed");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByText("Aucune requête ne correspond à cette recherche.")).toBeVisible();
  // Read: the marker is gone.
  await page.goto(`/dotation/requetes/${number}`);
  await expect(page.getByText("menu Rapports")).toBeVisible();
  await page.goto(`/dotation/requetes?q=${number.toLowerCase()}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("new-reply")).toHaveCount(0);
});
