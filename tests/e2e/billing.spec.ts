// SAGIR billing in Chromium (issue 17), on the fiscal year 2030-2031 with the server's clock fixed
// for each person: a manager sets MFQ's agreement (from January 2031: a mid-year adhesion), issues
// January's invoices, previews and saves a new rate from February, issues February's and March's;
// the pilot of MFQ sees the invoices, prints one and downloads its PDF (read back: the right amount),
// declares the three months' headcounts; the manager records a payment, sees an invoice overdue,
// issues the year-end adjustment with its computation and exports the year as CSV. The public
// pages say CA-dotation is not billed. axe on each page.
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { pdfText } from "../support/pdf-text";
import { allowConsoleErrors, expect, test, e2eDatabaseUrl, expectAccessible, expectNoHorizontalScroll, setNow, signInToSpace } from "./support";

test.describe.configure({ timeout: 240_000 });

const MANAGER = "gestionnaire@cspq.exemple.qc.ca";
const PILOT = "pilote@mfq.exemple.qc.ca";
const nbsp = (text: string) => text.replace(/ /g, "\u00a0");

/** Leaves MFQ with no billing of its own for 2030-2031 (and the grid with no rate after 2026), so the test may run again. */
async function resetBilling(): Promise<void> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT id FROM organization WHERE code = 'MFQ'");
    const mfq = rows[0].id as string;
    await client.query("DELETE FROM invoice WHERE organization_id = $1", [mfq]);
    await client.query("DELETE FROM email_outbox WHERE kind = 'invoice'");
    await client.query("DELETE FROM headcount_declaration WHERE organization_id = $1", [mfq]);
    await client.query("DELETE FROM billing_estimate WHERE organization_id = $1", [mfq]);
    await client.query("DELETE FROM billing_agreement WHERE organization_id = $1", [mfq]);
    await client.query("DELETE FROM tariff_rate WHERE \"from\" > '2027-01-01'");
  } finally {
    await client.end();
  }
}

/** The subjects of the invoice e-mails queued about an invoice number. */
async function outboxSubjects(number: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query("SELECT subject FROM email_outbox WHERE kind = 'invoice' AND subject LIKE '%' || $1", [number])).rows.map((r) => r.subject as string);
  } finally {
    await client.end();
  }
}

async function personAt(browser: Browser, baseURL: string, email: string, iso: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInToSpace(page, email);
  await setNow(context, baseURL, iso);
  return page;
}

async function runMonth(page: Page, baseURL: string, iso: string, label: RegExp): Promise<void> {
  await setNow(page.context(), baseURL, iso);
  await page.goto("/gestion/facturation?annee=2030");
  await page.getByRole("button", { name: label }).click();
  await expect(page.getByTestId("form-notice")).toContainText("1 facture émise");
}

