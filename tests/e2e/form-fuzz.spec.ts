// The public forms' server actions against hostile input, through the page as a browser sends it
// (fast-check): the candidate's inquiry form and the tracking page's answer. Never a 5xx, never the
// error page; a refusal names its fields and stores nothing — the requests stored are exactly the
// submissions that reached their confirmation.
import { type Page } from "@playwright/test";
import fc from "fast-check";
import pg from "pg";
import { expect, test, countRequests, e2eDatabaseUrl, setNow } from "./support";

const AT = "2026-06-23T15:00:00-04:00";
const WRITE = "/services/ca-dotation/candidate/ecrire";
const HOSTILE = ["\u0000", "a\u0000b", "\u0001\u0002", "\u001b[31mrouge\u001b[0m", "\ud800", "x\udfffy", "\ufffe", "\uffff", "<script>alert(1)</script>", "' OR 1=1 --", "é".repeat(6000), "   ", ""];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }));
const maybe = (valid: string) => fc.oneof({ weight: 2, arbitrary: fc.constant(valid) }, { weight: 3, arbitrary: text });

/** Sets a field's value as typed (bypassing maxlength: a client can send anything). */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).evaluate((el, v) => {
    const field = el as HTMLInputElement | HTMLTextAreaElement;
    field.removeAttribute("maxlength");
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")!.set!;
    setter.call(field, v);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

/** Watches a page for 5xx answers and for the app's error page. */
function watch(page: Page): { failures: string[] } {
  const failures: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 500) failures.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on("pageerror", (e) => failures.push(`pageerror: ${e.message}`));
  return { failures };
}

test.beforeEach(async ({ context, baseURL }) => {
  await setNow(context, baseURL!, AT);
});

test("the inquiry form: hostile fields are refused at the field, valid ones confirmed, only those stored", async ({ page }) => {
  test.setTimeout(180_000);
  const { failures } = watch(page);
  const before = await countRequests();
  let confirmed = 0;
  await fc.assert(
    fc.asyncProperty(maybe("Geneviève Tremblay"), maybe("genevieve@exemple.ca"), maybe("Mot de passe oublié"), maybe("Je n'arrive plus à me connecter à mon compte."), async (name, email, subject, message) => {
      await page.goto(WRITE);
      await page.getByRole("combobox", { name: "Sujet de votre question", exact: true }).selectOption("online-systems");
      await setValue(page, "#name", name);
      await setValue(page, "#email", email);
      await setValue(page, "#subject", subject);
      await setValue(page, "#message", message);
      await page.getByRole("button", { name: "Envoyer ma question" }).click();
      const refused = page.getByRole("alert").filter({ hasText: "Votre question n'a pas été envoyée" });
      await expect(page.getByTestId("confirmation").or(refused)).toBeVisible({ timeout: 15_000 });
      if (/\/suivi\//.test(page.url())) confirmed++;
    }),
    { numRuns: 15 },
  );
  expect(failures).toEqual([]);
  expect(await countRequests()).toBe(before + confirmed);
});

test("the tracking page's answer: hostile messages are refused at the field and add nothing", async ({ page, request }) => {
  test.setTimeout(120_000);
  const created = await request.post("/api/v1/inquiries", {
    data: { name: "Suivi Fuzz", email: "suivi.fuzz@exemple.ca", subject: "Question de suivi", topic: "staffing-general", message: "Une question générale sur la dotation." },
  });
  expect(created.status()).toBe(201);
  const link = new URL((await created.json()).trackingUrl as string).pathname;
  const { failures } = watch(page);
  let added = 0;
  await fc.assert(
    fc.asyncProperty(maybe("Précision : le message d'erreur parle d'un compte verrouillé."), async (message) => {
      await page.goto(link);
      const items = page.getByTestId("thread").getByRole("listitem");
      const before = await items.count();
      await setValue(page, "#message", message);
      await page.getByRole("button", { name: "Envoyer" }).click();
      const ok = page.getByText("Votre message a été ajouté à la demande.");
      await expect(ok.or(page.locator("#message-error"))).toBeVisible({ timeout: 15_000 });
      if (await ok.isVisible()) {
        added++;
        await expect(items).toHaveCount(before + 1);
      } else {
        await expect(items).toHaveCount(before);
      }
    }),
    { numRuns: 8 },
  );
  expect(failures).toEqual([]);
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*) AS n FROM message m JOIN request r ON r.id = m.request_id WHERE r.requester_email = 'suivi.fuzz@exemple.ca'");
    expect(Number(rows[0].n)).toBe(1 + added);
  } finally {
    await client.end();
  }
});
