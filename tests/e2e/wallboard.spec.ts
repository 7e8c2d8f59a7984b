// The SAGIR line's wallboard in Chromium, fed by the telephone system's events (a call_events key):
// a call queued appears waiting, its wait grows toward the 15 minutes (amber from 60 %), and once
// the system says an agent answered it, nobody waits and that agent is on a call.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { request as http } from "@playwright/test";
import { expect, test, createApiKeyThroughPage, expectAccessible, expectNoHorizontalScroll, setNow, signInToSpace } from "./support";

test.describe.configure({ timeout: 180_000 });

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

test("an agent of another centre does not reach SAGIR's wallboard", async ({ page }) => {
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  expect((await page.goto("/console/sagir/ligne"))?.status()).toBe(404);
});
