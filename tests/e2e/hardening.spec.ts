// What an outside probe found, kept found: a stray next-auth callback cookie no longer breaks the
// site for its browser; a malformed JSON body to next-auth is a 400; every /api/v1 answer —
// unknown path, wrong method — is in the JSON error shape.
import net from "node:net";
import { expect, test, setNow, signInToSpace, watchConsole } from "./support";

test("a stray next-auth.callback-url cookie is ignored: every page and auth route still answers", async ({ playwright, baseURL }) => {
  for (const value of ["foo", "%20", "javascript:alert(1)", "//evil.example/x", "https://evil.example/"]) {
    const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.callback-url=${value}` } });
    try {
      for (const path of ["/", "/connexion", "/espace", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
        const response = await client.get(path, { maxRedirects: 0 });
        expect(response.status(), `${path} with callback cookie ${JSON.stringify(value)}`).toBeLessThan(500);
      }
      // And it never leads elsewhere: signing out sends to this site.
      const csrf = (await (await client.get("/api/auth/csrf")).json()).csrfToken as string;
      const signout = await client.post("/api/auth/signout", { form: { csrfToken: csrf, json: "true" }, maxRedirects: 0 });
      expect(signout.status()).toBeLessThan(500);
      const body = await signout.text();
      expect(body).not.toContain("evil.example");
      expect(body).not.toContain("javascript:");
    } finally {
      await client.dispose();
    }
  }
});

test("a malformed JSON body to next-auth is a 400 in the JSON error shape", async ({ request }) => {
  for (const raw of ["{bad", "[1,2]", "\"texte\"", "null"]) {
    const response = await request.post("/api/auth/session", { headers: { "content-type": "application/json" }, data: Buffer.from(raw) });
    expect(response.status(), raw).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID_PARAMETER");
    expect(error.fields.body.fr).toContain("JSON valide");
  }
});

test("unknown /api/v1 paths and wrong methods answer in the JSON error shape", async ({ request }) => {
  for (const [method, path] of [["GET", "/api/v1/nope"], ["POST", "/api/v1/catalogue/status/extra"], ["DELETE", "/api/v1/a/b/c"]] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect((await response.json()).error.code).toBe("NOT_FOUND");
  }
  for (const [method, path, allow] of [["GET", "/api/v1/inquiries", "POST"], ["PUT", "/api/v1/requests", "POST"], ["DELETE", "/api/v1/requests/CAD-2026-000001", "GET"], ["POST", "/api/v1/catalogue", "GET"]] as const) {
    const response = await request.fetch(path, { method, ...(method === "GET" ? {} : { data: {} }) });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"]).toBe(allow);
    const { error } = await response.json();
    expect(error.code).toBe("METHOD_NOT_ALLOWED");
    expect(error.message.fr).toBe("Cette méthode n'est pas permise sur cette adresse.");
  }
});

test("the probe's malformed paths: 404 pages and JSON 400s, never a 500", async ({ request }) => {
  for (const path of ["/api/v1/requests/%ZZ", "/api/v1/requests/%", "/api/v1/requests/%ED%A0%80"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error.code).toBe("INVALID_PARAMETER");
  }
  for (const path of ["/suivi/%ZZ", "/dotation/requetes/%ZZ"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text()).toContain("Page introuvable");
  }
  expect((await request.get("/a.b", { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get("/favicon.svg")).status()).toBe(200);
  // The API's root too is a JSON 404 (a client normalizes /api/v1/requests/.. to it).
  const root = await request.get("/api/v1");
  expect(root.status()).toBe(404);
  expect((await root.json()).error.code).toBe("NOT_FOUND");
});

test("a path naming a file that does not exist gets the app's 404 page in the path's language, not Next's bare English one", async ({ page }) => {
  for (const [path, lang, heading] of [["/a.b", "fr-CA", "Page introuvable"], ["/services/x.json", "fr-CA", "Page introuvable"], ["/en/a.b", "en-CA", "Page not found"]] as const) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
    await expect(page.getByText("This page could not be found")).toHaveCount(0);
  }
});

test("a body over the limit is a JSON 413, a server action from another site a 403, huge headers a JSON 431", async ({ request, baseURL }) => {
  const big = await request.post("/api/v1/inquiries", { headers: { "content-type": "application/json" }, data: Buffer.from(JSON.stringify({ name: "x", extra: "a".repeat(2 * 1024 * 1024) })) });
  expect(big.status()).toBe(413);
  expect((await big.json()).error.code).toBe("PAYLOAD_TOO_LARGE");

  const crossSite = await request.post("/services/ca-dotation/candidate/ecrire", {
    headers: { "next-action": "00".repeat(21), origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(crossSite.status()).toBe(403);

  // Node's HTTP parser answers before any handler: the front door writes the JSON itself.
  const { port, hostname } = new URL(baseURL!);
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`GET /api/v1/catalogue HTTP/1.1\r\nHost: ${hostname}\r\nX-Big: ${"a".repeat(70_000)}\r\n\r\n`));
    let text = "";
    socket.on("data", (c) => (text += c.toString()));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
  expect(raw).toMatch(/^HTTP\/1\.1 431 /);
  expect(JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4)).error.code).toBe("HEADERS_TOO_LARGE");
});

test("security headers on every kind of page and API answer; pages run under a nonce policy with a clean console", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) violations.push(m.text());
  });
  const checkCommon = (headers: Record<string, string>, what: string) => {
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], what).toContain("geolocation=()");
    expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
    expect(headers["x-request-id"], what).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["x-middleware-rewrite"], what).toBeUndefined();
    // Plain HTTP here: no HSTS (it comes with HTTPS, see the front door's tests).
    expect(headers["strict-transport-security"], what).toBeUndefined();
  };
  for (const path of ["/", "/services/ca-dotation", "/services/ca-dotation/candidate", "/services/ca-dotation/candidate/ecrire", "/connexion", "/en", "/suivi/jeton-inconnu", "/page-introuvable"]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    checkCommon(headers, path);
    const policy = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Next.js put this answer's nonce on every script of the HTML (those its runtime adds later are
    // trusted through 'strict-dynamic'); a blocked one would be a console error, checked below.
    const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`)), path).toEqual([]);
  }
  // An interactive check: the language switch and the sign-in form work under the policy.
  await page.goto("/connexion");
  await page.getByLabel("Adresse courriel").fill("personne@exemple.qc.ca");
  await page.getByLabel("Mot de passe").fill("mauvais mot de passe");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
  expect(violations).toEqual([]);

  for (const [method, path] of [["GET", "/api/v1/catalogue"], ["GET", "/api/v1/nope"], ["GET", "/api/v1/inquiries"], ["GET", "/api/auth/session"], ["GET", "/api/health"], ["GET", "/api/ready"], ["GET", "/api/v1/attachments/00000000-0000-0000-0000-000000000000"]] as const) {
    const response = await request.fetch(path, { method });
    checkCommon(response.headers(), `${method} ${path}`);
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  }
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok" });
  // The e2e server runs no jobs (GUICHET_JOBS=off): ready means the database answers.
  expect(await (await request.get("/api/ready")).json()).toEqual({ status: "ready", checks: { database: "ok", jobs: "off" } });
});

