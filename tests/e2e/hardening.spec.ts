// What an outside probe found, kept found: a stray next-auth callback cookie no longer breaks the
// site for its browser; a malformed JSON body to next-auth is a 400; every /api/v1 answer —
// unknown path, wrong method — is in the JSON error shape.
import { expect, test } from "@playwright/test";

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
