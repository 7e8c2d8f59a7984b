// Communiqués in Chromium: a SAGIR agent sends a DGGIR communiqué with a PDF to the HR group of the
// organizations that adhered to SAGIR (the pilot put Julie in that group); Julie sees it unread,
// opens it (the agent's figures count her read), downloads the PDF, asks a question, which the agent
// answers from the communiqué's page (a second agent approves it: SAGIR reviews resolutions), on
// time; a SAGIR user of her MO outside the HR group, and one of an MO that has not adhered, get
// "not found". A pilot writes their MO's communiqué and submits it; an agent forwards it as is: the
// fingerprint the pilot saw is the one the people reached see. (The e-mail copy is captured in
// email.spec.ts, which owns the SMTP sink.)
import type { Page } from "@playwright/test";
import { expect, test, expectAccessible, expectNoHorizontalScroll, signInToSpace, sql } from "./support";

test.describe.configure({ timeout: 120_000 });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const HR = "Responsabilités spécialisées RH (ressources humaines)";

/** Runs the communiqués' and notifications' cycle once (the e2e server has no background worker). */
async function deliver(page: Page): Promise<void> {
  expect((await page.request.post("/api/test/notification-cycle")).status()).toBe(200);
}

test("a DGGIR communiqué reaches the HR group of adhered MOs: read, downloaded, asked about, answered; others get « not found »", async ({ browser, baseURL }) => {
  const tag = Date.now().toString(36);
  const title = `Paie rétroactive ${tag}`;

  // The pilot of the MFQ puts Julie in the HR group.
  const pilot = await (await browser.newContext({ baseURL })).newPage();
  await signInToSpace(pilot, "pilote@mfq.exemple.qc.ca");
  await pilot.goto("/pilote/utilisateurs");
  const julie = pilot.getByTestId("members").locator("li", { hasText: "Julie Pelletier" });
  await julie.getByTestId("member-groups").locator("summary").click();
  const hr = julie.getByLabel(HR);
  if (!(await hr.isChecked())) await hr.check();
  await julie.getByRole("button", { name: "Enregistrer les groupes" }).click();
  await expect(julie.getByText("Groupes enregistrés.")).toBeVisible();
  await expectAccessible(pilot);

  // The agent writes the communiqué, sees whom it would reach, sends it.
  const agent = await (await browser.newContext({ baseURL })).newPage();
  await signInToSpace(agent, "agent.sagir@cspq.exemple.qc.ca");
  await agent.goto("/communiques");
  await agent.getByTestId("new-communique-sagir").click();
  await agent.getByLabel("Titre (français)").fill(title);
  await agent.getByLabel("Texte (français)").fill("La **paie rétroactive** est offerte dès lundi.\n\n- Consultez l'avis joint\n- <script>alert(1)</script> reste du texte");
  await agent.getByLabel("Organisations", { exact: true }).selectOption("adhered");
  await agent.getByLabel(HR).check();
  await agent.locator("input[type=file]").setInputFiles({ name: "avis.pdf", mimeType: "application/pdf", buffer: PDF });
  await expectAccessible(agent);
  await agent.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(agent).toHaveURL(/\/communiques\/[0-9a-f-]{36}$/);
  const url = new URL(agent.url()).pathname;
  await expect(agent.getByTestId("communique-status")).toHaveText("Brouillon");
  await expect(agent.getByTestId("audience-groups")).toHaveText(HR);
  const reach = Number(await agent.getByTestId("reach").getAttribute("data-count"));
  expect(reach).toBeGreaterThanOrEqual(1);
  await expectAccessible(agent);
  await agent.getByRole("button", { name: "Envoyer", exact: true }).click();
  await agent.getByRole("button", { name: "Confirmer" }).click();
  await expect(agent.getByTestId("done-notice")).toContainText(/Communiqué COM-SAG-\d{4}-\d{3} envoyé/);
  const number = (await agent.getByTestId("communique-number").textContent())!;
  await expect(agent.getByTestId("communique-status")).toHaveText("Envoyé");
  // The author's markup is text: the body shows the tag, the page runs nothing.
  await expect(agent.getByTestId("communique-body")).toContainText("<script>alert(1)</script> reste du texte");
  await expect(agent.getByTestId("communique-body").locator("strong")).toHaveText("paie rétroactive");
  const fingerprint = await agent.getByTestId("fingerprint").getAttribute("data-value");
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  // A sent communiqué does not change: no edit, only a correction by a new one.
  await expect(agent.getByTestId("edit-communique")).toHaveCount(0);
  await expect(agent.getByRole("button", { name: "Corriger par un nouveau communiqué" })).toBeVisible();
  await deliver(agent);
  await agent.reload();
  await expect(agent.getByTestId("reach")).toHaveAttribute("data-count", String(reach));
  await expect(agent.getByTestId("figure-reached")).toHaveText(String(reach));
  await expect(agent.getByTestId("figure-read")).toHaveText("0");

  // Julie: unread in the header and the list; opening it is her read receipt.
  const reader = await (await browser.newContext({ baseURL })).newPage();
  await signInToSpace(reader, "sagir@mfq.exemple.qc.ca");
  await expect(reader.getByTestId("communiques-unread")).toBeVisible();
  // Her space lists her latest communiqués, this one first and unread.
  await reader.goto("/espace");
  const recent = reader.getByTestId("space-recent-communiques").locator("li", { hasText: title });
  await expect(recent).toHaveAttribute("data-read", "false");
  await expect(recent).toContainText("Non lu");
  await reader.getByTestId("communiques-link").click();
  const row = reader.getByTestId("received-row").filter({ hasText: title });
  await expect(row).toHaveAttribute("data-read", "false");
  await expect(row).toContainText(number);
  await expectAccessible(reader);
  await row.getByRole("link", { name: title }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByTestId("communique-number")).toHaveText(number);
  await expect(reader.getByTestId("fingerprint")).toHaveAttribute("data-value", fingerprint!);
  // The people reached see the text, not the audience nor the figures.
  await expect(reader.getByTestId("reach")).toHaveCount(0);
  await expect(reader.getByTestId("communique-figures")).toHaveCount(0);
  const file = await reader.request.get((await reader.getByTestId("communique-files").getByRole("link", { name: "avis.pdf" }).getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toContain("attachment");
  expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
  await expectAccessible(reader);
  await reader.goto("/communiques");
  await expect(reader.getByTestId("received-row").filter({ hasText: title })).toHaveAttribute("data-read", "true");
  await reader.goto("/espace");
  await expect(reader.getByTestId("space-recent-communiques").locator("li", { hasText: title })).toHaveAttribute("data-read", "true");

  // Her question is a request to the SAGIR centre, linked to the communiqué.
  await reader.goto(url);
  const question = `Les ajustements rétroactifs de 2025 sont-ils couverts ? ${tag}`;
  await reader.getByLabel("Votre question").fill(question);
  await reader.getByRole("button", { name: "Envoyer ma question" }).click();
  await expect(reader.getByTestId("form-notice")).toContainText(/Question envoyée : requête SAG-\d{4}-\d{6}/);
  const questionNumber = /SAG-\d{4}-\d{6}/.exec((await reader.getByTestId("form-notice").textContent())!)![0];
  const [stored] = await sql<{ subject: string; communique: string }>("SELECT r.subject, c.number AS communique FROM request r JOIN communique c ON c.id = r.communique_id WHERE r.number = $1", [questionNumber]);
  expect(stored).toEqual({ subject: `Question sur ${number} — ${title}`, communique: number });

  // The agent sees her read and her question, and answers it from the communiqué's page.
  await agent.reload();
  await expect(agent.getByTestId("figure-read")).toHaveText("1");
  await expect(agent.getByTestId("figure-questions")).toHaveText("1");
  await expect(agent.getByLabel(new RegExp(questionNumber))).toBeChecked();
  await agent.getByLabel("Réponse", { exact: true }).fill("Oui : les ajustements de 2025 sont couverts par la nouvelle fonction.");
  await agent.getByRole("button", { name: "Envoyer la réponse" }).click();
  // SAGIR's answers that resolve go through a second agent's review first (the centre's setting).
  await expect(agent.getByTestId("form-notice")).toContainText("1 réponse soumise à la révision d'un second agent avant l'envoi.");
  await expectAccessible(agent);
  // A second SAGIR agent approves it: Julie's request is answered and resolved, within its target.
  const reviewerEmail = `revision.com.${tag}@cspq.exemple.qc.ca`;
  await sql(`INSERT INTO app_user (id, email, name, password_hash, role) SELECT gen_random_uuid(), $1, 'Lucie Gagnon', password_hash, 'agent' FROM app_user WHERE email = 'agent.sagir@cspq.exemple.qc.ca'`, [reviewerEmail]);
  await sql(`INSERT INTO user_service (user_id, service_id) SELECT id, 'sagir' FROM app_user WHERE email = $1`, [reviewerEmail]);
  const reviewer = await (await browser.newContext({ baseURL })).newPage();
  await signInToSpace(reviewer, reviewerEmail);
  await reviewer.goto(`/console/requetes/${questionNumber}`);
  await reviewer.getByRole("region", { name: "Révision de la réponse" }).getByRole("button", { name: "Approuver et envoyer" }).click();
  await expect(reviewer.getByTestId("status")).toHaveText("Réglée");
  await agent.reload();
  await expect(agent.getByTestId("figure-answered")).toHaveText("1");
  await expect(agent.getByTestId("figure-answeredOnTime")).toHaveText("1");
  await reader.goto(`/sagir/requetes/${questionNumber}`);
  await expect(reader.getByText("Oui : les ajustements de 2025 sont couverts par la nouvelle fonction.")).toBeVisible();

  // A SAGIR user of the same MO outside the HR group, and one of an MO that has not adhered: not reached, not found.
  const fileUrl = (await agent.getByTestId("communique-files").getByRole("link", { name: "avis.pdf" }).getAttribute("href"))!;
  const outsideGroups = `sagir.rf.${tag}@mfq.exemple.qc.ca`;
  await sql(
    `INSERT INTO app_user (id, email, name, password_hash, role, organization_id) SELECT gen_random_uuid(), $1, 'Paul Lévesque', password_hash, 'sagir_user', organization_id FROM app_user WHERE email = 'sagir@mfq.exemple.qc.ca'`,
    [outsideGroups],
  );
  await sql(`INSERT INTO user_service (user_id, service_id) SELECT id, 'sagir' FROM app_user WHERE email = $1`, [outsideGroups]);
  await sql(`INSERT INTO user_sagir_group (user_id, group_id) SELECT id, 'rf' FROM app_user WHERE email = $1`, [outsideGroups]);
  for (const email of [outsideGroups, "sagir@mcc.exemple.qc.ca"]) {
    const outsider = await (await browser.newContext({ baseURL })).newPage();
    await signInToSpace(outsider, email);
    expect((await outsider.goto(url))!.status()).toBe(404);
    await outsider.goto("/communiques");
    await expect(outsider.getByRole("heading", { level: 1 })).toHaveText("Communiqués");
    await expect(outsider.getByTestId("received-row").filter({ hasText: title })).toHaveCount(0);
    expect((await outsider.request.get(fileUrl)).status()).toBe(404);
    await outsider.context().close();
  }
});

test("a pilot's communiqué is submitted, forwarded as is by an agent: the same fingerprint from writing to reading", async ({ browser, baseURL }) => {
  const tag = Date.now().toString(36);
  const title = `Fermeture du module Absences au MFQ ${tag}`;
  const pilot = await (await browser.newContext({ baseURL })).newPage();
  await signInToSpace(pilot, "pilote@mfq.exemple.qc.ca");
  await pilot.goto("/communiques");
  await pilot.getByTestId("new-communique-sagir").click();
  await expect(pilot.getByTestId("pilot-organization")).toContainText("Ministère des Finances");
  // Refused at the field, nothing lost: the title is required.
  await pilot.getByLabel("Texte (français)").fill("Le module Absences sera fermé vendredi de 18 h à 20 h.");
  await pilot.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(pilot.locator("#titleFr-error")).toBeVisible();
  await expect(pilot.getByLabel("Texte (français)")).toHaveValue("Le module Absences sera fermé vendredi de 18 h à 20 h.");
  await pilot.getByLabel("Titre (français)").fill(title);
  await pilot.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(pilot).toHaveURL(/\/communiques\/[0-9a-f-]{36}$/);
  const url = new URL(pilot.url()).pathname;
  await pilot.getByRole("button", { name: "Soumettre au Centre d'assistance SAGIR" }).click();
  await pilot.getByRole("button", { name: "Confirmer" }).click();
  await expect(pilot.getByTestId("done-notice")).toContainText("Communiqué soumis au Centre d'assistance SAGIR");
  await expect(pilot.getByTestId("communique-status")).toHaveText("Soumis au centre");
  const submitted = await pilot.getByTestId("fingerprint").getAttribute("data-value");
  expect(submitted).toMatch(/^[0-9a-f]{64}$/);
  await expectAccessible(pilot);

  const agent = await (await browser.newContext({ baseURL })).newPage();
  await signInToSpace(agent, "agent.sagir@cspq.exemple.qc.ca");
  await agent.goto("/communiques");
  await agent.getByTestId("desk-row").filter({ hasText: title }).getByRole("link").first().click();
  await expect(agent.getByTestId("communique-from")).toContainText("Ministère des Finances");
  await expect(agent.getByTestId("fingerprint")).toHaveAttribute("data-value", submitted!);
  await agent.getByRole("button", { name: "Acheminer tel quel" }).click();
  await agent.getByRole("button", { name: "Confirmer" }).click();
  await expect(agent.getByTestId("done-notice")).toContainText(/Communiqué COM-SAG-\d{4}-\d{3} envoyé/);
  await expect(agent.getByTestId("fingerprint")).toHaveAttribute("data-value", submitted!);
  await deliver(agent);

  const reader = await (await browser.newContext({ baseURL })).newPage();
  await signInToSpace(reader, "sagir@mfq.exemple.qc.ca");
  await reader.goto(url);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByTestId("communique-from")).toContainText("Ministère des Finances");
  await expect(reader.getByTestId("fingerprint")).toHaveAttribute("data-value", submitted!);
  // The pilot sees it sent, as forwarded by the agent.
  await pilot.reload();
  await expect(pilot.getByTestId("communique-status")).toHaveText("Envoyé");
});

test("@phone a communiqué is written, sent and read on a phone: nothing wider than the screen", async ({ page, browser, baseURL }) => {
  const title = `Maintenance SAGIR samedi ${Date.now().toString(36)}`;
  await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
  await page.goto("/communiques/nouveau?service=sagir");
  await page.getByLabel("Titre (français)").fill(title);
  await page.getByLabel("Texte (français)").fill("SAGIR sera indisponible samedi de 8 h à 12 h.");
  await page.getByLabel("Organisations", { exact: true }).selectOption("adhered");
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page).toHaveURL(/\/communiques\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByTestId("done-notice")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await deliver(page);
  const url = new URL(page.url()).pathname;

  const reader = await (await browser.newContext({ ...test.info().project.use, baseURL })).newPage();
  await signInToSpace(reader, "sagir@mfq.exemple.qc.ca");
  await reader.goto("/communiques");
  await expect(reader.getByTestId("received-row").filter({ hasText: title })).toBeVisible();
  await expectNoHorizontalScroll(reader);
  await reader.goto(url);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByTestId("fingerprint")).toBeVisible();
  await expectNoHorizontalScroll(reader);
  await expectAccessible(reader);
});
