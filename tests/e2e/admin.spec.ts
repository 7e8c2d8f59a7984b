// Administration in Chromium. /admin/organisations: a new MO adhered to SAGIR, refused at the
// dates of SAGIR's prerequisites first (nothing typed lost), with its emergency number and a
// « responsable sectoriel »; then the pilot named for it. /admin/personnel: an agent of SAGIR
// invited (the link by e-mail, shown once), who reaches SAGIR's queue; disabled, their session
// ends. axe on each page; no overflow at 390 px.
import pg from "pg";
import { expect, test, e2eDatabaseUrl, expectAccessible, expectNoHorizontalScroll, signIn, signInToSpace } from "./support";

test.describe.configure({ timeout: 180_000 });

test("the admin invites an agent of SAGIR, who signs in and works in SAGIR's queue", async ({ page, browser }) => {
  const email = `agente.${Date.now()}@cspq.exemple.qc.ca`;
  const password = "une phrase de passe assez longue";
  await signInToSpace(page, "admin@cspq.exemple.qc.ca");
  await page.getByTestId("staff-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Personnel et pilotes");
  const accounts = page.getByTestId("staff-accounts");
  await expect(accounts).toContainText("agent.dotation@cspq.exemple.qc.ca");
  await expect(accounts).toContainText("pilote@mfq.exemple.qc.ca");
  await expect(accounts).not.toContainText("specialiste@mfq.exemple.qc.ca");
  await expectAccessible(page);

  const invite = page.getByTestId("staff-invite-form");
  await invite.getByLabel("Nom").fill("Agnès Tremblay");
  await invite.getByLabel("Adresse courriel").fill(email);
  await invite.getByLabel("Rôle").selectOption("agent");
  await invite.getByRole("button", { name: "Inviter" }).click();
  await expect(page.locator("#services-error")).toHaveText("Cochez au moins un centre où cette personne travaille.");
  await expect(invite.getByLabel("Nom")).toHaveValue("Agnès Tremblay");
  await expectAccessible(page);
  await invite.getByRole("checkbox", { name: /SAGIR/ }).check();
  await invite.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByTestId("invitation")).toContainText("Agnès Tremblay");
  const link = await page.getByLabel("Le même lien, à transmettre vous-même au besoin").inputValue();
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ body: string }>("SELECT o.body FROM email_outbox o JOIN app_user u ON u.id = o.user_id WHERE u.email = $1 AND o.kind = 'invitation'", [email]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toContain(link.slice(link.indexOf("/invitation/")));
  } finally {
    await client.end();
  }
  await expect(page.getByTestId(`staff-${email}`)).toContainText("Invitation en attente");

  const person = await (await browser.newContext()).newPage();
  await person.goto(link);
  await person.locator("#password").fill(password);
  await person.locator("#confirmation").fill(password);
  await person.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(person).toHaveURL(/\/connexion\?invitation=1$/);
  await signIn(person, email, password);
  await expect(person).toHaveURL(/\/espace$/);
  await person.goto("/console/sagir");
  await expect(person.getByRole("heading", { level: 1 })).toContainText("SAGIR");
  expect((await person.goto("/console/ca-dotation"))?.status()).toBe(404);

  // The admin disables the account: the agent's session ends at once.
  await page.reload();
  const row = page.getByRole("form", { name: "Agnès Tremblay" });
  await row.getByLabel("Compte actif").uncheck();
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row.getByText("Modifications enregistrées.")).toBeVisible();
  await person.goto("/console/sagir");
  await expect(person).toHaveURL(/\/connexion/);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expectNoHorizontalScroll(page);
});

test("a manager does not reach /admin/personnel", async ({ page }) => {
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await expect(page.getByTestId("staff-link")).toHaveCount(0);
  const response = await page.goto("/admin/personnel");
  expect(response?.status()).toBe(404);
});

