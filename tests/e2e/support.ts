import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "Guichet-demo-2026";

/** Fixes the server's "now" for this browser context (honoured only with GUICHET_TEST_CLOCK=1). */
export async function setNow(context: BrowserContext, baseURL: string, iso: string): Promise<void> {
  await context.addCookies([{ name: "guichet-now", value: encodeURIComponent(iso), url: baseURL }]);
}

/** axe (WCAG 2.1 A/AA rules): no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Nothing wider than the screen (a phone must not scroll sideways). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The e2e server's database (see playwright.config.ts). */
export function e2eDatabaseUrl(): string {
  return process.env.E2E_DATABASE_URL || `postgresql://guichet:guichet@127.0.0.1:${process.env.E2E_DB_PORT}/guichet`;
}

/** How many requests the e2e server's database holds (the fuzz tests: only what was accepted is stored). */
export async function countRequests(): Promise<number> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return Number((await client.query("SELECT count(*) FROM request")).rows[0].count);
  } finally {
    await client.end();
  }
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse courriel").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Signs in and waits for the personal space the app lands on. */
export async function signInToSpace(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/espace$/);
}
