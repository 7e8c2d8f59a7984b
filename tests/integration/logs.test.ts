// What the process logs: JSON lines, one event each, and never a person's data. The flows below
// carry names, e-mail addresses, message bodies and a birth day and month; some succeed, some are
// refused, one fails unexpectedly with the data in its error (as Prisma's own messages do) — and
// no captured line holds any of it.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postInquiry } from "../../src/app/api/v1/inquiries/route";
import { authenticate } from "../../src/server/auth/authenticate";
import { markDatabaseDown, markDatabaseUp, reportDatabaseError } from "../../src/server/db/availability";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { handleRoute } from "../../src/server/http/route-handler";
import { runAction } from "../../src/server/http/server-action";
import { ZSagirRequestInput } from "../../src/schemas/sagir-request";
import { captureLogs, errorFields, scrub } from "../../src/server/log";
import { createSagirRequest } from "../../src/server/services/create-sagir-request";
import { connectTestDb, truncateAll } from "../support/db";
import { SAGIR_SAMPLES } from "../support/sagir-samples";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
  process.env.GUICHET_RATE_LIMIT_PER_MINUTE = "1000";
});
afterAll(async () => {
  delete process.env.GUICHET_RATE_LIMIT_PER_MINUTE;
  await db.$disconnect();
});

const NAME = "Geneviève Tremblay-Sansouci";
const EMAIL = "genevieve.sansouci@courriel.exemple";
const BODY = "Mon numéro de dossier personnel est le 4417-XQ et mon mot de passe ne fonctionne plus.";
const PERSONAL = [NAME, "Tremblay-Sansouci", EMAIL, "genevieve.sansouci", "4417-XQ", BODY.slice(0, 30), "Paul Tremblay", "birthDay", "birth_day"];

const inquiry = (body: unknown) =>
  postInquiry(new NextRequest("http://localhost/api/v1/inquiries", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.3" }, body: JSON.stringify(body) }));

describe("the log", () => {
  it("holds no name, e-mail address, message body or birth data, whatever the flow", async () => {
    const lines: string[] = [];
    const stop = captureLogs((line) => lines.push(line));
    try {
      expect((await inquiry({ name: NAME, email: EMAIL, subject: "Compte bloqué", topic: "online-systems", message: BODY })).status).toBe(201);
      expect((await inquiry({ name: NAME, email: EMAIL, subject: "x", topic: "online-systems", message: `${BODY}\u0000` })).status).toBe(400);
      expect((await inquiry({ name: NAME, email: EMAIL, subject: "Mon dossier", topic: "my-candidate-file", message: BODY })).status).toBe(422);
      for (let i = 0; i < 5; i++) await authenticate({ email: EMAIL, password: BODY }, { address: "198.51.100.3", now: new Date() });
      await createSagirRequest({ user: await currentUserFor(db, "sagir@mfq.exemple.qc.ca"), input: ZSagirRequestInput.parse({ ...SAGIR_SAMPLES.departure, urgent: "", contactPhone: "" }), receivedAt: new Date("2026-11-30T15:00:00Z") });

      // Unexpected failures whose messages carry the data, as a library's would.
      const leaky = new Error(`Invalid \`prisma.request.create()\` invocation:\n{ data: { requesterName: "${NAME}", requesterEmail: "${EMAIL}", body: '${BODY}' } }`);
      expect((await handleRoute(() => Promise.reject(leaky))).status).toBe(500);
      expect(await runAction("fr", () => Promise.reject(new Error(`duplicate key (email)=(${EMAIL}) « ${NAME} »`)))).toMatchObject({ ok: false, code: "INTERNAL" });
      // A database outage whose driver message quotes a value.
      markDatabaseDown(scrub(`connect ECONNREFUSED for user "${NAME}"`), { probe: () => new Promise(() => {}) });
      markDatabaseUp();
      expect(reportDatabaseError(new Error(`syntax error near "${EMAIL}"`))).toBe(false);
    } finally {
      stop();
    }

    // The unexpected failures were logged — as events, with what helps: class, code, frames.
    const events = lines.map((l) => JSON.parse(l) as { event: string; service: string; level: number; error?: { name: string; stack?: string } });
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(["route_error", "action_error", "database_unavailable", "database_available"]));
    expect(events.every((e) => e.service === "guichet")).toBe(true);
    expect(events.find((e) => e.event === "route_error")!.error).toMatchObject({ name: "Error", stack: expect.stringContaining("at ") });
    for (const line of lines) {
      for (const value of PERSONAL) expect(line, line).not.toContain(value);
      expect(line).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i);
    }
  });

  it("scrub masks addresses and quoted values, and keeps the rest readable", () => {
    expect(scrub(`Unique constraint failed on (email) for "a.b@c.qc.ca" and 'x' near «Jean» \`y\` a.b@c.qc.ca`)).toBe(
      "Unique constraint failed on (email) for <valeur> and <valeur> near <valeur> <valeur> <adresse>",
    );
    expect(errorFields(Object.assign(new Error("boom \"secret\""), { code: "P2002" }))).toMatchObject({ name: "Error", code: "P2002", message: "boom <valeur>" });
  });
});
