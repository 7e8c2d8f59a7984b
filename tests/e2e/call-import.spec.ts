// Call detail records imported by a manager in Chromium (/gestion/appels): an Asterisk Master.csv
// previewed — calls, answered within the target, the rows in error — then imported; the same file
// again adds nothing; the generic layout with the file's own column names.
import { expect, test, expectAccessible, expectNoHorizontalScroll, signInToSpace } from "./support";

/** `YYYY-MM-DD HH:MM:SS` in Québec time, as Asterisk writes it, `minutes` after 10:00 two days ago. */
function asteriskTime(minutes: number, seconds = 0): string {
  const day = new Date(Date.now() - 2 * 24 * 60 * 60_000);
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
  const m = 10 * 60 + minutes;
  return `${date} ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

function masterCsv(run: string): string {
  const record = (start: string, answer: string, end: string, disposition: string, uniqueid: string) =>
    ["", "4185550142", "4185287157", "from-trunk", '"Appelant" <4185550142>', "SIP/trunk-00000001", "SIP/2231-0000a1f3", "Queue", "candidats", start, answer, end, "120", "60", disposition, "DOCUMENTATION", uniqueid, ""]
      .map((f) => `"${f.replaceAll('"', '""')}"`)
      .join(",");
  return [
    record(asteriskTime(0), asteriskTime(2), asteriskTime(8), "ANSWERED", `${run}.1`),
    record(asteriskTime(10), asteriskTime(17), asteriskTime(20), "ANSWERED", `${run}.2`),
    record(asteriskTime(30), "", asteriskTime(31, 30), "NO ANSWER", `${run}.3`),
    `"","4185550142","4185287157","from-trunk","x","y","z","Queue","candidats","hier","","","0","0","ANSWERED","DOCUMENTATION","${run}.4",""`,
  ].join("\n");
}

test("a manager previews an Asterisk Master.csv, imports it, and importing it again adds nothing", async ({ page }) => {
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.getByTestId("call-import-link").click();
  await expect(page).toHaveURL(/\/gestion\/appels$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer des appels (CDR)");
  await expectAccessible(page);

  // No file: told so at the field, nothing stored.
  await page.getByRole("button", { name: "Voir l'aperçu" }).click();
  await expect(page.getByText("Choisissez le fichier des appels (CSV).")).toBeVisible();

  const run = `e2e${Date.now().toString(36)}`;
  const file = { name: "Master.csv", mimeType: "text/csv", buffer: Buffer.from(masterCsv(run)) };
  await page.getByLabel("Ligne", { exact: true }).selectOption("cad-candidates");
  await page.getByLabel("Fichier CSV").setInputFiles(file);
  await page.getByRole("button", { name: "Voir l'aperçu" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("Aperçu : Master.csv");
  await expect(preview.getByTestId("preview-calls")).toHaveText("3");
  await expect(preview.getByTestId("preview-answered")).toHaveText("2");
  // 2 minutes (in time), 7 minutes (late), abandoned after 90 s (counts against): 1 of 3.
  await expect(preview.getByTestId("preview-within")).toHaveText(/^1 \/ 3 \(33,3\s?%\)$/);
  await expect(preview.getByTestId("preview-problems")).toHaveText("1");
  await expect(preview.getByTestId("preview-problem-list")).toContainText("Ligne 4 :");
  await expectAccessible(page);

  await preview.getByRole("button", { name: "Importer 3 appels" }).click();
  await expect(page.getByTestId("import-done")).toHaveText("3 appels importés : 8 événements nouveaux.");
  await expect(page.getByTestId("imports").locator("tbody tr").first()).toContainText("Master.csv");

  // The same file again: every call is known, nothing is added.
  await page.getByLabel("Ligne", { exact: true }).selectOption("cad-candidates");
  await page.getByLabel("Fichier CSV").setInputFiles(file);
  await page.getByRole("button", { name: "Voir l'aperçu" }).click();
  await expect(page.getByTestId("preview-known")).toHaveText("3");
  await expect(page.getByText("Tous ces appels sont déjà dans Guichet : l'import n'ajoutera rien.")).toBeVisible();
  await page.getByRole("button", { name: "Importer 3 appels" }).click();
  await expect(page.getByTestId("import-done")).toHaveText("3 appels lus : tous étaient déjà dans Guichet, rien n'a été ajouté.");

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
});

test("the generic layout reads the file's own column names; a cancelled preview stores nothing", async ({ page }) => {
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.goto("/gestion/appels");
  await page.getByLabel("Format du fichier").selectOption("generic");
  // The Asterisk field goes, the column names come.
  await expect(page.getByLabel("Numéro de la ligne (dst)")).toBeHidden();
  await page.getByLabel("Identifiant d'appel").fill("Appel");
  await page.getByLabel("Entrée en file").fill("Début");
  const run = `g${Date.now().toString(36)}`;
  const queued = new Date(Date.now() - 3 * 24 * 60 * 60_000);
  const csv = ["Appel,Début,answered_at", `${run}-1,${queued.toISOString()},${new Date(queued.getTime() + 60_000).toISOString()}`].join("\n");
  await page.getByLabel("Ligne", { exact: true }).selectOption("sagir");
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "sagir.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Voir l'aperçu" }).click();
  await expect(page.getByTestId("preview-calls")).toHaveText("1");
  await expect(page.getByTestId("preview-within")).toHaveText(/^1 \/ 1 \(100\s?%\)$/);
  await page.getByRole("button", { name: "Annuler" }).click();
  await expect(page).toHaveURL(/\/gestion\/appels$/);
  await expect(page.getByTestId("import-preview")).toHaveCount(0);

  // A file whose every row is in error: said so, nothing to import, only « Annuler ».
  await page.getByLabel("Format du fichier").selectOption("generic");
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "vide.csv", mimeType: "text/csv", buffer: Buffer.from("call_id,queued_at\n,hier\n") });
  await page.getByRole("button", { name: "Voir l'aperçu" }).click();
  await expect(page.getByText("Aucun appel à importer dans ce fichier : corrigez-le ou choisissez-en un autre.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Importer/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Annuler" }).click();
});

test("an agent does not reach the import", async ({ page }) => {
  await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
  expect((await page.goto("/gestion/appels"))?.status()).toBe(404);
});
