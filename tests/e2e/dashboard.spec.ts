// The managers' dashboard in Chromium: a manager opens it, changes the period and the filters and
// sees the figures change, exports a table as CSV (UTF-8 with BOM, French), opens the printable
// monthly report; it fits a phone; agents and MO users cannot reach it.
import { readFileSync } from "node:fs";
import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test, expectAccessible, expectNoHorizontalScroll, setNow, signInToSpace } from "./support";

// Monday 23 November 2026, 10:30 in Québec.
const NOW = "2026-11-23T15:30:00.000Z";
test.describe.configure({ timeout: 120_000 });

/** Candidate inquiries received at an instant (the server's clock is set per browser context). */
async function inquiriesAt(context: BrowserContext, page: Page, baseURL: string, iso: string, count: number): Promise<void> {
  await setNow(context, baseURL, iso);
  for (let i = 0; i < count; i += 1) {
    const response = await page.request.post("/api/v1/inquiries", {
      data: { name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject: `Question du tableau de bord ${i}`, topic: "online-systems", message: "Une question pour le tableau de bord des gestionnaires." },
    });
    expect(response.status()).toBe(201);
  }
}

test("a manager changes the period and the filters, sees the figures change, exports CSV and prints the monthly report", async ({ page, context, baseURL }) => {
  // March 2025 belongs to this test alone: three inquiries on Monday the 10th, one on Wednesday the 12th.
  await inquiriesAt(context, page, baseURL!, "2025-03-10T14:00:00.000Z", 3);
  await inquiriesAt(context, page, baseURL!, "2025-03-12T14:00:00.000Z", 1);
  await setNow(context, baseURL!, NOW);

  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.getByTestId("dashboard-link").click();
  await expect(page).toHaveURL(/\/gestion\/tableau-de-bord\/ca-dotation$/);
  await expect(page.getByTestId("period-label")).toHaveText("novembre 2026");
  await expectAccessible(page);

  // The month of March 2025.
  await page.getByLabel("Période", { exact: true }).selectOption("month");
  await page.getByLabel("Date de référence").fill("2025-03-15");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByTestId("period-label")).toHaveText("mars 2025");
  await expect(page.getByTestId("kpi-requests")).toHaveText("4");
  // Never answered: the four 10-business-day targets are overdue, none met.
  const reply = page.getByTestId("table-targets").locator("tr", { hasText: "Réponse ou avis de délai · Candidates et candidats" });
  await expect(reply.locator("td").nth(0)).toHaveText("4");
  await expect(reply.locator("td").nth(3)).toHaveText("4");
  await expect(page.getByTestId("kpi-share")).toHaveText("0 %");
  await expect(page.getByTestId("table-volumes").locator("tr", { hasText: "10 mars" }).locator("td").last()).toHaveText("3");

  // One day: Wednesday 12 March.
  await page.getByLabel("Période", { exact: true }).selectOption("day");
  await page.getByLabel("Date de référence").fill("2025-03-12");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByTestId("period-label")).toHaveText("12 mars 2025");
  await expect(page.getByTestId("kpi-requests")).toHaveText("1");
  // The day before: none; back to the month with a channel filter.
  await page.getByRole("link", { name: "← Période précédente" }).click();
  await expect(page.getByTestId("period-label")).toHaveText("11 mars 2025");
  await expect(page.getByTestId("kpi-requests")).toHaveText("0");
  await page.getByLabel("Période", { exact: true }).selectOption("month");
  await page.getByLabel("Canal").selectOption("phone");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/channel=phone/);
  await expect(page.getByTestId("kpi-requests")).toHaveText("0");
  await page.getByLabel("Canal").selectOption("");
  await page.getByLabel("Clientèle").selectOption("candidate");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByTestId("kpi-requests")).toHaveText("4");

  // A range that cannot be read: a message at the field, the month shown.
  await page.getByLabel("Période", { exact: true }).selectOption("range");
  await page.getByLabel("Du", { exact: true }).fill("2025-03-20");
  await page.getByLabel("Au", { exact: true }).fill("2025-03-01");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByText("La date de fin doit suivre la date de début.")).toBeVisible();
  await expect(page.getByLabel("Au", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Du", { exact: true }).fill("2025-03-01");
  await page.getByLabel("Au", { exact: true }).fill("2025-03-31");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByTestId("period-label")).toHaveText("du 1er mars 2025 au 31 mars 2025");
  await expect(page.getByTestId("kpi-requests")).toHaveText("4");

  // CSV of the commitments table: what the page shows, for Excel in French.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-targets").click()]);
  expect(download.suggestedFilename()).toBe("guichet-ca-dotation-targets-2025-03-01-2025-03-31.csv");
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split("\r\n");
  expect(lines[0]).toContain('"Engagement";"Engagements";"Respectés"');
  expect(lines[0]).toContain('"Part respectée (%)"');
  expect(lines.find((l) => l.startsWith('"Réponse ou avis de délai · Candidates et candidats'))).toMatch(/;4;0;0;4;0;0;0;/);

  // The printable monthly report opens on the month the dashboard shows: March 2025 (it opened on
  // the last complete month, October 2026, an empty one).
  await page.getByRole("link", { name: "Rapport mensuel imprimable" }).click();
  await expect(page).toHaveURL(/\/gestion\/rapport\/ca-dotation\?month=2025-03$/);
  await expect(page.getByTestId("report-month")).toContainText("mars 2025");
  await expect(page.getByTestId("report-requests")).toHaveText("4");
  // A month that is none is said (it was replaced silently), with the last complete month.
  await page.goto("/gestion/rapport/ca-dotation?month=2026-13");
  await expect(page.getByTestId("month-error")).toHaveText("« 2026-13 » n'est pas un mois (format AAAA-MM, de 01 à 12) : voici le dernier mois complet.");
  await expect(page.getByTestId("report-month")).toContainText("octobre 2026");
  await expect(page.getByLabel("Mois")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Mois").fill("2025-03");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByTestId("report-month")).toContainText("mars 2025");
  await expect(page.getByTestId("report-requests")).toHaveText("4");
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
  await expect(page.locator("header.site-chrome")).toBeHidden();
});

test("the dashboard on a phone: readable, nothing wider than the screen @phone", async ({ page, context, baseURL }) => {
  await setNow(context, baseURL!, NOW);
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.goto("/gestion/tableau-de-bord/sagir?period=month&date=2026-11-01");
  await expect(page.getByTestId("period-label")).toHaveText("novembre 2026");
  await expect(page.getByTestId("chart-volumes")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

test("agents and MO users cannot reach the dashboards, the CSV or the reports", async ({ page, context, baseURL }) => {
  await setNow(context, baseURL!, NOW);
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await expect(page.getByTestId("dashboard-link")).toHaveCount(0);
  for (const path of ["/gestion/tableau-de-bord/ca-dotation", "/gestion/rapport/ca-dotation", "/gestion/tableau-de-bord"]) {
    expect((await page.goto(path))!.status()).toBe(404);
  }
  expect((await page.request.get("/fr/gestion/tableau-de-bord/ca-dotation/csv?table=targets")).status()).toBe(404);
  await page.context().clearCookies();
  await setNow(context, baseURL!, NOW);
  await signInToSpace(page, "specialiste@mfq.exemple.qc.ca");
  expect((await page.goto("/gestion/tableau-de-bord/ca-dotation"))!.status()).toBe(404);
  expect((await page.request.get("/fr/gestion/tableau-de-bord/ca-dotation/csv?table=calls")).status()).toBe(404);
});
