// The agent console in Chromium: an agent signs in, logs a SAGIR e-mail and takes it in charge
// (its target turns met), filters the queue, sends an avis de délai on a candidate inquiry (target
// met, promise tracked), logs a call answered in 6 minutes (5-minute target breached), validates
// a caller's identity before answering (audit entry present for the manager), merges a duplicate,
// finds a request by a French word with and without accents, and opens the shortcuts with "?".
import { type Page } from "@playwright/test";
import { expect, test, expectAccessible, expectNoHorizontalScroll, setNow, signInToSpace } from "./support";

// Monday 23 November 2026, 10:30 in Québec.
const NOW = "2026-11-23T15:30:00.000Z";
// Long scenarios (a dozen pages each): 30 s is too short when CI runs two workers on two cores.
test.describe.configure({ timeout: 120_000 });
const unique = () => Math.random().toString(36).slice(2, 8);

async function postInquiry(page: Page, subject: string, message: string): Promise<string> {
  const response = await page.request.post("/api/v1/inquiries", {
    data: { name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject, topic: "online-systems", message },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).number as string;
}

async function logFromForm(page: Page, service: string, fields: Record<string, string>): Promise<void> {
  await page.goto(`/console/${service}/appel`);
  for (const [name, value] of Object.entries(fields)) {
    const control = page.locator(`[name="${name}"]`);
    if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption(value);
    else await control.fill(value);
  }
  await page.getByRole("button", { name: "Journaliser", exact: true }).click();
}

test.beforeEach(async ({ context, baseURL }) => {
  await setNow(context, baseURL!, NOW);
});

test("SAGIR: log an e-mail, filter the queue, take it in charge — its target turns met", async ({ page }) => {
  const subject = `Courriel e2e ${unique()}`;
  await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
  await page.getByTestId("console-link").click();
  await expect(page).toHaveURL(/\/console\/sagir$/);
  await expectAccessible(page);
  await logFromForm(page, "sagir", { channel: "email", audienceId: "sagir-user", receivedAt: "2026-11-23T09:00", type: "access", subject, summary: "Courriel reçu : l'utilisateur ne peut plus ouvrir sa session." });
  const notice = page.getByTestId("form-notice");
  await expect(notice).toContainText(/Requête SAG-2026-\d{6} ouverte\./);
  await expectAccessible(page);
  await notice.getByRole("link").click();
  const target = page.locator('[data-target="sagir-written-take-charge"] [data-testid="time-left"]');
  await expect(target).toHaveAttribute("data-state", "pending");
  // 24 hours of business-day time from Monday 9:00: Tuesday 9:00.
  await expect(page.locator('[data-target="sagir-written-take-charge"]')).toContainText("le mardi 24 novembre 2026 à 9 h");
  await expectAccessible(page);

  // The queue: filter by channel (the select submits itself), the request is there, unassigned.
  await page.getByRole("link", { name: "← Retour à la file" }).click();
  // The queue opens on « Mes requêtes »: the new e-mail is nobody's yet, under « Non attribuées ».
  await expect(page.getByTestId("views").getByRole("link", { name: "Mes requêtes" })).toHaveAttribute("aria-current", "page");
  await expect(page.locator("tr", { hasText: subject })).toHaveCount(0);
  await page.getByTestId("views").getByRole("link", { name: "Non attribuées" }).click();
  await expect(page.locator("tr", { hasText: subject })).toBeVisible();
  // The filters fold away (the list gets the screen); opened, they say how many are in use.
  await expect(page.getByLabel("Canal")).toBeHidden();
  await page.getByTestId("queue-filters-panel").locator("summary").click();
  await page.getByLabel("Canal").selectOption("email");
  await expect(page).toHaveURL(/channel=email/);
  await expect(page.getByTestId("queue-filters-panel")).toContainText("2 actifs");
  // Saved as a view of this agent's, found again by name.
  await page.getByTestId("manage-views").getByText("Enregistrer ou supprimer une vue").click();
  await page.getByLabel("Nom de la vue").fill("Courriels non attribués");
  await page.getByRole("button", { name: "Enregistrer les filtres actuels" }).click();
  await expect(page.getByText("Vue « Courriels non attribués » enregistrée.")).toBeVisible();
  await page.getByTestId("views").getByRole("link", { name: "Mes requêtes" }).click();
  await page.getByTestId("views").getByRole("link", { name: "Courriels non attribués" }).click();
  await expect(page).toHaveURL(/assignee=nobody/);
  await expect(page).toHaveURL(/channel=email/);
  await expect(page.getByTestId("views").getByRole("link", { name: "Courriels non attribués" })).toHaveAttribute("aria-current", "page");
  const row = page.locator("tr", { hasText: subject });
  await expect(row).toContainText("Personne");
  await expect(row.getByTestId("time-left")).toHaveText(/^reste 22 h 30/);
  await row.getByRole("link").click();

  await page.getByRole("button", { name: "Prendre en charge" }).click();
  await expect(target).toHaveAttribute("data-state", "met");
  await expect(target).toHaveText(/^respecté —/);
  await expect(page.getByTestId("assignee")).toContainText("(moi)");
  await expect(page.getByTestId("thread")).toContainText("a été prise en charge par");
  // The side panel's forms show the new values too (they kept « Nouvelle » / « Personne », so
  // « Changer le statut » would have set the request back).
  await expect(page.getByTestId("status")).toHaveText("En traitement");
  await expect(page.locator("#status")).toHaveValue("in_progress");
  await expect(page.locator("#assigneeId option:checked")).toHaveText("Éric Morin");
  await expect(page.locator("#assigneeId")).not.toHaveValue("");

  await page.goto("/console/sagir?assignee=me&state=met&status=all");
  await expect(page.locator("tr", { hasText: subject })).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts")).toBeVisible();
  await expect(page.getByTestId("shortcuts")).toContainText("Journaliser un appel");
});

test("CA-dotation: avis de délai, a call answered in 6 minutes, identity validation, merge, French search", async ({ page, browser, baseURL }) => {
  const tag = unique();
  const delayed = await postInquiry(page, `Formulaire de candidature ${tag}`, "Combien de temps prend le traitement de mon formulaire en ligne?");
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");

  // Avis de délai: the 10-business-day target is met, the promise is tracked.
  await page.goto(`/console/requetes/${delayed}`);
  await page.getByLabel("Type de réponse").selectOption("delay_notice");
  await page.getByLabel("Réponse préparée").selectOption({ label: "Avis de délai" });
  await expect(page.getByLabel("Message")).toHaveValue(new RegExp(`demande \\(${delayed}\\)`));
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByText("Un avis de délai indique la date à laquelle la réponse sera donnée : choisissez-la.")).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveValue(/plus tard le \{date\}/);
  await page.getByLabel("Date promise").fill("2026-12-02");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.locator('[data-target="cad-candidate-reply"] [data-testid="time-left"]')).toHaveAttribute("data-state", "met");
  const promise = page.locator('[data-target="promise-1"]');
  await expect(promise).toContainText("Réponse promise");
  await expect(promise).toContainText("le mercredi 2 décembre 2026 à 16 h 30");
  await expect(promise.getByTestId("time-left")).toHaveAttribute("data-state", "pending");
  await expect(page.getByTestId("thread")).toContainText("au plus tard le mercredi 2 décembre 2026");

  // A candidate call received at 10:00, answered at 10:06: the 5-minute target is breached.
  const caller = `Appel e2e ${tag}`;
  await logFromForm(page, "ca-dotation", {
    channel: "phone",
    audienceId: "candidate",
    receivedAt: "2026-11-23T10:00",
    answeredAt: "2026-11-23T10:06",
    outcome: "request_opened",
    type: "my-candidate-file",
    subject: caller,
    summary: "La candidate demande si elle est admissible au processus.",
    requesterName: "Julie Gagnon",
  });
  await expect(page.getByTestId("form-notice")).toContainText("Délai de réponse dépassé.");
  // A late call is no success: said in a warning box, not a green one.
  await expect(page.getByTestId("form-notice")).toHaveAttribute("data-tone", "warning");
  await page.getByTestId("form-notice").getByRole("link").click();
  await expect(page.locator('[data-target="cad-candidate-phone-answer"] [data-testid="time-left"]')).toHaveAttribute("data-state", "breached");
  await expect(page.locator('[data-target="cad-candidate-phone-answer"] [data-testid="time-left"]')).toHaveText(/^dépassé de 1 min —/);
  await expect(page.locator('[data-target="cad-candidate-reply"] [data-testid="time-left"]')).toHaveAttribute("data-state", "pending");
  const callNumber = (await page.locator("h1").textContent())!.slice(0, 15);

  // Identity: the requester stays masked, the reply form warns, until the validation is recorded.
  await expect(page.getByTestId("requester-masked")).toHaveText("J. G.");
  await expect(page.getByRole("button", { name: "Afficher les coordonnées" })).toHaveCount(0);
  await page.getByLabel("Message").fill("Bonjour, vous êtes admissible au processus de qualification.");
  await expect(page.getByTestId("disclosure-warning")).toBeVisible();
  await page.getByLabel("Comment l'identité a été validée").selectOption("file-questions");
  await page.getByRole("button", { name: "Consigner la validation" }).click();
  await expect(page.getByTestId("identity-done")).toBeVisible();
  await page.getByLabel("Message").fill("Bonjour, vous êtes admissible au processus de qualification.");
  await expect(page.getByTestId("disclosure-warning")).toHaveCount(0);
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("thread")).toContainText("vous êtes admissible");
  await page.getByRole("button", { name: "Afficher les coordonnées" }).click();
  await expect(page.getByTestId("revealed-requester")).toHaveText("Julie Gagnon");
  await expectAccessible(page);

  // Merge a duplicate: its thread shows in the request kept.
  const first = await postInquiry(page, `Problème d'accès ${tag}`, "Je n'arrive pas à ouvrir ma session pour déposer ma candidature.");
  const duplicate = await postInquiry(page, `Problème d'accès (bis) ${tag}`, "Je vous écris de nouveau : ma session ne s'ouvre toujours pas.");
  await page.goto(`/console/requetes/${duplicate}`);
  await page.getByLabel("Numéro de la requête à conserver").fill(first.toLowerCase());
  await page.getByRole("button", { name: "Fusionner" }).click();
  // Irreversible: asked first. « Annuler » changes nothing; « Confirmer » merges.
  const confirm = page.getByTestId("confirm");
  await expect(confirm).toContainText("sera fermée comme doublon");
  await expect(confirm.getByRole("button", { name: "Confirmer" })).toBeFocused();
  await confirm.getByRole("button", { name: "Annuler" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId("merged-into")).toHaveCount(0);
  await page.getByRole("button", { name: "Fusionner" }).click();
  await confirm.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByTestId("merged-into")).toContainText(first);
  await page.getByTestId("merged-into").getByRole("link").click();
  await expect(page.getByTestId("merged-from")).toContainText(duplicate);
  await expect(page.getByTestId("thread")).toContainText("ma session ne s'ouvre toujours pas");
  await expect(page.getByTestId("thread")).toContainText(`de ${duplicate}`);

  // Search by a French word, with and without accents.
  for (const q of ["problème", "probleme", "PROBLEMES"]) {
    await page.goto(`/console/ca-dotation`);
    await page.getByLabel("Rechercher (numéro, demandeur, objet, texte)").fill(`${q} ${tag}`);
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByTestId("queue")).toContainText(first);
  }
  await expectAccessible(page);

  // The manager reads the identity validation in the audit log.
  const manager = await browser.newContext({ baseURL });
  const managerPage = await manager.newPage();
  await signInToSpace(managerPage, "gestionnaire@cspq.exemple.qc.ca");
  await managerPage.goto("/gestion/journal");
  const entry = managerPage.locator("tr", { hasText: callNumber }).filter({ hasText: "Identité validée" });
  await expect(entry).toContainText("Questions sur le dossier");
  await expectAccessible(managerPage);
  // The manager is not an agent: the console is "not found" for them.
  const response = await managerPage.goto("/console/ca-dotation");
  expect(response?.status()).toBe(404);
  await manager.close();
});

