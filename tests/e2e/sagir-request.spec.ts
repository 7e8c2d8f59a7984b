import { type Page } from "@playwright/test";
import pg from "pg";
import { SAGIR_FIELD_LABELS, SAGIR_FORM_FIELDS, SAGIR_REQUEST_TYPES, SAGIR_TYPE_LABELS, SAGIR_TYPE_SLUGS } from "../../src/domain/requests/sagir-request";
import { SAGIR_SAMPLES } from "../support/sagir-samples";
import { expect, test, e2eDatabaseUrl, expectAccessible, expectNoHorizontalScroll, setNow, signInToSpace } from "./support";

// Monday 23 November 2026, 10:00: a written SAGIR request is taken in charge by Tuesday 10:00;
// a departure notice sent now is on time for an entry in SAGIR on Thursday 26 November or later.
const AT = "2026-11-23T10:00:00-05:00";

test.beforeEach(async ({ context, baseURL }) => {
  await setNow(context, baseURL!, AT);
});

/** Requests stored with this contact phone: each test marks its own, other workers submit meanwhile. */
async function countMarked(contactPhone: string): Promise<number> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return Number((await client.query("SELECT count(*) AS n FROM request WHERE details->>'contactPhone' = $1", [contactPhone])).rows[0].n);
  } finally {
    await client.end();
  }
}

/** Fills a SAGIR form from a sample, field by field, as a person would (selects by value, dates typed). */
async function fillSample(page: Page, sample: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(sample)) {
    if (name === "type" || value === "") continue;
    const control = page.getByTestId("sagir-form").locator(`[name="${name}"]`);
    if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption(value);
    else await control.fill(value);
  }
}

