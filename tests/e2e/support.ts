import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "Guichet-demo-2026";

export { expect };

/**
 * Playwright's `test`, with every page watched: an error or a warning in the browser's console (a
 * React error, a failed hydration, a resource refused by the CSP) or an uncaught exception fails the
 * test. A test that provokes one on purpose (an error page, a refused request) says so with
 * `allowConsoleErrors`.
 */
export const test = base.extend<{ consoleWatch: void }>({
  consoleWatch: [
    async ({ context }, use, testInfo) => {
      const watch = watchConsole(context);
      await use();
      const allowed = testInfo.annotations.filter((a) => a.type === ALLOW).map((a) => new RegExp(a.description ?? "^$"));
      expect((await watch.problems()).filter((line) => !allowed.some((re) => re.test(line))), "the browser's console").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * What the pages of a browser context print as errors or warnings, or throw. A page or an API call
 * answered 4xx is what a test asks for (a 404 page, a form refused at its fields): Chromium still
 * logs « Failed to load resource », which is no defect of the page. A script, style, font or image
 * that fails to load, or any 5xx, is one.
 */
export function watchConsole(context: BrowserContext): { problems: () => Promise<string[]> } {
  const seen: string[] = [];
  const expectedRefusals = new Set<string>();
  const watch = (page: Page) => {
    page.on("response", (response) => {
      const type = response.request().resourceType();
      if (response.status() >= 400 && response.status() < 500 && (type === "document" || type === "fetch" || type === "xhr")) expectedRefusals.add(response.url());
    });
    page.on("console", (message) => {
      if (message.type() !== "error" && message.type() !== "warning") return;
      const where = message.location().url;
      if (message.text().startsWith("Failed to load resource: the server responded with a status of 4") && expectedRefusals.has(where)) return;
      seen.push(`${message.type()}: ${message.text()}${where ? ` (${where})` : ""}`);
    });
    page.on("pageerror", (error) => seen.push(`uncaught: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    // A round trip to each open page first: a message sent just before reaches us before the answer does.
    problems: async () => {
      await Promise.all(context.pages().map((p) => p.evaluate(() => new Promise((r) => setTimeout(r, 0))).catch(() => undefined)));
      return [...seen];
    },
  };
}

const ALLOW = "console-errors-allowed";

/** This test provokes console lines matching `pattern` on purpose (a 404 page's document, a refused fetch). */
export function allowConsoleErrors(pattern: RegExp): void {
  test.info().annotations.push({ type: ALLOW, description: pattern.source });
}

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

/** A statement on the e2e server's database (a test's own rows, or what the app stored); its rows. */
export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
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
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
}

/** Signs in and waits for the personal space the app lands on. */
export async function signInToSpace(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  // A password check (scrypt) on a machine running two browsers, the server and a simulator can take
  // more than the default 5 s: the sign-in is not what these tests measure.
  await expect(page).toHaveURL(/\/espace$/, { timeout: 15_000 });
}

/** The admin (already signed in on `page`) makes an integration key at /admin/cles; its text, shown once. */
export async function createApiKeyThroughPage(page: Page, name: string, scope: string): Promise<string> {
  await page.goto("/admin/cles");
  const form = page.getByTestId("api-key-form");
  await form.getByRole("textbox", { name: /^Nom/ }).fill(name);
  await form.getByRole("combobox", { name: /Portée/ }).selectOption(scope);
  await form.getByRole("button", { name: "Créer la clé" }).click();
  await expect(page.getByTestId("api-key-created")).toContainText(name);
  return page.getByLabel("La clé (affichée une seule fois)").inputValue();
}
