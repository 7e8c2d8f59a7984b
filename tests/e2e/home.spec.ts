import { expect, test, expectAccessible, expectNoHorizontalScroll, setNow } from "./support";

// Wednesday 25 November 2026, 9:45 in Québec: candidates' line opens at 10:00 on Wednesdays.
const WEDNESDAY_0945 = "2026-11-25T09:45:00-05:00";

test.describe("home page", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await setNow(context, baseURL!, WEDNESDAY_0945);
  });

  test("French: both centres, each audience's status at the fixed instant @phone", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choisissez un centre d'assistance");
    const cad = page.getByTestId("service-ca-dotation");
    await expect(cad.getByRole("heading", { level: 2 })).toHaveText("Centre d'assistance en dotation");
    const statuses = cad.getByTestId("open-status");
    await expect(statuses.nth(0)).toHaveText("Fermé — ouvre aujourd'hui à 10 h");
    await expect(statuses.nth(1)).toHaveText("Ouvert — ferme aujourd'hui à 12 h");
    await expect(page.getByTestId("service-sagir").getByTestId("open-status")).toHaveText("Ouvert — ferme aujourd'hui à 12 h");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
  });

  test("English through the language switch, and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Display this page in English" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-CA");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose an assistance centre");
    await expect(page.getByTestId("service-ca-dotation").getByTestId("open-status").first()).toHaveText("Closed — opens today at 10 a.m.");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Afficher cette page en français" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choisissez un centre d'assistance");
  });

  test("is keyboard-navigable from the skip link to a service page", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Passer au contenu" })).toBeFocused();
    await page.getByRole("link", { name: "Heures et coordonnées — Utilisatrices et utilisateurs de SAGIR" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/services\/sagir\/sagir-user$/);
  });

  test("an unknown page is a French 404", async ({ page }) => {
    const response = await page.goto("/nulle-part");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  });
});
