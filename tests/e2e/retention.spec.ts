// Loi 25 in Chromium: a manager sets a service's retention period on the catalogue page (refused
// out of range, at the field; audited in the page's history); a closed request whose personal
// information was erased reads « Renseignement effacé » to the agent and to the MO specialist, with
// its anonymous facts still there.
import { expect, test, expectAccessible, signInToSpace, sql } from "./support";

// Three people sign in, each a page of its own: longer than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 180_000 });


test("a manager sets the retention period; an erased request reads « Renseignement effacé »", async ({ browser }) => {
  const manager = await (await browser.newContext()).newPage();
  await signInToSpace(manager, "gestionnaire@cspq.exemple.qc.ca");
  await manager.goto("/gestion/catalogue");
  const form = manager.getByRole("form", { name: /^Délai de conservation — .*dotation/i });
  await form.getByLabel(/^Jours après la fermeture/).fill("10");
  await form.getByRole("button", { name: "Enregistrer le délai" }).click();
  await expect(form.getByLabel(/^Jours après la fermeture/)).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("Inscrivez un nombre de jours entre 30 et 3 650");
  await form.getByLabel(/^Jours après la fermeture/).fill("400");
  await form.getByRole("button", { name: "Enregistrer le délai" }).click();
  await expect(manager.getByTestId("form-notice").filter({ hasText: "Délai de conservation enregistré" })).toHaveCount(1);
  await manager.reload();
  await expect(manager.getByRole("form", { name: /^Délai de conservation — .*dotation/i }).getByLabel(/^Jours après la fermeture/)).toHaveValue("400");
  await expectAccessible(manager);
  // Back as it was (730 days), for the other tests.
  const again = manager.getByRole("form", { name: /^Délai de conservation — .*dotation/i });
  await again.getByLabel(/^Jours après la fermeture/).fill("730");
  await again.getByRole("button", { name: "Enregistrer le délai" }).click();
  await expect(manager.getByTestId("form-notice").filter({ hasText: "Délai de conservation enregistré" })).toHaveCount(1);

  // A specialist's request, closed, then erased by the retention rule.
  const specialist = await (await browser.newContext()).newPage();
  await signInToSpace(specialist, "specialiste@mfq.exemple.qc.ca");
  const tag = Date.now().toString(36);
  const created = await specialist.request.post("/api/v1/requests", {
    data: { form: "dotation", function: "reports", nature: "how-to", subject: `Rapport de Julie Pelletier ${tag}`, description: "Le rapport de Julie Pelletier ne sort pas.", urgent: false },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();
  await sql(`UPDATE request SET status = 'closed', closed_at = now() WHERE number = $1`, [number]);
  await sql(`SELECT guichet_erase_request(id, 'retention', NULL, now()) FROM request WHERE number = $1`, [number]);

  const agent = await (await browser.newContext()).newPage();
  await signInToSpace(agent, "agent.dotation@cspq.exemple.qc.ca");
  await agent.goto(`/console/requetes/${number}`);
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText(`${number} — Renseignement effacé`);
  await expect(agent.getByTestId("erased")).toContainText("ont été effacés le");
  await expect(agent.getByTestId("thread")).toContainText("Renseignement effacé");
  await expect(agent.locator("body")).not.toContainText("Julie Pelletier");
  await expect(agent.getByTestId("targets")).toBeVisible();
  await expectAccessible(agent);

  await specialist.goto(`/dotation/requetes/${number}`);
  await expect(specialist.getByRole("heading", { level: 1 })).toContainText("Renseignement effacé");
  await expect(specialist.locator("body")).not.toContainText("Julie Pelletier");
});

test("the admin answers a person's request: looks up the address, exports it, erases the closed requests", async ({ browser }) => {
  const tag = Date.now().toString(36);
  const address = `personne.${tag}@exemple.ca`;
  const visitor = await (await browser.newContext()).newPage();
  const numbers: string[] = [];
  for (const subject of ["Compte bloqué", "Offre fermée"]) {
    const response = await visitor.request.post("/api/v1/inquiries", { data: { name: "Roxane Bélanger", email: address, subject: `${subject} ${tag}`, topic: "online-systems", message: "Bonjour, une question sur mon compte." } });
    expect(response.status()).toBe(201);
    numbers.push((await response.json()).number);
  }
  await sql(`UPDATE request SET status = 'closed', closed_at = now() WHERE number = $1`, [numbers[0]]);

  const admin = await (await browser.newContext()).newPage();
  await signInToSpace(admin, "admin@cspq.exemple.qc.ca");
  await admin.getByTestId("person-data-link").click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Renseignements d'une personne");
  await admin.getByLabel("Adresse courriel de la personne").fill("pas une adresse");
  await admin.getByRole("button", { name: "Chercher" }).click();
  await expect(admin.getByLabel("Adresse courriel de la personne")).toHaveAttribute("aria-invalid", "true");
  await admin.getByLabel("Adresse courriel de la personne").fill(address.toUpperCase());
  await admin.getByRole("button", { name: "Chercher" }).click();
  const table = admin.getByTestId("person-requests");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table).toContainText(numbers[0]!);
  await expectAccessible(admin);
  // Nothing of the address in the address bar.
  expect(admin.url()).not.toContain("exemple.ca");

  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "Exporter (JSON)" }).click()]);
  expect(download.suggestedFilename()).toBe("renseignements-personnels.json");
  const exported = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8"));
  expect(exported.requests.map((r: { number: string }) => r.number).sort()).toEqual([...numbers].sort());
  expect(exported.requests[0].requesterName).toBe("Roxane Bélanger");
  // The same export as a readable statement (to print or save as PDF): each request with its messages.
  await admin.getByRole("button", { name: /^Version lisible/ }).click();
  const statement = admin.getByTestId("statement");
  await expect(statement.getByRole("heading", { level: 2 })).toHaveText(`Relevé des renseignements détenus — ${address}`);
  for (const number of numbers) await expect(statement.getByRole("heading", { level: 3, name: new RegExp(`^${number} — `) })).toBeVisible();
  await expect(statement).toContainText("la personne");
  await expect(statement).toContainText("Bonjour, une question sur mon compte.");
  await expect(statement.getByRole("button", { name: "Imprimer ou enregistrer en PDF" })).toBeVisible();
  await expectAccessible(admin);

  await admin.getByRole("button", { name: "Effacer ses renseignements" }).click();
  await admin.getByRole("group", { name: /^Effacer les renseignements personnels/ }).getByRole("button", { name: "Effacer" }).click();
  await expect(admin.getByTestId("person-notice")).toContainText("1 requête(s) effacée(s).");
  await expect(admin.getByTestId("person-notice")).toContainText(`à fermer d'abord : ${numbers[1]}`);
  await expect(table.locator("tbody tr")).toHaveCount(1);
});