test("a manager bills MFQ for 2030-2031; the pilot sees, prints and downloads the invoices and declares headcounts; the year-end adjustment appears with its computation", async ({ browser, baseURL }) => {
  await resetBilling();
  const manager = await personAt(browser, baseURL!, MANAGER, "2031-01-05T15:00:00Z");

  // The agreement: from January 2031, 120 employees estimated. A last month before the first is refused at the field.
  await manager.getByTestId("billing-link").click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Facturation SAGIR");
  await expect(manager.getByText("n'est pas facturé : il est financé par un montant forfaitaire annuel")).toBeVisible();
  await manager.getByRole("link", { name: "MFQ", exact: true }).click();
  await expect(manager).toHaveURL(/\/gestion\/facturation\/MFQ\?annee=2030$/);
  await manager.getByLabel("Premier mois de l'entente").fill("2031-01");
  await manager.getByLabel("Dernier mois (facultatif)").fill("2030-12");
  await manager.getByLabel("Employés estimés (moyenne 2030-2031)").fill("120");
  await manager.getByRole("button", { name: "Enregistrer l'entente" }).click();
  await expect(manager.getByText("Le dernier mois doit suivre le premier.")).toBeVisible();
  await expect(manager.getByLabel("Employés estimés (moyenne 2030-2031)")).toHaveValue("120");
  await manager.getByLabel("Dernier mois (facultatif)").fill("");
  await manager.getByRole("button", { name: "Enregistrer l'entente" }).click();
  await expect(manager.getByTestId("form-notice")).toHaveText("Entente enregistrée.");
  await expect(manager.getByText(nbsp("Estimation de l'exercice 2030-2031 : 120 employés en moyenne, soit 5 850,00 $"))).toBeVisible();
  await expectAccessible(manager);

  // January's invoices: 120 × 195 $ ÷ 12 = 1 950,00 $.
  await runMonth(manager, baseURL!, "2031-01-05T15:00:00Z", /^Émettre les factures de janvier 2031$/);
  await expect(manager.getByTestId("organization-MFQ")).toContainText(nbsp("1 950,00 $"));
  // MFQ's pilot gets it by e-mail (the outbox), once.
  expect(await outboxSubjects("SAGIR-2031-01-MFQ")).toEqual(["Facture SAGIR-2031-01-MFQ"]);
  await expectAccessible(manager);

  // A new rate: refused for January (billed), previewed for February (MFQ: 1 950,00 $ → 2 000,00 $ a month), saved.
  await manager.getByLabel("À partir du mois").fill("2031-01");
  await manager.getByLabel("Tarif annuel par employé ($)").fill("200");
  await manager.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(manager.getByText(/Un nouveau tarif s'applique à partir d'un mois sans facture/)).toBeVisible();
  await manager.getByLabel("À partir du mois").fill("2031-02");
  await manager.getByRole("button", { name: "Prévisualiser" }).click();
  const preview = manager.getByTestId("rate-preview");
  await expect(preview).toContainText(nbsp("Aperçu : 200,00 $ par employé à partir du samedi 1er février 2031"));
  await expect(preview.getByRole("row", { name: /MFQ/ })).toContainText(nbsp("1 950,00 $"));
  await expect(preview.getByRole("row", { name: /MFQ/ })).toContainText(nbsp("2 000,00 $"));
  await expectAccessible(manager);
  await preview.getByRole("button", { name: "Enregistrer ce tarif" }).click();
  await expect(manager.getByTestId("rate-saved")).toHaveText("Tarif enregistré : il s'applique à partir de février 2031.");
  await expect(manager.getByTestId("tariff")).toContainText(nbsp("200,00 $ / employé / an"));
  // A rate planned by mistake (March, 210 $) is removed, after a confirmation, before any invoice uses it.
  await manager.getByLabel("À partir du mois").fill("2031-03");
  await manager.getByLabel("Tarif annuel par employé ($)").fill("210");
  await manager.getByRole("button", { name: "Prévisualiser" }).click();
  await manager.getByTestId("rate-preview").getByRole("button", { name: "Enregistrer ce tarif" }).click();
  await expect(manager.getByTestId("tariff")).toContainText(nbsp("210,00 $ / employé / an"));
  await manager.getByRole("button", { name: "Retirer le tarif du samedi 1er mars 2031" }).click();
  await expect(manager.getByTestId("confirm")).toContainText(nbsp("Retirer le tarif de 210,00 $ prévu à partir du samedi 1er mars 2031 ?"));
  await manager.getByRole("button", { name: "Oui, retirer" }).click();
  await expect(manager.getByTestId("tariff")).not.toContainText(nbsp("210,00 $"));
  // The page's history, from the audit log: the rate, the run, the agreement, by whom.
  const history = manager.getByTestId("billing-history");
  await expect(history).toContainText(nbsp("Tarif SAGIR enregistré : 2031-02-01 : — → 200,00 $"));
  await expect(history).toContainText("Factures du mois émises : 2031-01 : 1 émise, 0 déjà émise");
  await expect(history).toContainText("Entente de facturation enregistrée : MFQ, exercice 2030-2031 : 2031-01 à …, 120 employés estimés");

  await runMonth(manager, baseURL!, "2031-02-02T15:00:00Z", /^Émettre les factures de février 2031$/);
  await runMonth(manager, baseURL!, "2031-03-02T15:00:00Z", /^Émettre les factures de mars 2031$/);
  await expect(manager.getByTestId("organization-MFQ")).toContainText(nbsp("5 950,00 $"));

  // The pilot, in March: the three invoices, one printable with its computation, and its PDF.
  const pilot = await personAt(browser, baseURL!, PILOT, "2031-03-10T15:00:00Z");
  await pilot.getByTestId("pilot-billing-link").click();
  await expect(pilot.getByRole("heading", { level: 1 })).toHaveText("Facturation SAGIR de mon organisation");
  await expect(pilot.getByTestId("missing-headcounts")).toHaveText("Effectifs à déclarer : janvier 2031, février 2031, mars 2031.");
  await expect(pilot.getByTestId("month-2031-02")).toContainText(nbsp("2 000,00 $"));
  await expect(pilot.getByTestId("covered-months")).toHaveText("L'entente couvre 3 mois de cet exercice : de janvier 2031 à mars 2031.");
  await expect(pilot.getByTestId("month-2030-12")).toHaveCount(0);
  await expectAccessible(pilot);
  await pilot.getByRole("link", { name: "SAGIR-2031-01-MFQ" }).click();
  await expect(pilot.getByRole("heading", { level: 1 })).toHaveText("Facture SAGIR-2031-01-MFQ");
  await expect(pilot.getByTestId("invoice-total")).toHaveText(nbsp("1 950,00 $"));
  await expect(pilot.getByTestId("invoice-dueOn")).toHaveText("mardi 4 février 2031");
  await expect(pilot.getByTestId("invoice-computation")).toContainText(nbsp("120 employés (estimation annuelle) × 195,00 $ ÷ 12 = 1 950,00 $ par mois"));
  await expect(pilot.getByText("TPS et TVQ : aucune")).toBeVisible();
  await expect(pilot.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await expectAccessible(pilot);
  const download = pilot.waitForEvent("download");
  await pilot.getByTestId("invoice-pdf").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("SAGIR-2031-01-MFQ.pdf");
  const pdf = pdfText(await (await import("node:fs/promises")).readFile((await file.path())!));
  expect(pdf).toContain("SAGIR-2031-01-MFQ");
  expect(pdf).toContain(nbsp("1 950,00 $"));
  expect(pdf).toContain("Ministère des Finances (démo)");

  // The pilot declares January to March: 110, 130 and 150 employees (a non-number is refused at the field).
  await pilot.goto("/pilote/facturation");
  const january = pilot.getByTestId("month-2031-01");
  await january.getByLabel("Nombre d'employés en janvier 2031").fill("cent dix");
  await january.getByRole("button", { name: "Déclarer" }).click();
  await expect(january.getByText("Inscrivez un nombre entier d'employés")).toBeVisible();
  for (const [month, label, employees] of [["2031-01", "janvier 2031", "110"], ["2031-02", "février 2031", "130"], ["2031-03", "mars 2031", "150"]] as const) {
    const row = pilot.getByTestId(`month-${month}`);
    await row.getByLabel(`Nombre d'employés en ${label}`).fill(employees);
    await row.getByRole("button", { name: "Déclarer" }).click();
    await expect(row.getByTestId("form-notice")).toHaveText("Effectif enregistré.");
  }
  await pilot.reload();
  await expect(pilot.getByTestId("missing-headcounts")).toHaveCount(0);
  await expect(pilot.getByTestId("adjustment-computation")).toContainText(nbsp("130,00 (sur 3 mois)"));
  await expect(pilot.getByTestId("adjustment")).toContainText("à partir du mardi 1er avril 2031");

  // The manager in April: January paid, February overdue (due 4 March), the adjustment issued:
  // (110 × 195 $ + 130 × 200 $ + 150 × 200 $) ÷ 12 = 6 454,17 $ − 5 950,00 $ billed = 504,17 $.
  await setNow(manager.context(), baseURL!, "2031-04-02T15:00:00Z");
  await manager.goto("/gestion/facturation/MFQ?annee=2030");
  const januaryRow = manager.getByTestId("month-2031-01");
  await januaryRow.getByLabel("Date du paiement de la facture SAGIR-2031-01-MFQ").fill("2031-01-28");
  await januaryRow.getByRole("button", { name: "Enregistrer" }).click();
  await expect(januaryRow.getByTestId("form-notice")).toHaveText("Paiement enregistré.");
  await manager.reload();
  await expect(manager.getByTestId("month-2031-01")).toContainText("Payée");
  await expect(manager.getByTestId("month-2031-02")).toContainText("En retard");
  await expect(manager.getByTestId("balance-overdue")).toHaveText(nbsp("4 000,00 $"));
  await expect(manager.getByTestId("adjustment-amount")).toHaveText(nbsp("504,17 $"));
  await expectAccessible(manager);
  await manager.getByRole("button", { name: "Émettre l'ajustement" }).click();
  // The page, refreshed, shows the adjustment made in place of its button.
  await expect(manager.getByTestId("adjustment-invoice")).toContainText("Ajustement fait : SAGIR-2030-2031-AJ-MFQ Émise");
  await expect(manager.getByRole("button", { name: "Émettre l'ajustement" })).toHaveCount(0);
  await manager.getByTestId("adjustment-invoice").getByRole("link", { name: "SAGIR-2030-2031-AJ-MFQ" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Facture d'ajustement SAGIR-2030-2031-AJ-MFQ");
  const computation = manager.getByTestId("invoice-computation");
  await expect(computation).toContainText(nbsp("janvier 2031 : 110 employés déclarés, tarif 195,00 $"));
  await expect(computation).toContainText(nbsp("Moyenne sur 3 mois : 130,00 employés"));
  await expect(computation).toContainText(nbsp("Consommation réelle : 6 454,17 $"));
  await expect(computation).toContainText(nbsp("Déjà facturé : 5 950,00 $"));
  await expectAccessible(manager);

  // The year as CSV, for a French Excel: « ; », decimal commas, ISO dates, amounts as numbers.
  await manager.goto("/gestion/facturation?annee=2030");
  const csvDownload = manager.waitForEvent("download");
  await manager.getByTestId("billing-csv").click();
  const csv = await (await import("node:fs/promises")).readFile((await (await csvDownload).path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toBe('"Code du MO";"MO";"Numéro";"Type";"Période";"Employés";"Tarif annuel par employé ($)";"Montant ($)";"Émise le";"Payable au plus tard le";"Payée le";"État"');
  expect(lines.find((l) => l.includes("SAGIR-2031-01-MFQ"))).toMatch(/^"MFQ";"[^"]+";"SAGIR-2031-01-MFQ";"Mensuelle";"janvier 2031";120;195;1950;2031-01-05;2031-02-04;2031-01-28;"Payée"$/);
  expect(lines.find((l) => l.includes("SAGIR-2030-2031-AJ-MFQ"))).toMatch(/;"Ajustement";"2030-2031";130;;504,17;2031-04-02;2031-05-02;;"Émise"$/);

  // The pilot sees the adjustment too; the headcounts no longer change.
  await pilot.goto("/pilote/facturation");
  await expect(pilot.getByTestId("adjustment-invoice")).toContainText("SAGIR-2030-2031-AJ-MFQ");
  await expect(pilot.getByLabel("Nombre d'employés en mars 2031")).toHaveCount(0);
});

test("the public pages say which centre is billed: CA-dotation is not, SAGIR at the grid's rate @phone", async ({ page }) => {
  await page.goto("/services/ca-dotation");
  await expect(page.getByTestId("pricing")).toContainText("n'est pas facturé aux ministères et organismes : il est financé par un montant forfaitaire annuel provenant du Secrétariat du Conseil du trésor");
  await page.goto("/services/sagir");
  await expect(page.getByTestId("pricing")).toContainText(nbsp("195,00 $ par employé par année"));
  await expectNoHorizontalScroll(page);
});

test("a pilot's billing page fits a phone @phone", async ({ page }) => {
  await signInToSpace(page, PILOT);
  await page.goto("/pilote/facturation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Facturation SAGIR de mon organisation");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

test("another MO's invoice, and the billing pages of the centre, are not found to a pilot", async ({ page }) => {
  allowConsoleErrors(/404/);
  await signInToSpace(page, PILOT);
  const response = await page.goto("/gestion/facturation");
  expect(response!.status()).toBe(404);
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    // May 2027: before the months the manager's test bills (2031), which runs at the same time — a later
    // invoice would make its planned rates « already billed » and refuse their removal.
    const mcc = (await client.query("SELECT id FROM organization WHERE code = 'MCC'")).rows[0].id as string;
    const { rows } = await client.query(
      "INSERT INTO invoice (id, number, organization_id, key, kind, fiscal_year, month, employees, cents_per_employee, amount_cents, issued_on, due_on, created_at) VALUES (gen_random_uuid(), 'SAGIR-2027-05-MCC', $1, 'monthly:2027-05', 'monthly', 2027, '2027-05', 10, 19500, 16250, '2027-05-01', '2027-05-31', now()) ON CONFLICT (organization_id, key) DO UPDATE SET amount_cents = 16250 RETURNING id",
      [mcc],
    );
    const other = await page.goto(`/factures/${rows[0].id}`);
    expect(other!.status()).toBe(404);
    expect((await page.request.get(`/fr/factures/${rows[0].id}/pdf`)).status()).toBe(404);
  } finally {
    await client.end();
  }
});