test("the admin records an MO adhered to SAGIR, with its emergency number and a sector contact, and names its pilot", async ({ page }) => {
  const code = `T${Date.now().toString(36).slice(-6).toUpperCase()}`;
  const name = `Ministère de l'Essai ${code}`;
  await signInToSpace(page, "admin@cspq.exemple.qc.ca");
  await page.getByTestId("organizations-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ministères et organismes");
  await expect(page.getByTestId("organization-MFQ")).toContainText("depuis le");
  await expectAccessible(page);
  await page.getByTestId("new-organization").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle organisation");
  const form = page.getByTestId("organization-form");
  await form.getByRole("textbox", { name: "Nom", exact: true }).fill(name);
  await form.getByLabel("Sigle").fill(code.toLowerCase());
  await form.getByLabel("Domaines courriel").fill("essai.gouv.qc.ca");
  await form.getByLabel("Numéro d'urgence du CA-dotation").fill("418 555-0909");
  await form.getByRole("checkbox", { name: /dotation/ }).check();
  await form.getByRole("checkbox", { name: /SAGIR/ }).check();
  await form.getByRole("button", { name: "Ajouter un responsable" }).click();
  await form.getByLabel("Responsable 1 — nom").fill("Lise Côté");
  await form.getByLabel("Responsable 1 — courriel").fill("lise.cote@cspq.exemple.qc.ca");
  await form.getByRole("button", { name: "Enregistrer l'organisation" }).click();
  // SAGIR without its prerequisites' dates: refused at those two fields; what was typed stays.
  await expect(page.locator("#sagirImplementedOn-error")).toContainText("implanté SAGIR");
  await expect(page.locator("#sagirAdheredOn-error")).toContainText("implanté SAGIR");
  await expect(form.getByRole("textbox", { name: "Nom", exact: true })).toHaveValue(name);
  await expect(form.getByLabel("Responsable 1 — nom")).toHaveValue("Lise Côté");
  await expectAccessible(page);
  await form.getByLabel("Date d'implantation de SAGIR").fill("2026-01-05");
  await form.getByLabel("Date d'adhésion aux services SAGIR").fill("2026-02-02");
  await form.getByRole("button", { name: "Enregistrer l'organisation" }).click();
  await expect(page.getByTestId("organization-saved")).toHaveText(`Organisation enregistrée : ${name}.`);
  const row = page.getByTestId(`organization-${code}`);
  await expect(row).toContainText("418 555-0909");
  await expect(row).toContainText("Lise Côté");
  await expect(row).toContainText("depuis le lundi 2 février 2026");

  // Its pilot, named by the admin (who then invites the MO's people).
  await page.goto("/admin/personnel");
  const invite = page.getByTestId("staff-invite-form");
  await invite.getByLabel("Nom").fill(`Pilote ${code}`);
  await invite.getByLabel("Adresse courriel").fill(`pilote@${code.toLowerCase()}.exemple.qc.ca`);
  await invite.getByLabel("Rôle").selectOption("mo_pilot");
  await invite.getByRole("combobox", { name: /Organisation/ }).selectOption({ label: name });
  await invite.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByTestId("invitation")).toContainText(`Pilote ${code}`);
  await expect(page.getByTestId(`staff-pilote@${code.toLowerCase()}.exemple.qc.ca`)).toContainText(name);

  // The MO's form, read back; on a phone nothing is wider than the screen.
  await page.goto("/admin/organisations");
  await page.getByRole("link", { name }).click();
  await expect(page.getByTestId("organization-form").getByLabel("Sigle")).toHaveValue(code);
  await expect(page.getByTestId("organization-form").getByLabel("Date d'adhésion aux services SAGIR")).toHaveValue("2026-02-02");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
});

test("a manager edits SAGIR's canned replies: an unknown placeholder refused at its field, the preview filled from the catalogue; the agent is offered the new one", async ({ page, browser }) => {
  const title = `Accès au portail ${Date.now().toString(36)}`;
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.getByTestId("canned-replies-link").click();
  // On its page (/espace has SAGIR links too: « Facturation SAGIR »).
  // (/gestion/reponses opens its first service's page.)
  await expect(page).toHaveURL(/\/gestion\/reponses(\/|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Réponses préparées — ");
  await page.getByRole("link", { name: /SAGIR/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Réponses préparées — ");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SAGIR");
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Nouvelle réponse préparée" });
  await form.getByLabel("Titre (français)").fill(title);
  await form.getByLabel("Titre (anglais)").fill("Portal access");
  await form.getByLabel("Texte (français)").fill("Bonjour {nom}, votre requête {numero} : appelez-nous au {telephones}, {heures}.");
  await form.getByLabel("Texte (anglais)").fill("Hello, your request {numero}: call us at {telephones}, {heures}.");
  await form.getByRole("button", { name: "Ajouter la réponse" }).click();
  await expect(form.getByLabel("Texte (français)")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("espace réservé inconnu");
  await expect(form.getByLabel("Titre (français)")).toHaveValue(title);
  await form.getByLabel("Texte (français)").fill("Bonjour, votre requête {numero} : appelez-nous au {telephones}, {heures}.");
  await form.getByRole("button", { name: "Ajouter la réponse" }).click();
  const added = page.getByTestId("canned-reply").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(added).toHaveCount(1);
  await added.getByText(/^Aperçu tel qu'inséré/).click();
  await expect(added.getByTestId("preview-fr")).toContainText("votre requête SAG-2026-000123 : appelez-nous au");
  await expect(added.getByTestId("preview-fr")).not.toContainText("{");
  await expectAccessible(page);

  // The agent of SAGIR is offered it on a request (one a SAGIR user of the MFQ submits).
  const user = await (await browser.newContext()).newPage();
  await signInToSpace(user, "sagir@mfq.exemple.qc.ca");
  const created = await user.request.post("/api/v1/requests", {
    data: { form: "sagir", type: "specialised", domain: "RF", subject: `Accès au portail ${title}`, description: "Je n'arrive pas à accéder au portail SAGIR depuis ce matin." },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();
  const agent = await (await browser.newContext()).newPage();
  await signInToSpace(agent, "agent.sagir@cspq.exemple.qc.ca");
  await agent.goto(`/console/requetes/${number}`);
  await expect(agent.locator("#reply-canned")).toContainText(title);
});