test("MO users and candidates cannot reach the console; the phone width has no sideways scroll", async ({ page }) => {
  await signInToSpace(page, "specialiste@mfq.exemple.qc.ca");
  for (const path of ["/console", "/console/ca-dotation", "/console/ca-dotation/appel", "/console/requetes/CAD-2026-000001", "/gestion/journal"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.context().clearCookies();
  const anonymous = await page.goto("/console/ca-dotation");
  expect(anonymous?.url()).toMatch(/\/connexion$/);
  await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
  expect((await page.goto("/console/ca-dotation"))?.status()).toBe(404);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/console/sagir/appel");
  await expectNoHorizontalScroll(page);
});

test("the call form: « Réglé pendant l'appel » hides the fields of a request to open; an e-mail logged shows them again", async ({ page }) => {
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await page.goto("/console/ca-dotation/appel");
  const opens = page.getByTestId("opens-request");
  await page.getByLabel("Moyen", { exact: true }).selectOption("phone");
  await page.getByLabel("Suite", { exact: true }).selectOption("request_opened");
  await expect(opens).toBeVisible();
  await page.getByLabel("Suite", { exact: true }).selectOption("settled");
  await expect(opens).toBeHidden();
  await page.getByLabel("Moyen", { exact: true }).selectOption("email");
  await expect(opens).toBeVisible();
  await page.getByLabel("Moyen", { exact: true }).selectOption("phone");
  await expect(opens).toBeHidden();
  // A call settled and answered in time: said in the green box.
  await page.locator('[name="receivedAt"]').fill("2026-11-23T10:00");
  await page.locator('[name="answeredAt"]').fill("2026-11-23T10:02");
  await page.getByRole("button", { name: "Journaliser", exact: true }).click();
  await expect(page.getByTestId("form-notice")).toContainText("Appel journalisé. Répondu dans le délai.");
  await expect(page.getByTestId("form-notice")).toHaveAttribute("data-tone", "success");
  await expectAccessible(page);
});

test("the queue pages forward and back, keeping its filters", async ({ page }) => {
  const tag = `pagination${unique()}`;
  for (let i = 0; i < 27; i++) await postInquiry(page, `Question ${tag} ${i}`, "Une question parmi d'autres, pour remplir deux pages.");
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/console/ca-dotation?q=${tag}`);
  const rows = page.locator("tbody tr", { hasText: tag });
  await expect(rows).toHaveCount(25);
  // A full day's work on one screen: at 1280×800, at least 15 requests show without scrolling.
  const visible = await rows.evaluateAll((trs) => trs.filter((tr) => tr.getBoundingClientRect().bottom <= window.innerHeight).length);
  expect(visible).toBeGreaterThanOrEqual(15);
  await expect(page.getByRole("link", { name: "Page précédente" })).toHaveCount(0);
  await page.getByRole("link", { name: "Page suivante" }).click();
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`q=${tag}.*after=`));
  await expect(page.getByRole("link", { name: "Page suivante" })).toHaveCount(0);
  await page.getByRole("link", { name: "Page précédente" }).click();
  await expect(rows).toHaveCount(25);
  await expect(page).not.toHaveURL(/after=/);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));

  // A staff page uses the width: at 1280 px the queue is wider than the public pages' column and
  // its last column (« Reçue ») is not cut off.
  const main = await page.locator("main").boundingBox();
  expect(main!.width).toBeGreaterThan(1200);
  const table = page.getByTestId("queue");
  expect(await table.evaluate((el) => el.scrollWidth - (el.parentElement?.clientWidth ?? 0))).toBeLessThanOrEqual(0);
});

test("the candidate's tracking page follows the request: the promised date after an avis de délai, « Réponse donnée » after the answer, the request a duplicate was merged into", async ({ page, browser, baseURL }) => {
  const tag = unique();
  const post = async (subject: string) => {
    const response = await page.request.post("/api/v1/inquiries", {
      data: { name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject, topic: "online-systems", message: "Où en est le traitement de mon dossier en ligne?" },
    });
    const body = await response.json();
    return { number: body.number as string, tracking: new URL(body.trackingUrl as string).pathname };
  };
  const asked = await post(`Suivi ${tag}`);
  const candidateContext = await browser.newContext({ baseURL });
  await setNow(candidateContext, baseURL!, NOW);
  const candidate = await candidateContext.newPage();
  await candidate.goto(asked.tracking);
  const expectation = candidate.getByTestId("reply-expectation");
  await expect(expectation).toHaveAttribute("data-kind", "expected");

  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await page.goto(`/console/requetes/${asked.number}`);
  await page.getByLabel("Type de réponse").selectOption("delay_notice");
  await page.getByLabel("Message").fill("Votre demande demande une vérification : la réponse suivra au plus tard le {date}.");
  await page.getByLabel("Date promise").fill("2026-12-16");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.locator('[data-target="promise-1"]')).toBeVisible();
  await candidate.reload();
  await expect(candidate.getByText("Réponse promise au plus tard")).toBeVisible();
  await expect(expectation).toHaveText("le mercredi 16 décembre 2026 à 16 h 30");

  await page.getByLabel("Type de réponse").selectOption("answer");
  await page.getByLabel("Message").fill("Voici la réponse à votre question : votre dossier est complet.");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.locator('[data-target="promise-1"] [data-testid="time-left"]')).toHaveAttribute("data-state", "met");
  await candidate.reload();
  await expect(expectation).toHaveAttribute("data-kind", "given");
  await expect(candidate.getByText("Réponse donnée")).toBeVisible();
  await expect(candidate.getByText("Réponse attendue au plus tard")).toHaveCount(0);

  // A duplicate merged into another request says which, instead of a bare « Fermée ».
  const kept = await post(`Original ${tag}`);
  const duplicate = await post(`Doublon ${tag}`);
  await page.goto(`/console/requetes/${duplicate.number}`);
  await page.getByLabel("Numéro de la requête à conserver").fill(kept.number);
  await page.getByRole("button", { name: "Fusionner" }).click();
  await page.getByTestId("confirm").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByTestId("merged-into")).toContainText(kept.number);
  await candidate.goto(duplicate.tracking);
  await expect(candidate.getByTestId("merged-into")).toContainText(`jointe à la demande ${kept.number}`);
  await expect(candidate.getByTestId("reply-expectation")).toHaveCount(0);
  await expectAccessible(candidate);
  await candidateContext.close();
});

test("bulk action: two requests taken in charge at once; one changed meanwhile is reported and stays ticked", async ({ page, browser, baseURL }) => {
  const tag = `lot${unique()}`;
  const numbers = [await postInquiry(page, `Lot ${tag} A`, "Première question du lot."), await postInquiry(page, `Lot ${tag} B`, "Deuxième question du lot."), await postInquiry(page, `Lot ${tag} C`, "Troisième question du lot.")];
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await page.goto(`/console/ca-dotation?q=${tag}`);
  await expect(page.locator("tbody tr", { hasText: tag })).toHaveCount(3);
  await expectAccessible(page);
  // Ticked, then the third is taken by someone else before the agent applies.
  for (const n of numbers) await page.getByLabel(`Cocher ${n}`).check();
  const other = await browser.newContext({ baseURL });
  await setNow(other, baseURL!, NOW);
  const otherPage = await other.newPage();
  await signInToSpace(otherPage, "agent.dotation@cspq.exemple.qc.ca");
  await otherPage.goto(`/console/requetes/${numbers[2]}`);
  await otherPage.getByRole("button", { name: "Prendre en charge" }).click();
  await expect(otherPage.getByTestId("assignee")).toContainText("(moi)");
  await other.close();

  await page.getByLabel("Action").selectOption("take");
  await page.getByRole("button", { name: "Appliquer aux requêtes cochées" }).click();
  const notice = page.getByTestId("form-notice");
  await expect(notice).toContainText(`2 requêtes traitées : ${numbers[0]}, ${numbers[1]}.`);
  await expect(notice).toContainText(`${numbers[2]} : modifiée entre-temps par quelqu'un d'autre`);
  await expect(notice).toHaveAttribute("data-tone", "warning");
  for (const n of numbers.slice(0, 2)) {
    await expect(page.locator(`tr[data-number="${n}"] td`).nth(6)).toHaveText("moi");
    await expect(page.getByLabel(`Cocher ${n}`)).not.toBeChecked();
  }
  // Nothing ticked: said at the form, nothing done.
  await page.getByLabel(`Cocher ${numbers[2]}`).uncheck();
  await page.getByRole("button", { name: "Appliquer aux requêtes cochées" }).click();
  await expect(page.getByText("Cochez au moins une requête dans la file.")).toBeVisible();
});
