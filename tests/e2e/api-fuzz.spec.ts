// Every /api/v1 route against random and hostile input (fast-check), on the production build:
// never a 5xx, always the JSON error shape, and nothing stored on a refusal — the rows created are
// exactly the 201s. The probe's corpus is in the generators: NUL, control characters, ANSI
// escapes, lone surrogates, U+FFFE/U+FFFF, 1 MB strings, deep JSON, wrong types, unknown fields,
// malformed JSON and bytes that are no UTF-8.
import { type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import { expect, test, countRequests, signInToSpace } from "./support";

const HOSTILE = ["\u0000", "a\u0000b", "\u0001", "\u001b[31mrouge\u001b[0m", "\ud800", "x\udfffy", "\ufffe", "\uffff", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "${7*7}", ""];
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...HOSTILE), fc.constant("é".repeat(6000)));
const deep = fc.integer({ min: 50, max: 2000 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown);
const value: fc.Arbitrary<unknown> = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 3 }), deep);

/** A body near the real one: each field valid, hostile or missing, sometimes with an unknown field. */
function nearly(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, fc.oneof({ weight: 3, arbitrary: fc.constant(v) }, { weight: 2, arbitrary: value })]));
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), fc.option(fc.tuple(text, value), { freq: 4 })).map(([body, extra]) => (extra ? { ...body, [extra[0] || "inconnu"]: extra[1] } : body));
}

/** Raw bodies: whatever JSON, malformed JSON, bytes that are no UTF-8. */
const raw = fc.oneof(
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
  fc.constantFrom("{bad", "{\"a\":", "[1,2", "\"texte\"", "null", "", "{\"name\":\"\\ud800\"}").map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from([0x7b, ...bytes, 0xc3, 0x28, 0x7d])),
);

async function expectErrorShape(response: APIResponse, what: string): Promise<number> {
  const status = response.status();
  expect(status, what).toBeLessThan(500);
  expect(response.headers()["content-type"], what).toContain("application/json");
  const body = await response.json();
  if (status >= 400) {
    expect(typeof body.error?.code, what).toBe("string");
    expect(typeof body.error?.message?.fr, what).toBe("string");
    expect(typeof body.error?.message?.en, what).toBe("string");
  }
  return status;
}

async function fuzzPost(request: APIRequestContext, path: string, bodies: fc.Arbitrary<unknown>, numRuns: number): Promise<number> {
  let created = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: bodies.map((b) => ({ json: b })) }, { weight: 1, arbitrary: raw.map((r) => ({ raw: r })) }), async (input) => {
      const data = "json" in input ? Buffer.from(JSON.stringify(input.json) ?? "null") : input.raw;
      const response = await request.post(path, { headers: { "content-type": "application/json" }, data });
      if ((await expectErrorShape(response, `${path} ${data.subarray(0, 200).toString()}`)) === 201) created++;
    }),
    { numRuns },
  );
  return created;
}

test("POST /api/v1/inquiries and POST /api/v1/requests: hostile bodies are refused in the JSON shape, and only 201s store", async ({ page }) => {
  test.slow();
  const before = await countRequests();
  const inquiry = { name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject: "Mot de passe oublié", topic: "online-systems", message: "Je n'arrive plus à me connecter à mon compte." };
  let created = await fuzzPost(page.request, "/api/v1/inquiries", nearly(inquiry), 150);

  await signInToSpace(page, "specialiste@mfq.exemple.qc.ca");
  const dotation = { form: "dotation", function: "user-access", nature: "access-change", subject: "Accès pour une collègue", description: "Merci de donner l'accès à notre nouvelle conseillère.", urgent: false };
  const sagir = { form: "sagir", type: "specialised", domain: "RF", subject: "Segment comptable", description: "Quel segment comptable utiliser pour ce projet?" };
  created += await fuzzPost(page.request, "/api/v1/requests", fc.oneof(nearly(dotation), nearly(sagir)), 120);

  expect(await countRequests()).toBe(before + created);
});

test("GET routes with hostile path segments and query values: never a 5xx, always JSON", async ({ page }) => {
  test.slow();
  await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
  const segment = fc.oneof(text, fc.constantFrom("%ZZ", "%", "%ED%A0%80", "%00", "X%00", "..", "%2e%2e%2f", "CAD-2026-000001", "0".repeat(5000)));
  const encode = (s: string, rawPercent: boolean) => (rawPercent ? s.replace(/[^%A-Za-z0-9._~-]/g, (c) => encodeURIComponent(c).replace(/%(?![0-9A-F]{2})/g, "%25")) : encodeURIComponent(s));
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom("requests", "attachments", "tracking", "catalogue/status", "catalogue/due", "guides/attachments", "guides/suggestions"),
      segment,
      segment,
      fc.boolean(),
      async (route, a, b, rawPercent) => {
        let path: string;
        try {
          path =
          route === "requests" ? `/api/v1/requests/${encode(a, rawPercent)}`
          : route === "attachments" ? `/api/v1/attachments/${encode(a, rawPercent)}`
          : route === "tracking" ? `/api/v1/tracking/${encode(a, rawPercent)}/attachments/${encode(b, rawPercent)}`
          : route === "guides/attachments" ? `/api/v1/guides/attachments/${encode(a, rawPercent)}`
          : `/api/v1/${route}?service=${encodeURIComponent(a)}&audience=${encodeURIComponent(b)}&at=${encodeURIComponent(b)}&channel=${encodeURIComponent(a)}&received=${encodeURIComponent(a)}&q=${encodeURIComponent(b)}`;
        } catch {
          // A lone surrogate cannot be %-encoded by a client: its raw bytes are covered by "%ED%A0%80".
          path = `/api/v1/requests/%ED%A0%80`;
        }
        let response: APIResponse;
        try {
          response = await page.request.get(path);
        } catch {
          return; // A path the client itself refuses to send is no test of the server.
        }
        await expectErrorShape(response, path);
      },
    ),
    { numRuns: 250 },
  );
});
