// The audit log (/gestion/journal) in Chromium: a manager reads what an agent and a pilot did, in
// words (not code keys), filters it by who, what and when, and exports it as CSV for a spreadsheet.
import { readFileSync } from "node:fs";
import { expect, test, expectAccessible, expectNoHorizontalScroll, setNow, signInToSpace } from "./support";

// Monday 23 November 2026, 10:30 in Québec.
const NOW = "2026-11-23T15:30:00.000Z";
test.describe.configure({ timeout: 90_000 });

test("a manager reads, filters and exports the audit log, in words", async ({ page, browser, baseURL }) => {
  const agent = await browser.newContext({ baseURL });
  await setNow(agent, baseURL!, NOW);
  const agentPage = await agent.newPage();
  const created = await agentPage.request.post("/api/v1/inquiries", {
    data: { name: "Camille Roy", email: "camille@exemple.ca", subject: `Journal ${Date.now()}`, topic: "online-systems", message: "Une question pour le journal d'audit." },
  });
  const number = (await created.json()).number as string;
  await signInToSpace(agentPage, "agent.dotation@cspq.exemple.qc.ca");
  await agentPage.goto(`/console/requetes/${number}`);
  await agentPage.getByRole("button", { name: "Afficher les coordonnées" }).click();
  await expect(agentPage.getByTestId("revealed-requester")).toHaveText("Camille Roy — camille@exemple.ca");
  await agent.close();

  await setNow(page.context(), baseURL!, NOW);
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.goto("/gestion/journal");
  const row = page.getByTestId("audit").locator("tr", { hasText: number });
  await expect(row).toContainText("Renseignements personnels affichés");
  await expect(row).toContainText("nom et adresse courriel du demandeur");
  await expect(page.getByTestId("audit")).not.toContainText("requesterName");
  await expectAccessible(page);

  // Who, what, when.
  await page.getByLabel("Qui").selectOption({ label: "Karine Lavoie" });
  await page.getByLabel("Geste").selectOption("personal_data_viewed");
  await page.getByLabel("Du").fill("2026-11-23");
  await page.getByLabel("Au").fill("2026-11-23");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=personal_data_viewed/);
  await expect(page.getByTestId("audit").locator("tbody tr").first()).toContainText("Renseignements personnels affichés");
  await expect(page.getByTestId("audit").locator("tbody tr", { hasText: number })).toHaveCount(1);
  const rows = page.getByTestId("audit").locator("tbody tr");
  const actions = await rows.evaluateAll((trs) => trs.map((r) => r.getAttribute("data-action")));
  expect(new Set(actions)).toEqual(new Set(["personal_data_viewed"]));
  expect(new Set(await rows.locator("td:nth-child(2)").allTextContents())).toEqual(new Set(["Karine Lavoie"]));
  // A day with nothing: said.
  await page.getByLabel("Du").fill("2020-01-01");
  await page.getByLabel("Au").fill("2020-01-01");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("Aucune entrée.")).toBeVisible();

  // The CSV of the filtered entries: instants a spreadsheet reads, words, French headers.
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  // The filters cleared (the page navigated) before choosing again: else the old form, still
  // holding 1 January 2020, is the one submitted (a CI run met that race).
  await expect(page).toHaveURL(/\/gestion\/journal$/);
  await expect(page.getByLabel("Du")).toHaveValue("");
  await page.getByLabel("Geste").selectOption("personal_data_viewed");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=personal_data_viewed/);
  await expect(page.getByTestId("audit").locator("tbody tr", { hasText: number })).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-csv").click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.slice(1).split("\r\n");
  expect(lines[0]).toBe('"Moment";"Personne";"Geste";"Requête";"Précisions"');
  const line = lines.find((l) => l.includes(number));
  expect(line).toMatch(new RegExp(`^2026-11-23 10:30;"[^"]+";"Renseignements personnels affichés";"${number}";"nom et adresse courriel du demandeur"$`));
  expect(lines.filter((l) => l && !l.startsWith('"Moment"')).every((l) => l.includes("Renseignements personnels affichés"))).toBe(true);

  await page.setViewportSize({ width: 390, height: 800 });
  await expectNoHorizontalScroll(page);
});

test("an agent has no audit log, nor its CSV", async ({ page }) => {
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  expect((await page.goto("/gestion/journal"))?.status()).toBe(404);
  expect((await page.request.get("/fr/gestion/journal/csv")).status()).toBe(404);
});
