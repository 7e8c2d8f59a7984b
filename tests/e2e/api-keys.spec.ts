// /admin/cles in Chromium: the admin makes a key that reads SAGIR's requests (a refusal at the
// field first), sees it once, an integration reads a SAGIR request with it (`Authorization:
// Bearer`), its use shows on the page; revoked after a confirmation, it is refused (401, JSON).
import { request as http } from "@playwright/test";
import { expect, test, createApiKeyThroughPage, expectAccessible, expectNoHorizontalScroll, signInToSpace } from "./support";

test.describe.configure({ timeout: 180_000 });

test("the admin makes a key reading SAGIR's requests, an integration uses it, the admin revokes it", async ({ page, browser, baseURL }) => {
  const name = `Rapports SAGIR ${Date.now().toString(36)}`;
  // A SAGIR request to read, submitted by a SAGIR user of the MFQ.
  const user = await (await browser.newContext()).newPage();
  await signInToSpace(user, "sagir@mfq.exemple.qc.ca");
  const created = await user.request.post("/api/v1/requests", {
    data: { form: "sagir", type: "specialised", domain: "RF", subject: `Lecture par clé ${name}`, description: "Une requête que l'outil de rapports lira." },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();

  await signInToSpace(page, "admin@cspq.exemple.qc.ca");
  await page.getByTestId("api-keys-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clés d'API des intégrations");
  await expectAccessible(page);
  const form = page.getByTestId("api-key-form");
  await form.getByRole("combobox", { name: /Portée/ }).selectOption("requests_read:sagir");
  await form.getByRole("button", { name: "Créer la clé" }).click();
  await expect(page.locator("#name-error")).toContainText("Nommez la clé");
  await expect(form.getByRole("combobox", { name: /Portée/ })).toHaveValue("requests_read:sagir");
  await form.getByRole("textbox", { name: /^Nom/ }).fill(name);
  await form.getByRole("button", { name: "Créer la clé" }).click();
  await expect(page.getByTestId("api-key-created")).toContainText(`Clé créée : ${name}`);
  const key = await page.getByLabel("La clé (affichée une seule fois)").inputValue();
  expect(key).toMatch(/^gk_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId(`api-key-${key.slice(3, 13)}`);
  await expect(row).toContainText("Lecture des requêtes — ");
  await expect(row).toContainText("En vigueur");
  await expect(row.getByTestId("last-use")).toHaveText("Jamais utilisée");
  // Shown once: not in the page after a reload.
  await page.reload();
  expect(await page.content()).not.toContain(key.slice(14));
  await expectAccessible(page);

  // The integration: no session, only the key.
  const integration = await http.newContext({ baseURL });
  const read = await integration.get(`/api/v1/requests/${number}`, { headers: { authorization: `Bearer ${key}` } });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ number, service: "sagir" });
  const altered = await integration.get(`/api/v1/requests/${number}`, { headers: { authorization: `Bearer ${key.slice(0, -2)}xx` } });
  expect(altered.status()).toBe(401);
  expect(await altered.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  await page.reload();
  await expect(row.getByTestId("last-use")).toContainText("depuis 127.0.0.1 (1 utilisation)");

  // Revoked after a confirmation: refused from the next request.
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Révoquer — ${name}` }).click();
  await expect(row).toContainText("Révoquée");
  const afterRevocation = await integration.get(`/api/v1/requests/${number}`, { headers: { authorization: `Bearer ${key}` } });
  expect(afterRevocation.status()).toBe(401);
  await integration.dispose();

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
});

test("the telephone system posts call events with its key: stored once, the call's target computed; without a key 401", async ({ page, baseURL }) => {
  await signInToSpace(page, "admin@cspq.exemple.qc.ca");
  const key = await createApiKeyThroughPage(page, `Téléphonie e2e ${Date.now().toString(36)}`, "call_events");

  const pbx = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const callId = `e2e-${Date.now().toString(36)}`;
  const queuedAt = new Date(Date.now() - 10 * 60_000);
  const post = (event: string, at: Date, extra: Record<string, unknown> = {}) => pbx.post("/api/v1/calls/events", { data: { callId, event, line: "cad-candidates", at: at.toISOString(), ...extra } });
  expect((await post("queued", queuedAt, { caller: "418 555-0199" })).status()).toBe(201);
  const answered = await post("answered", new Date(queuedAt.getTime() + 6 * 60_000), { agent: "agent.dotation@cspq.exemple.qc.ca" });
  expect(answered.status()).toBe(201);
  expect(await answered.json()).toMatchObject({ stored: true, call: { status: "answered", waitSeconds: 360, met: false } });
  // The same webhook again: nothing changes.
  const retried = await post("answered", new Date(queuedAt.getTime() + 6 * 60_000), { agent: "agent.dotation@cspq.exemple.qc.ca" });
  expect(retried.status()).toBe(200);
  expect(await retried.json()).toMatchObject({ stored: false });
  const bad = await post("ringing", queuedAt);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "INVALID_PARAMETER", fields: { event: expect.anything() } } });
  await pbx.dispose();

  const anonymous = await http.newContext({ baseURL });
  const refused = await anonymous.post("/api/v1/calls/events", { data: { callId, event: "ended", line: "cad-candidates", at: new Date().toISOString() } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  await anonymous.dispose();
});

test("a manager does not reach /admin/cles", async ({ page }) => {
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await expect(page.getByTestId("api-keys-link")).toHaveCount(0);
  expect((await page.goto("/admin/cles"))?.status()).toBe(404);
});