test("signing out ends the session on the server: a copy of the cookie taken before reads nothing after", async ({ page, playwright, baseURL }) => {
  await signInToSpace(page, "specialiste@mcc.exemple.qc.ca");
  const copied = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const thief = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: copied } });
  try {
    expect((await thief.get("/dotation/requetes", { maxRedirects: 0 })).status()).toBe(200);
    expect((await (await thief.get("/api/auth/session")).json()).user).toBeTruthy();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/$/);
    const after = await thief.get("/dotation/requetes", { maxRedirects: 0 });
    expect(after.status()).toBeGreaterThanOrEqual(300);
    expect(after.status()).toBeLessThan(400);
    expect(after.headers()["location"]).toContain("/connexion");
    expect(await (await thief.get("/api/auth/session")).json()).toEqual({});
  } finally {
    await thief.dispose();
  }
});

test("sign-in throttling: after a few wrong passwords, the same French message to wait for a known and an unknown e-mail", async ({ browser, baseURL }) => {
  // Ten sign-ins, each with its password hash, on a 2-core machine.
  test.slow();
  const messages: string[] = [];
  for (const email of ["sagir@mcc.exemple.qc.ca", "inconnu.e2e@exemple.qc.ca"]) {
    const context = await browser.newContext();
    // A fixed server clock: the waits do not run out while the test types.
    await setNow(context, baseURL!, "2026-12-02T15:00:00-05:00");
    const page = await context.newPage();
    await page.goto("/connexion");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Adresse courriel").fill(email);
      await page.getByLabel("Mot de passe").fill(`mauvais-${i}`);
      await page.getByRole("button", { name: "Se connecter", exact: true }).click();
      // The attempt is over when the button is back (the previous message is cleared meanwhile).
      await expect(page.getByRole("button", { name: "Se connecter", exact: true })).toBeEnabled({ timeout: 20_000 });
      await expect(page.getByTestId("sign-in-error")).toBeVisible();
    }
    messages.push((await page.getByTestId("sign-in-error").textContent()) ?? "");
    await context.close();
  }
  expect(messages[0]).toBe("Trop de tentatives de connexion. Pour protéger le compte, réessayez dans 1 seconde.");
  expect(messages[1]).toBe(messages[0]);
});

test("the public pages come from the front door's cache, each answer with its own nonce, and run in the browser as rendered", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  let nonces: (string | undefined)[] = [];
  // The first visit of the minute may render it; the second is served from memory. A test running
  // alongside may empty the cache between the two (a catalogue edit, a guide published), and a
  // minute may turn between them: the pair is visited again until the second is a hit.
  await expect(async () => {
    nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await page.goto("/services/ca-dotation/candidate");
      const headers = response!.headers();
      if (i === 1) expect(headers["x-guichet-page-cache"]).toBe("hit");
      const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)?.[1];
      const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
      nonces.push(nonce);
    }
  }).toPass({ timeout: 30_000 });
  expect(nonces[0]).not.toBe(nonces[1]);
  // Hydrated under the policy: the language switch (a client component) leads to the English page.
  await page.getByRole("link", { name: /English|anglais/i }).click();
  await expect(page).toHaveURL(/\/en\/services\/ca-dotation\/candidate$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en-CA");
  expect(errors).toEqual([]);
});

test("the console watch (every test's, in ./support) catches a page's console error and uncaught exception, not a 404 page asked for", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const watch = watchConsole(context);
  const page = await context.newPage();
  await page.goto("/nulle-part");
  expect(await watch.problems()).toEqual([]);
  await page.goto("/");
  await page.evaluate(() => {
    console.error("erreur volontaire");
    setTimeout(() => {
      throw new Error("exception volontaire");
    }, 0);
  });
  await expect.poll(() => watch.problems()).toEqual(["error: erreur volontaire", "uncaught: exception volontaire"]);
  await context.close();
});
