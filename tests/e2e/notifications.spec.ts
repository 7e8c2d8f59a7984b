// Notifications in Chromium: an MO request becomes at risk at 23:00 on a Friday; the cycle run
// then notifies nobody (the service is closed); run on Monday at 8:30 it notifies the team (the
// request is unassigned), once; the agent sees the count in the header, the notification on their
// page, opens the request, marks it read. Managers and MO users have no notifications page.
import { expect, test, expectAccessible, setNow, signInToSpace } from "./support";

test.describe.configure({ timeout: 120_000 });

// Thursday 16 September 2027, 11:00 in Québec: 48 business-day hours → due Monday 20 September
// at 11:00; at risk from Friday 17 September, 23:00. (Dates no other test uses.)
const RECEIVED = "2027-09-16T15:00:00.000Z";
const FRIDAY_2300 = "2027-09-18T03:00:00.000Z";
const MONDAY_0830 = "2027-09-20T12:30:00.000Z";

test("a request at risk at 23:00 on a Friday is notified on Monday at the opening, once; the agent reads it", async ({ browser, baseURL }) => {
  const mo = await browser.newContext();
  await setNow(mo, baseURL!, RECEIVED);
  const moPage = await mo.newPage();
  await signInToSpace(moPage, "specialiste@mfq.exemple.qc.ca");
  const created = await moPage.request.post("/api/v1/requests", {
    data: { form: "dotation", function: "reports", nature: "how-to", subject: "Rapport trimestriel", description: "Comment produire le rapport trimestriel des nominations ?", urgent: false },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();
  // Nobody but agents has a notifications page.
  expect((await moPage.goto("/console/notifications"))!.status()).toBe(404);
  await mo.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await setNow(context, baseURL!, FRIDAY_2300);
  const cycle = async () => (await page.request.post("/api/test/notification-cycle")).json();
  expect(await cycle()).toMatchObject({ notified: 0 });
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  await page.goto("/console/notifications");
  await expect(page.getByTestId("notifications").locator("li", { hasText: number })).toHaveCount(0);

  // Monday, 8:30: the line opens, the notification goes out; a second cycle sends nothing more.
  await setNow(context, baseURL!, MONDAY_0830);
  expect((await cycle()).notified).toBeGreaterThanOrEqual(1);
  expect(await cycle()).toMatchObject({ dispatched: 0, notified: 0 });
  await page.goto("/console/notifications");
  const item = page.getByTestId("notifications").locator("li", { hasText: number });
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("data-state", "at-risk");
  await expect(item).toContainText("À risque");
  await expect(item).toContainText(`Requête ${number} — Première réponse · `);
  await expect(item).toContainText("Échéance : le lundi 20 septembre 2027 à 11 h");
  await expect(item).toContainText("Reçue aujourd'hui à 8 h 30");
  await expect(page.getByTestId("notifications-link")).toContainText(/Notifications\s*\d+/);
  await expectAccessible(page);

  // Read: the count goes down, the item stays, marked read; its link opens the request.
  const unreadBefore = Number((await page.getByTestId("unread-count").textContent())!.match(/\d+/)?.[0] ?? 0);
  await item.getByRole("button", { name: "Marquer comme lue" }).click();
  await expect(page.getByTestId("notifications").locator("li", { hasText: number })).toHaveAttribute("data-read", "yes");
  if (unreadBefore === 1) await expect(page.getByTestId("unread-count")).toHaveText("Aucune non lue");
  else await expect(page.getByTestId("unread-count")).toHaveText(`${unreadBefore - 1} non lue${unreadBefore - 1 > 1 ? "s" : ""}`);
  await page.getByRole("link", { name: `Ouvrir la requête ${number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/console/requetes/${number}$`));
  await context.close();
});

test("managers have no notifications page", async ({ page, context, baseURL }) => {
  await setNow(context, baseURL!, MONDAY_0830);
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await expect(page.getByTestId("notifications-link")).toHaveCount(0);
  expect((await page.goto("/console/notifications"))!.status()).toBe(404);
});
