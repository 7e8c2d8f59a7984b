// The telephone system in Chromium, fed by its events (a call_events key): the SAGIR line's
// wallboard — a call queued appears waiting, its wait grows toward the 15 minutes (amber from 60 %),
// and once the system says an agent answered it, nobody waits and that agent is on a call; a
// voicemail's request; the call simulator; the screen pop of the agent the system names, settled with
// the system's times; the dashboard's share answered in time, equal to the events'.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { request as http } from "@playwright/test";
import { expect, test, createApiKeyThroughPage, expectAccessible, expectNoHorizontalScroll, setNow, signInToSpace } from "./support";

// One after another: each test counts the SAGIR line's waiting calls, and the voicemail test's call
// waits on that line until its message is left (run alongside, the first test saw 2 waiting, not 1).
test.describe.configure({ timeout: 180_000, mode: "default" });

test("a queued SAGIR call shows on the wallboard, its wait growing; answered, it leaves the queue and its agent is on a call", async ({ page, browser, baseURL }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInToSpace(admin, "admin@cspq.exemple.qc.ca");
  const key = await createApiKeyThroughPage(admin, `Téléphonie SAGIR ${Date.now().toString(36)}`, "call_events");
  const pbx = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const callId = `wall-${Date.now().toString(36)}`;
  const queuedAt = new Date(Date.now() - 4 * 60_000);
  expect((await pbx.post("/api/v1/calls/events", { data: { callId, event: "queued", line: "sagir", at: queuedAt.toISOString(), caller: "418 555-0142" } })).status()).toBe(201);

  await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
  await page.goto("/console/sagir");
  await page.getByTestId("wallboard-link").click();
  await expect(page).toHaveURL(/\/console\/sagir\/ligne$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ligne téléphonique");
  const line = page.getByTestId("line-sagir");
  await expect(line).toContainText("cible : réponse en 15 min");
  await expect(line.getByTestId("waiting-value")).toHaveText("1");
  await expect(line.getByTestId("longest-wait-value")).toHaveText(/^4:\d\d$/);
  await expect(line.getByTestId("longest-wait")).toContainText("Dans le délai");
  await expect(line.getByTestId("longest-wait")).toContainText(/4 min \d\d s/);
  await expectAccessible(page);

  // Eight minutes on (the server's « now » for this browser): 12 minutes of wait, nearing the 15.
  await setNow(page.context(), baseURL!, new Date(queuedAt.getTime() + 12 * 60_000 + 5_000).toISOString());
  await page.reload();
  await expect(line.getByTestId("longest-wait-value")).toHaveText(/^12:0\d$/);
  await expect(line.getByTestId("longest-wait")).toContainText("Approche de la cible");
  await page.context().clearCookies({ name: "guichet-now" });

  // The system says the agent answered: within 5 seconds the board follows by itself.
  expect((await pbx.post("/api/v1/calls/events", { data: { callId, event: "answered", line: "sagir", at: new Date().toISOString(), agent: "agent.sagir@cspq.exemple.qc.ca" } })).status()).toBe(201);
  await expect(line.getByTestId("waiting-value")).toHaveText("0", { timeout: 15_000 });
  await expect(line.getByTestId("longest-wait-value")).toHaveText("—");
  await expect(line.getByTestId("on-call-value")).toHaveText("1");
  await pbx.dispose();

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
});

test("a voicemail left on the SAGIR line is a request in SAGIR's queue, with the caller's number for the callback", async ({ page, browser, baseURL }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInToSpace(admin, "admin@cspq.exemple.qc.ca");
  const key = await createApiKeyThroughPage(admin, `Boîte vocale ${Date.now().toString(36)}`, "call_events");
  const pbx = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const callId = `vm-${Date.now().toString(36)}`;
  const queuedAt = new Date(Date.now() - 3 * 60_000);
  await pbx.post("/api/v1/calls/events", { data: { callId, event: "queued", line: "sagir", at: queuedAt.toISOString(), caller: "819 555-0164" } });
  const left = await pbx.post("/api/v1/calls/events", {
    data: { callId, event: "voicemail", line: "sagir", at: new Date(queuedAt.getTime() + 60_000).toISOString(), voicemail: { durationSeconds: 75, recordingUrl: "https://pbx.exemple.qc.ca/vm/1.wav" } },
  });
  expect(left.status()).toBe(201);
  const { request } = await left.json();
  expect(request.number).toMatch(/^SAG-\d{4}-\d{6}$/);
  await pbx.dispose();

  await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
  await page.goto(`/console/requetes/${request.number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("☎ •••0164 · 1:15");
  await expect(page.getByText("Message vocal (à classer)").first()).toBeVisible();
  await expect(page.getByText("Numéro de l'appelant")).toBeVisible();
  await expect(page.getByText("819 555-0164")).toBeVisible();
  await expect(page.getByTestId("thread")).toContainText("Message vocal laissé sur la ligne téléphonique");
  await expectAccessible(page);
});

test("the call simulator plays a day of calls into the events API; the wallboard counts what it says it played", async ({ page, browser, baseURL }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInToSpace(admin, "admin@cspq.exemple.qc.ca");
  const key = await createApiKeyThroughPage(admin, `Simulateur ${Date.now().toString(36)}`, "call_events");
  // The MO specialists' line: no other test calls it. Eight calls, 5,000 times faster than real time.
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/phone-simulate.ts", "--line", "cad-mo", "--calls", "8", "--speed", "5000", "--seed", "7", "--url", baseURL!, "--key", key]);
  const played = /^8 appels sur la ligne cad-mo : (\d+) répondus, (\d+) abandonnés, (\d+) messages vocaux — (\d+) événements envoyés, 0 refusés$/m.exec(stdout);
  expect(played, stdout).not.toBeNull();
  const [answered, abandoned] = [Number(played![1]), Number(played![2])];

  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await page.goto("/console/ca-dotation/ligne");
  const line = page.getByTestId("line-cad-mo");
  await expect(line.getByTestId("answered-value")).toHaveText(String(answered));
  await expect(line.getByTestId("abandoned-value")).toHaveText(String(abandoned));
  await expect(line.getByTestId("waiting-value")).toHaveText("0");
});

test("screen pop: the agent the system names sees « Appel en cours » with the caller's requests, and settles it with the system's times", async ({ page, browser, baseURL }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInToSpace(admin, "admin@cspq.exemple.qc.ca");
  const key = await createApiKeyThroughPage(admin, `Écran d'appel ${Date.now().toString(36)}`, "call_events");
  const pbx = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  // A number nobody else uses in the tests (its last four digits from the clock).
  const digits = String(Date.now() % 10_000).padStart(4, "0");
  const caller = `418 555-${digits}`;
  const ring = async (callId: string, waitSeconds: number) => {
    const queuedAt = Date.now() - (waitSeconds + 20) * 1000;
    await pbx.post("/api/v1/calls/events", { data: { callId, event: "queued", line: "cad-candidates", at: new Date(queuedAt).toISOString(), caller } });
    const answered = await pbx.post("/api/v1/calls/events", { data: { callId, event: "answered", line: "cad-candidates", at: new Date(queuedAt + waitSeconds * 1000).toISOString(), agent: "agent.dotation@cspq.exemple.qc.ca" } });
    expect(answered.status()).toBe(201);
  };

  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await page.goto("/console/ca-dotation");
  const first = `pop-${Date.now().toString(36)}`;
  await ring(first, 95);
  // Polled every few seconds: the pop comes by itself, without a reload.
  const pop = page.getByTestId("call-pop").filter({ hasText: `•••${digits}` });
  await expect(pop).toBeVisible({ timeout: 15_000 });
  await expect(pop.getByRole("heading", { level: 2 })).toContainText("Appel en cours");
  await expect(pop).toContainText("Candidates et candidats");
  await expect(pop).toContainText("1:35");
  await expect(pop).toContainText("Dans le délai");
  await expect(pop).toContainText("Aucune requête connue pour ce numéro.");
  await expectAccessible(page);

  // Another centre's agent has no pop for it.
  const other = await (await browser.newContext()).newPage();
  await signInToSpace(other, "agent.sagir@cspq.exemple.qc.ca");
  await other.goto("/console/sagir");
  await other.waitForTimeout(5_000);
  await expect(other.getByTestId("call-pop").filter({ hasText: `•••${digits}` })).toHaveCount(0);

  // Settled by opening a request: the times are the system's, nothing typed.
  await pop.getByRole("link", { name: "Régler l'appel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Régler un appel reçu");
  await expect(page.getByTestId("call-facts")).toContainText("1:35");
  await expect(page.getByLabel("Reçu à")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Suite").selectOption("request_opened");
  await page.getByLabel("Type de demande").selectOption({ index: 1 });
  await page.getByLabel("Objet").fill("Suivi de candidature");
  await page.getByLabel("Résumé (note interne)").fill("La personne rappellera avec son numéro de dossier.");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const notice = page.getByRole("status").filter({ hasText: /Requête CAD-\d{4}-\d{6} ouverte/ });
  await expect(notice).toBeVisible();
  const number = /CAD-\d{4}-\d{6}/.exec((await notice.textContent()) ?? "")![0];
  await expect(page.getByTestId("call-pop").filter({ hasText: `•••${digits}` })).toHaveCount(0, { timeout: 15_000 });

  // The same number calls again: the pop shows the request the first call opened.
  await page.goto("/console/ca-dotation");
  await ring(`${first}-2`, 400);
  const again = page.getByTestId("call-pop").filter({ hasText: `•••${digits}` });
  await expect(again).toContainText("Délai dépassé", { timeout: 15_000 });
  await expect(again.getByRole("link", { name: number })).toBeVisible();
  await again.getByRole("link", { name: "Régler l'appel" }).click();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Appel réglé." })).toBeVisible();
  // The same call again (a second tab, a reload): it is settled, nothing to do.
  await page.reload();
  await expect(page.getByText("Cet appel est déjà réglé, ou il n'a pas été répondu par vous.")).toBeVisible();
  await pbx.dispose();

  // On a phone: the pop and the queue (with the request just opened in it) fit the width; the queue's
  // table scrolls in its own box, hidden texts included.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/console/ca-dotation?status=all&q=${number}`);
  await expect(page.getByTestId("queue").getByRole("link", { name: number })).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test("the dashboard's share of calls answered in time is the one the events give, computed here on their own", async ({ page, browser, baseURL }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInToSpace(admin, "admin@cspq.exemple.qc.ca");
  const key = await createApiKeyThroughPage(admin, `Tableau de bord ${Date.now().toString(36)}`, "call_events");
  const pbx = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  // A past Tuesday no other test or demo call falls on: 9 June 2026, from 10:00 in Québec (EDT).
  const start = Date.parse("2026-06-09T14:00:00Z");
  const targetSeconds = 5 * 60;
  const calls: { end: "answered" | "abandoned" | "voicemail"; wait: number }[] = [
    { end: "answered", wait: 60 },
    { end: "answered", wait: 180 },
    { end: "answered", wait: 270 },
    { end: "answered", wait: 360 },
    { end: "abandoned", wait: 10 },
    { end: "abandoned", wait: 90 },
    { end: "voicemail", wait: 120 },
  ];
  const run = Date.now().toString(36);
  for (const [i, c] of calls.entries()) {
    const queuedAt = start + i * 15 * 60_000;
    const callId = `dash-${run}-${i}`;
    await pbx.post("/api/v1/calls/events", { data: { callId, event: "queued", line: "cad-candidates", at: new Date(queuedAt).toISOString() } });
    const extra = c.end === "answered" ? { agent: "agent.dotation@cspq.exemple.qc.ca" } : c.end === "voicemail" ? { voicemail: { durationSeconds: 30 } } : {};
    expect((await pbx.post("/api/v1/calls/events", { data: { callId, event: c.end, line: "cad-candidates", at: new Date(queuedAt + c.wait * 1000).toISOString(), ...extra } })).status()).toBe(201);
  }
  await pbx.dispose();
  // The rule, on its own: answered calls count, abandoned ones after 30 s of waiting count against, voicemails do not.
  const counted = calls.filter((c) => c.end === "answered" || (c.end === "abandoned" && c.wait >= 30));
  const share = counted.filter((c) => c.end === "answered" && c.wait <= targetSeconds).length / counted.length;
  expect(share).toBe(0.6);

  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.goto("/gestion/tableau-de-bord/ca-dotation?period=day&date=2026-06-09&audience=candidate");
  await expect(page.getByTestId("kpi-calls")).toHaveText(new Intl.NumberFormat("fr-CA", { style: "percent", maximumFractionDigits: 1 }).format(share));
});

test("a manager adds a telephone line in the catalogue: the system reports on it at once and the wallboard shows it; a line with calls stays", async ({ page, browser, baseURL }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInToSpace(admin, "admin@cspq.exemple.qc.ca");
  const key = await createApiKeyThroughPage(admin, `Nouvelle ligne ${Date.now().toString(36)}`, "call_events");
  const pbx = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const id = `sagir-${Date.now().toString(36)}`;
  const queued = { callId: `${id}-1`, event: "queued", line: id, at: new Date(Date.now() - 60_000).toISOString() };
  expect((await pbx.post("/api/v1/calls/events", { data: queued })).status()).toBe(400);

  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.goto("/gestion/catalogue");
  const lines = page.getByTestId("phone-lines");
  await expect(lines.getByTestId("line-cad-candidates").getByLabel("Numéros (un par ligne)")).toHaveValue("418 528-7157\n1 866 672-3460");
  const add = page.getByRole("form", { name: "Nouvelle ligne" });
  await add.getByLabel("Identifiant (« line » des événements)").fill("Pas valide");
  await add.getByLabel("Service et clientèle").selectOption("sagir/sagir-user");
  await add.getByRole("button", { name: "Enregistrer la ligne" }).click();
  await expect(page.getByRole("form", { name: "Nouvelle ligne" }).getByText("Identifiant de ligne : lettres minuscules")).toBeVisible();
  await page.getByRole("form", { name: "Nouvelle ligne" }).getByLabel("Identifiant (« line » des événements)").fill(id);
  await page.getByRole("form", { name: "Nouvelle ligne" }).getByLabel("Service et clientèle").selectOption("sagir/sagir-user");
  await page.getByRole("form", { name: "Nouvelle ligne" }).getByLabel("Numéros (un par ligne)").fill("418 644-2777");
  await page.getByRole("form", { name: "Nouvelle ligne" }).getByRole("button", { name: "Enregistrer la ligne" }).click();
  await expect(lines.getByTestId(`line-${id}`)).toBeVisible();
  await expect(page.getByTestId("catalogue-history")).toContainText(`Ligne téléphonique ${id} enregistrée`);
  await expectAccessible(page);

  // Within the catalogue's cache (5 s), the events API knows it; the SAGIR wallboard shows it.
  await expect.poll(async () => (await pbx.post("/api/v1/calls/events", { data: queued })).status(), { timeout: 15_000 }).toBe(201);
  await pbx.dispose();
  await page.goto("/console/sagir/ligne");
  await expect(page.getByTestId(`line-${id}`).getByTestId("waiting-value")).toHaveText("1");

  await page.goto("/gestion/catalogue");
  await lines.getByTestId(`line-${id}`).getByRole("button", { name: `Retirer la ligne ${id}` }).click();
  await lines.getByTestId(`line-${id}`).getByRole("button", { name: "Confirmer" }).click();
  await expect(lines.getByTestId(`line-${id}`).getByText("Cette ligne a des appels : elle reste")).toBeVisible();
});

test("an agent of another centre does not reach SAGIR's wallboard", async ({ page }) => {
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  expect((await page.goto("/console/sagir/ligne"))?.status()).toBe(404);
});
