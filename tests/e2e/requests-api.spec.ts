// The requests API over HTTP, with a signed-in browser session.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInToSpace } from "./support";


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
