// The requests API over HTTP, with a signed-in browser session.
import { type APIRequestContext } from "@playwright/test";
import { expect, test, signInToSpace } from "./support";


const body = {
  form: "dotation",
  function: "user-access",
  nature: "access-change",
  subject: "Accès pour une nouvelle collègue",
  description: "Merci de donner l'accès à Emplois en ligne à notre nouvelle conseillère.",
  urgent: false,
};

async function createAs(request: APIRequestContext) {
  const response = await request.post("/api/v1/requests", { data: body });
  return { status: response.status(), json: await response.json() };
}


test("POST and GET /api/v1/requests: 201 for an MO specialist, 404 for another MO and for nobody, 401/403/400 as due", async ({ page, browser, playwright, baseURL }) => {
  // A multi-page scenario: several sign-ins and pages on a 2-core machine.
  test.slow();
  await signInToSpace(page, "specialiste@mfq.exemple.qc.ca");
  const created = await createAs(page.request);
  expect(created.status).toBe(201);
  expect(created.json.number).toMatch(/^CAD-\d{4}-\d{6}$/);
  expect(created.json.targets[0].id).toBe("cad-mo-first-reply");

  const own = await page.request.get(`/api/v1/requests/${created.json.number}`);
  expect(own.status()).toBe(200);
  expect((await own.json()).subject).toBe(body.subject);

  const invalid = await page.request.post("/api/v1/requests", { data: { ...body, subject: "x", form: "dotation" } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error.fields.subject.fr).toContain("de 3 à 150 caractères");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInToSpace(other, "specialiste@mcc.exemple.qc.ca");
  expect((await other.request.get(`/api/v1/requests/${created.json.number}`)).status()).toBe(404);
  await otherContext.close();

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signInToSpace(agent, "agent.dotation@cspq.exemple.qc.ca");
  expect((await agent.request.get(`/api/v1/requests/${created.json.number}`)).status()).toBe(200);
  expect((await createAs(agent.request)).status).toBe(403);
  await agentContext.close();

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/api/v1/requests/${created.json.number}`)).status()).toBe(404);
  expect((await createAs(anonymous)).status).toBe(401);
  await anonymous.dispose();
});

test("characters nobody types are refused at their field, in French and English, and nothing is stored; a wrong type for urgent is not read as « no »", async ({ page }) => {
  const subject = `Caractères ${Date.now().toString(36)}`;
  for (const [field, value] of [["name", "Nul\u0000Nom"], ["subject", `${subject} \u001b[31m`], ["message", "Un message valide\u0000 avec un nul."], ["message", "Une moitié de paire \ud800 seule."], ["name", "Non\uffffcaractère"]] as const) {
    const response = await page.request.post("/api/v1/inquiries", {
      data: { name: "Camille Roy", email: "camille@exemple.ca", subject, topic: "online-systems", message: "Je n'arrive pas à me connecter.", [field]: value },
    });
    expect(response.status()).toBe(400);
    const { error } = await response.json();
    expect(error.fields[field].fr).toContain("caractères qu'on ne tape pas");
    expect(error.fields[field].en).toContain("characters nobody types");
  }
  // Line breaks and tabs are what people type: kept.
  const ok = await page.request.post("/api/v1/inquiries", {
    data: { name: "Camille Roy", email: "camille@exemple.ca", subject, topic: "online-systems", message: "Première ligne\n\tdeuxième ligne, indentée." },
  });
  expect(ok.status()).toBe(201);
  for (const path of ["/api/v1/requests/X%00", "/api/v1/requests/CAD-2026-000001%00", "/api/v1/requests/cad-2026"]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
  }

  await signInToSpace(page, "specialiste@mfq.exemple.qc.ca");
  for (const urgent of ["yes", 1, null, [], { a: 1 }]) {
    const response = await page.request.post("/api/v1/requests", { data: { ...body, urgent } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.fields.urgent.fr).toBe("Répondez par vrai ou faux (true ou false).");
  }
  for (const urgent of [true, false]) expect((await page.request.post("/api/v1/requests", { data: { ...body, urgent } })).status()).toBe(201);
});
