// GET /api/v1/catalogue, /status and /due against the seeded database, through the real route handlers.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCatalogue } from "../../src/app/api/v1/catalogue/route";
import { GET as getDue } from "../../src/app/api/v1/catalogue/due/route";
import { GET as getStatus } from "../../src/app/api/v1/catalogue/status/route";
import { seedDatabase } from "../../src/server/db/seed";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
});
afterAll(() => db.$disconnect());

const call = async (handler: (r: NextRequest) => Promise<Response>, path: string, params: Record<string, string>) => {
  const url = new URL(`http://localhost${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const response = await handler(new NextRequest(url));
  return { status: response.status, body: await response.json() };
};

describe("GET /api/v1/catalogue/due", () => {
  it.each([
    [{ service: "ca-dotation", audience: "candidate", channel: "email", receivedAt: "2026-06-23T15:00:00-04:00" }, { "cad-candidate-reply": "2026-07-09T20:30:00.000Z" }],
    [{ service: "ca-dotation", audience: "mo-specialist", channel: "request-form", receivedAt: "2026-06-23T19:00:00Z" }, { "cad-mo-first-reply": "2026-06-26T19:00:00.000Z" }],
    [{ service: "sagir", audience: "sagir-user", channel: "fax", receivedAt: "2026-11-20T17:00:00-05:00" }, { "sagir-written-take-charge": "2026-11-23T22:00:00.000Z" }],
    [
      { service: "ca-dotation", audience: "candidate", channel: "phone", receivedAt: "2026-11-25T10:02:00-05:00" },
      { "cad-candidate-phone-answer": "2026-11-25T15:07:00.000Z", "cad-candidate-reply": "2026-12-09T21:30:00.000Z" },
    ],
  ])("%j", async (params, expected) => {
    const { status, body } = await call(getDue, "/api/v1/catalogue/due", params);
    expect(status).toBe(200);
    expect(Object.fromEntries(body.targets.map((t: { id: string; dueAt: string }) => [t.id, t.dueAt]))).toEqual(expected);
  });

  it("describes each target as the CLI does", async () => {
    const { body } = await call(getDue, "/api/v1/catalogue/due", {
      service: "ca-dotation",
      audience: "mo-specialist",
      channel: "email",
      receivedAt: "2026-06-23T15:00:00-04:00",
    });
    expect(body).toEqual({
      targets: [
        { id: "cad-mo-first-reply", metric: "first-reply", clock: "business-day-time", amount: 48, unit: "hours", calendar: "cad-mo", dueAt: "2026-06-26T19:00:00.000Z" },
      ],
    });
  });

  it("defaults receivedAt to now", async () => {
    const { status, body } = await call(getDue, "/api/v1/catalogue/due", { service: "sagir", audience: "sagir-user", channel: "phone" });
    expect(status).toBe(200);
    const due = Date.parse(body.targets[0].dueAt);
    expect(Math.abs(due - (Date.now() + 15 * 60_000))).toBeLessThan(60_000);
  });

  it.each([
    [{ audience: "candidate", channel: "email" }, "service", "Ce champ est obligatoire."],
    [{ service: "nope", audience: "candidate", channel: "email" }, "service", "Service inconnu : « nope »."],
    [{ service: "sagir", audience: "candidate", channel: "email" }, "audience", "Clientèle inconnue pour ce service : « candidate »."],
    [{ service: "sagir", audience: "sagir-user", channel: "web" }, "channel", "Canal inconnu pour cette clientèle : « web »."],
    [{ service: "sagir", audience: "sagir-user", channel: "email", receivedAt: "2026-11-20 17:00" }, "receivedAt", "Date et heure invalides"],
    [{ service: "sagir", audience: "sagir-user", channel: "email", receivedAt: "2026-02-30T10:00:00Z" }, "receivedAt", "Date et heure invalides"],
    [{ service: "sagir", audience: "sagir-user", channel: "email", receivedAt: "1999-12-31T10:00:00Z" }, "receivedAt", "entre 2000 et 2099"],
  ])("400 for %j, naming %s in French and English", async (params, field, french) => {
    const { status, body } = await call(getDue, "/api/v1/catalogue/due", params as Record<string, string>);
    expect(status).toBe(400);
    expect(body.error.code).toBe("INVALID_PARAMETER");
    expect(Object.keys(body.error.fields)).toContain(field);
    expect(body.error.fields[field].fr).toContain(french);
    expect(body.error.fields[field].en.length).toBeGreaterThan(5);
    expect(body.error.message.fr).toContain(field);
    expect(body.error.message.en).toContain(field);
  });
});

describe("GET /api/v1/catalogue/status", () => {
  it.each([
    [{ service: "sagir", audience: "sagir-user", at: "2026-11-24T13:30:00-05:00" }, { open: false, closesAt: null, nextOpening: "2026-11-24T19:00:00.000Z" }],
    [{ service: "ca-dotation", audience: "candidate", at: "2026-11-25T09:45:00-05:00" }, { open: false, closesAt: null, nextOpening: "2026-11-25T15:00:00.000Z" }],
    [{ service: "ca-dotation", audience: "mo-specialist", at: "2026-11-25T14:45:00Z" }, { open: true, closesAt: "2026-11-25T17:00:00.000Z", nextOpening: null }],
    [{ service: "sagir", audience: "sagir-user", at: "2026-12-24T10:00:00-05:00" }, { open: false, closesAt: null, nextOpening: "2026-12-29T13:30:00.000Z" }],
  ])("%j", async (params, expected) => {
    const { status, body } = await call(getStatus, "/api/v1/catalogue/status", params);
    expect(status).toBe(200);
    expect(body).toEqual(expected);
  });

  it("400 names a malformed `at`", async () => {
    const { status, body } = await call(getStatus, "/api/v1/catalogue/status", { service: "sagir", audience: "sagir-user", at: "demain" });
    expect(status).toBe(400);
    expect(body.error.fields.at.en).toContain("ISO 8601");
  });
});

describe("GET /api/v1/catalogue", () => {
  it("publishes services, calendars, holidays and targets, cacheable", async () => {
    const response = await getCatalogue();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("public");
    const body = await response.json();
    expect(body.services.map((s: { id: string }) => s.id)).toEqual(["ca-dotation", "sagir"]);
    const sagir = body.calendars.find((c: { id: string }) => c.id === "sagir");
    expect(sagir.hours.tuesday).toEqual([{ start: "08:30", end: "12:00" }, { start: "14:00", end: "16:30" }]);
    expect(sagir.hours.saturday).toEqual([]);
    const candidates = body.calendars.find((c: { id: string }) => c.id === "cad-candidates");
    expect(candidates.hours.wednesday[0]).toEqual({ start: "10:00", end: "12:00" });
    expect(body.targets).toHaveLength(5);
    expect(body.holidaySets[0].holidays.map((h: { date: string }) => h.date)).toContain("2026-12-28");
  });
});