for (const type of SAGIR_REQUEST_TYPES) {
  test(`Outil Requête — ${type}: an empty form names each required field in French and stores nothing; a valid one is confirmed with its number and due date`, async ({
    page,
  }) => {
    test.slow();
    await signInToSpace(page, "sagir@mfq.exemple.qc.ca");
    await page.getByRole("link", { name: "Soumettre une requête SAGIR" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outil Requête SAGIR");
    await page.getByRole("link", { name: SAGIR_TYPE_LABELS[type].fr }).click();
    await expect(page).toHaveURL(new RegExp(`/sagir/outil-requete/${SAGIR_TYPE_SLUGS[type]}$`));
    await expect(page.getByTestId("write-now")).toContainText("prise en charge au plus tard le mardi 24 novembre 2026 à 10 h");

    const marker = `418 555-0199, poste ${SAGIR_REQUEST_TYPES.indexOf(type) + 1}${Date.now() % 100_000}`;
    await page.getByRole("textbox", { name: "Téléphone pour vous joindre" }).fill(marker);
    await page.getByRole("button", { name: "Soumettre la requête" }).click();
    await expect(page.getByRole("alert").first()).toContainText("La requête n'a pas été soumise");
    const required = SAGIR_FORM_FIELDS[type].filter((f) => f.required).flatMap((f) => (f.kind === "birth" ? ["birthDay", "birthMonth"] : [f.name]));
    for (const name of required) await expect(page.locator(`#${name}-error`)).toBeVisible();
    await expect(page.locator('[id$="-error"]')).toHaveCount(required.length);
    // The summary names each field: "Nom de l'employé : Ce champ est obligatoire."
    await expect(page.getByRole("alert").first()).toContainText(`${SAGIR_FIELD_LABELS[required[0]!]!.fr} : `);
    expect(await countMarked(marker)).toBe(0);
    await expect(page.getByRole("textbox", { name: "Téléphone pour vous joindre" })).toHaveValue(marker);
    if (type === "access") await expectAccessible(page);

    await fillSample(page, { ...SAGIR_SAMPLES[type], ...(type === "departure" ? { sagirEntryDate: "2026-12-07" } : {}) });
    await page.getByRole("button", { name: "Soumettre la requête" }).click();
    await expect(page).toHaveURL(/\/sagir\/requetes\/SAG-2026-\d{6}\?nouvelle=1$/);
    await expect(page.getByTestId("confirmation")).toContainText(/Votre requête SAG-2026-\d{6} a été soumise\. Elle sera prise en charge au plus tard le mardi 24 novembre 2026 à 10 h/);
    await expect(page.getByTestId("request-facts")).toContainText(SAGIR_TYPE_LABELS[type].fr);
    expect(await countMarked(marker)).toBe(1);
  });
}

test("a late departure notice: said before submission, flagged and urgent after — « avis tardif » for the agent too; the birth day and month are masked", async ({ page, baseURL }) => {
  test.slow();
  await signInToSpace(page, "sagir@mfq.exemple.qc.ca");
  await page.goto("/sagir/outil-requete/depart-employe");
  await expect(page.getByTestId("lead-time")).toContainText("dans les délais pour une saisie le 26 novembre 2026 ou après");
  await fillSample(page, { ...SAGIR_SAMPLES.departure, sagirEntryDate: "2026-11-25" });
  await expect(page.getByTestId("late-warning")).toContainText("Avis tardif");
  await page.getByLabel("Date prévue de saisie du départ dans SAGIR").fill("2026-11-26");
  await expect(page.getByTestId("late-warning")).toHaveCount(0);
  await page.getByLabel("Date prévue de saisie du départ dans SAGIR").fill("2026-11-25");
  await expect(page.getByTestId("late-warning")).toBeVisible();
  await expectAccessible(page);
  // A day that month does not have: the server says so on the day field.
  await page.getByLabel("Jour", { exact: true }).selectOption("31");
  await page.getByLabel("Mois", { exact: true }).selectOption("4");
  await page.getByRole("button", { name: "Soumettre la requête" }).click();
  await expect(page.locator("#birthDay-error")).toHaveText("Ce jour n'existe pas dans le mois choisi.");
  await expect(page.getByLabel("Mois", { exact: true })).toHaveValue("4");
  await page.getByLabel("Jour", { exact: true }).selectOption("17");
  await page.getByRole("button", { name: "Soumettre la requête" }).click();

  await expect(page).toHaveURL(/\/sagir\/requetes\/SAG-2026-\d{6}\?nouvelle=1$/);
  const number = page.url().match(/SAG-2026-\d{6}/)![0];
  await expect(page.getByTestId("late-notice")).toContainText("Avis tardif");
  await expect(page.getByTestId("late-notice")).toContainText("25 novembre 2026");
  await expect(page.getByText("Urgente").first()).toBeVisible();
  await expect(page.getByTestId("birth-masked")).toHaveText(/visibles seulement par l'agent qui traite la requête/);
  await expect(page.locator("main")).not.toContainText("mars");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Requêtes SAGIR de mon organisation" }).click();
  const row = page.getByRole("row", { name: new RegExp(number) });
  await expect(row).toContainText("Urgente");
  await expect(row).toContainText("Départ d'un employé");
  await expect(page.getByTestId("mo-requests")).not.toContainText("Tremblay");
  await expectAccessible(page);

  // The SAGIR agent sees « Avis tardif » next to « Urgente », in the queue and on the request.
  await page.context().clearCookies();
  await setNow(page.context(), baseURL!, AT);
  await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
  await page.goto("/console/sagir?status=open");
  await expect(page.locator(`tr[data-number="${number}"]`).getByTestId("late-notice")).toHaveText("Avis tardif");
  await page.goto(`/console/requetes/${number}`);
  await expect(page.getByTestId("late-notice")).toHaveText("Avis tardif");
  await expectAccessible(page);
});

test("an MO that has not adhered to SAGIR support gets a clear refusal, not a form", async ({ page }) => {
  await signInToSpace(page, "sagir@mcc.exemple.qc.ca");
  await page.getByRole("link", { name: /n'a pas adhéré au soutien SAGIR/ }).click();
  const refusal = page.getByTestId("refusal");
  await expect(refusal).toHaveAttribute("data-reason", "not-adhered");
  await expect(refusal).toContainText("Votre organisation n'a pas adhéré au soutien SAGIR");
  await expect(refusal).toContainText("Adhésion aux services des opérations financières et contractuelles SAGIR.");
  // « joindre le centre par téléphone », with the number to call (the catalogue's, extension in the reader's language).
  await expect(page.getByTestId("refusal-phone")).toContainText("par téléphone au 418 528-0880, poste 3212 pour");
  await expectAccessible(page);
  await page.goto("/en/sagir/requetes");
  await expect(page.getByTestId("refusal-phone")).toContainText("call the centre at 418 528-0880, ext. 3212 with");
  for (const path of ["/sagir/outil-requete/depart-employe", "/sagir/requetes"]) {
    await page.goto(path);
    await expect(page.getByTestId("refusal")).toHaveAttribute("data-reason", "not-adhered");
    await expect(page.getByTestId("sagir-form")).toHaveCount(0);
  }
});

test("a staffing specialist is not given SAGIR's forms", async ({ page }) => {
  await signInToSpace(page, "specialiste@mfq.exemple.qc.ca");
  await expect(page.getByTestId("sagir-links")).toHaveCount(0);
  await page.goto("/sagir/outil-requete/acces-et-mot-de-passe");
  await expect(page.getByTestId("refusal")).toHaveAttribute("data-reason", "not-allowed");
  await expect(page.getByTestId("sagir-form")).toHaveCount(0);
});

test("POST /api/v1/requests takes a SAGIR departure (late flag in the response); GET never returns the birth day and month", async ({ page }) => {
  await signInToSpace(page, "sagir@mfq.exemple.qc.ca");
  const body = { form: "sagir", ...SAGIR_SAMPLES.departure, sagirEntryDate: "2026-11-24", birthDay: 17, birthMonth: 3 };
  const bad = await page.request.post("/api/v1/requests", { data: { ...body, birthDay: 31, birthMonth: 4 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields.birthDay.fr).toBe("Ce jour n'existe pas dans le mois choisi.");
  const created = await page.request.post("/api/v1/requests", { data: body });
  expect(created.status()).toBe(201);
  const json = await created.json();
  expect(json).toMatchObject({ number: expect.stringMatching(/^SAG-2026-\d{6}$/), urgent: true, lateNotice: true, targets: [{ id: "sagir-written-take-charge", dueAt: "2026-11-24T15:00:00.000Z" }] });
  const read = await page.request.get(`/api/v1/requests/${json.number}`);
  expect(read.status()).toBe(200);
  expect(JSON.stringify(await read.json())).not.toMatch(/birth|naissance/i);
});

test("@phone the departure form fits a phone", async ({ page }) => {
  await signInToSpace(page, "sagir@mfq.exemple.qc.ca");
  await page.goto("/sagir/outil-requete/depart-employe");
  await expect(page.getByTestId("sagir-form")).toBeVisible();
  await expectNoHorizontalScroll(page);
});
