// The holiday editor in Chromium: a manager adds a holiday and sees a request received after it
// get the later due instant (the page's preview, then a real inquiry), a refused date is explained
// at the field, the change is in the history; agents cannot reach the page.
import { expect, test, expectAccessible, setNow, signInToSpace } from "./support";

// Monday 14 June 2027, 10:00 in Québec: far from the other tests' dates (their due instants must
// not move when this test adds a holiday).
const NOW = "2027-06-14T14:00:00.000Z";
test.describe.configure({ timeout: 120_000 });

test("a manager adds a holiday; a request received after it is due a business day later", async ({ page, context, baseURL }) => {
  await setNow(context, baseURL!, NOW);
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.getByTestId("catalogue-link").click();
  await expect(page).toHaveURL(/\/gestion\/catalogue$/);
  await expectAccessible(page);
  const preview = page.getByTestId("due-preview").locator('[data-target="cad-candidate-reply"]');
  // Ten business days from Monday 14 June 2027 (24 June, Fête nationale, is a holiday): Tuesday 29 June.
  await expect(preview).toContainText("le mardi 29 juin 2027 à 16 h 30");

  // A date that cannot be: a Saturday.
  const add = page.getByRole("form", { name: "Ajouter un jour férié" });
  await add.getByLabel("Date").fill("2027-06-19");
  await add.getByLabel("Nom en français").fill("Journée d'essai");
  await add.getByLabel("Nom en anglais").fill("Test day");
  await add.getByRole("button", { name: "Ajouter" }).click();
  await expect(page.getByRole("form", { name: "Ajouter un jour férié" }).getByText("Ce jour est un samedi ou un dimanche")).toBeVisible();
  await expect(page.getByRole("form", { name: "Ajouter un jour férié" }).getByLabel("Nom en français")).toHaveValue("Journée d'essai");

  // Wednesday 16 June 2027.
  await page.getByRole("form", { name: "Ajouter un jour férié" }).getByLabel("Date").fill("2027-06-16");
  await page.getByRole("form", { name: "Ajouter un jour férié" }).getByRole("button", { name: "Ajouter" }).click();
  await expect(page.getByTestId("form-notice")).toContainText("Jour férié ajouté");
  await expect(preview).toContainText("le mercredi 30 juin 2027 à 16 h 30");
  await expect(page.getByTestId("holidays-2027").locator('tr[data-date="2027-06-16"]')).toContainText("Journée d'essai");
  await expect(page.getByTestId("catalogue-history")).toContainText("jour férié ajouté le 2027-06-16 (Journée d'essai)");
  await expectAccessible(page);

  // A real inquiry received now: due at the later instant.
  const response = await page.request.post("/api/v1/inquiries", {
    data: { name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject: "Après le jour férié", topic: "online-systems", message: "Une question reçue après l'ajout du jour férié." },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  expect(body.targets.find((t: { id: string }) => t.id === "cad-candidate-reply").dueAt).toBe("2027-06-30T20:30:00.000Z");

  // Delete it again: the preview is back.
  const deletion = page.getByRole("form", { name: "Supprimer le jour férié du 2027-06-16" });
  await deletion.getByRole("button", { name: "Supprimer" }).click();
  await expect(deletion.getByTestId("confirm")).toContainText("Supprimer le jour férié du mercredi 16 juin 2027?");
  await page.keyboard.press("Escape");
  await expect(deletion.getByTestId("confirm")).toHaveCount(0);
  await expect(deletion.getByRole("button", { name: "Supprimer" })).toBeFocused();
  await deletion.getByRole("button", { name: "Supprimer" }).click();
  await deletion.getByRole("button", { name: "Confirmer" }).click();
  await expect(preview).toContainText("le mardi 29 juin 2027 à 16 h 30");
});

test("a manager edits SAGIR's Tuesday hours and sees the preview before saving anything", async ({ page, context, baseURL }) => {
  // Tuesday 15 June 2027, 13:30 in Québec: SAGIR's Tuesday afternoon opens at 14:00.
  await setNow(context, baseURL!, "2027-06-15T17:30:00.000Z");
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.goto("/gestion/catalogue");
  const form = page.getByTestId("calendar-sagir").getByRole("form");
  const tuesday = form.getByLabel("Mardi");
  await expect(tuesday).toHaveValue("8:30-12:00, 14:00-16:30");
  // Unreadable hours: the message is at the field, the text kept.
  await tuesday.fill("8:30-12:00, 13:00");
  await form.getByRole("button", { name: "Aperçu" }).click();
  await expect(page.getByTestId("calendar-sagir").getByText("Écrivez les heures ainsi")).toBeVisible();
  await expect(page.getByTestId("calendar-sagir").getByLabel("Mardi")).toHaveValue("8:30-12:00, 13:00");
  await expect(page.getByTestId("calendar-sagir").getByLabel("Mardi")).toHaveAttribute("aria-invalid", "true");
  // The afternoon from 13:00: open now instead of at 14:00; the commitments do not count hours.
  await page.getByTestId("calendar-sagir").getByLabel("Mardi").fill("8:30-12:00, 13:00-16:30");
  await page.getByTestId("calendar-sagir").getByRole("button", { name: "Aperçu" }).click();
  const notice = page.getByTestId("calendar-sagir").getByTestId("form-notice");
  await expect(notice).toContainText("Aperçu — échéance d'une requête reçue maintenant, avant → après :");
  await expect(notice).toContainText("Ouverture (maintenant ou prochaine) : le mardi 15 juin 2027 à 14 h → le mardi 15 juin 2027 à 13 h 30");
  // (Its due date depends on the holidays, which the test above changes meanwhile: not asserted here.)
  await expect(notice).toContainText(/Prise en charge · Utilisatrices et utilisateurs de SAGIR · 24 heures \(jours ouvrables\) : le [^→]+ → inchangée/);
  // Nothing was saved: the page still shows the hours in force.
  await page.reload();
  await expect(page.getByTestId("calendar-sagir").getByLabel("Mardi")).toHaveValue("8:30-12:00, 14:00-16:30");
  await expectAccessible(page);
});

test("agents cannot reach the catalogue editor", async ({ page, context, baseURL }) => {
  await setNow(context, baseURL!, NOW);
  await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
  await expect(page.getByTestId("catalogue-link")).toHaveCount(0);
  expect((await page.goto("/gestion/catalogue"))!.status()).toBe(404);
});

test("a manager edits a commitment: the preview before → after, refusals at the field, nothing saved by a preview", async ({ page, context, baseURL }) => {
  // Tuesday 15 June 2027, 10:00 in Québec.
  await setNow(context, baseURL!, "2027-06-15T14:00:00.000Z");
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.goto("/gestion/catalogue");
  const section = page.getByTestId("target-sagir-phone-take-charge");
  await expect(section.getByTestId("target-now")).toContainText("En vigueur : 15 minutes · temps écoulé · Centre d'assistance SAGIR — Utilisatrices et utilisateurs de SAGIR · Téléphone");
  const form = section.getByRole("form");
  await expect(form.getByLabel("Délai")).toHaveValue("15");

  // A duration of zero, then days on the elapsed clock: each explained at its field, the values kept.
  await form.getByLabel("Délai").fill("0");
  await form.getByRole("button", { name: "Aperçu" }).click();
  await expect(section.getByText("Inscrivez un délai en nombre entier plus grand que zéro.")).toBeVisible();
  await expect(section.getByLabel("Délai")).toHaveValue("0");
  await expect(section.getByLabel("Délai")).toHaveAttribute("aria-invalid", "true");
  await section.getByLabel("Délai").fill("2");
  await section.getByLabel("Unité").selectOption("days");
  await section.getByRole("button", { name: "Aperçu" }).click();
  await expect(section.getByText("Les jours ouvrables se comptent avec l'horloge « jours ouvrables »")).toBeVisible();
  await expect(section.getByLabel("Unité")).toHaveValue("days");

  // Ten minutes: due ten minutes after now instead of fifteen.
  await section.getByLabel("Délai").fill("10");
  await section.getByLabel("Unité").selectOption("minutes");
  await section.getByRole("button", { name: "Aperçu" }).click();
  const notice = section.getByTestId("form-notice");
  await expect(notice).toContainText("Aperçu — pour une requête reçue maintenant, avant → après :");
  await expect(notice).toContainText("10 minutes · temps écoulé");
  await expect(notice).toContainText("Échéance : le mardi 15 juin 2027 à 10 h 15 → le mardi 15 juin 2027 à 10 h 10");
  await expect(section.getByLabel("Délai")).toHaveValue("10");
  await expectAccessible(page);

  // Nothing saved by the preview; saving the definition in force writes nothing either.
  await page.reload();
  await expect(page.getByTestId("target-sagir-phone-take-charge").getByLabel("Délai")).toHaveValue("15");
  await page.getByTestId("target-sagir-phone-take-charge").getByRole("button", { name: "Enregistrer l'engagement" }).click();
  await expect(page.getByTestId("target-sagir-phone-take-charge").getByTestId("confirm")).toContainText("Enregistrer? Le changement s'applique dès maintenant");
  await page.getByTestId("target-sagir-phone-take-charge").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByTestId("target-sagir-phone-take-charge").getByTestId("form-notice")).toContainText("Aucun changement : l'engagement est déjà ainsi.");
});
