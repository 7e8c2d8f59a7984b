// A candidate's written inquiry, through POST /api/v1/inquiries and the services behind it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST } from "../../src/app/api/v1/inquiries/route";
import { databaseAvailable } from "../../src/server/db/availability";
import { serveInquiry } from "../../src/server/http/inquiry-endpoint";
import { openRequest } from "../../src/server/services/open-request";
import { createCatalogueEngine } from "../../src/domain/catalogue/engine";
import { formatRequestNumber } from "../../src/domain/requests/numbering";
import { seedDatabase } from "../../src/server/db/seed";
import { loadCatalogue } from "../../src/server/repositories/catalogue-repository";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { getTrackedRequest, replyAsRequester } from "../../src/server/services/track-request";
import { hashSecretToken } from "../../src/server/secret-token";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
afterAll(() => db.$disconnect());
beforeEach(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  process.env.GUICHET_RATE_LIMIT_PER_MINUTE = "1000";
});
afterEach(() => {
  delete process.env.GUICHET_RATE_LIMIT_PER_MINUTE;
});

const valid = {
  name: "Geneviève Tremblay",
  email: "Genevieve.Tremblay@exemple.ca",
  subject: "Mot de passe oublié",
  topic: "online-systems",
  message: "Je n'arrive plus à me connecter à mon compte pour déposer ma candidature.",
};

function post(body: unknown, address = "203.0.113.7") {
  return POST(
    new NextRequest("http://localhost/api/v1/inquiries", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json", "x-forwarded-for": address },
    }),
  );
}

describe("POST /api/v1/inquiries", () => {
  it("201: number, receivedAt, private tracking URL, targets with due instants; all stored", async () => {
    const response = await post(valid);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.number).toMatch(/^CAD-20\d\d-000001$/);
    expect(body.trackingUrl).toMatch(/^http:\/\/localhost\/suivi\/[A-Za-z0-9_-]{43}$/);
    expect(body.targets.map((t: { id: string }) => t.id)).toEqual(["cad-candidate-reply"]);

    const stored = await db.request.findUniqueOrThrow({ where: { number: body.number }, include: { targets: true, events: true, messages: true } });
    expect(stored.receivedAt.toISOString()).toBe(body.receivedAt);
    expect(stored.requesterEmail).toBe("genevieve.tremblay@exemple.ca");
    const token = body.trackingUrl.split("/").pop();
    expect(stored.trackingTokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify({ ...stored, events: stored.events.length })).not.toContain(token);
    expect(stored.events.map((e) => e.kind)).toEqual(["received"]);
    expect(stored.messages.map((m) => m.body)).toEqual([valid.message]);
    // The due instant fixed at receipt is the engine's for the stored receivedAt.
    const engine = createCatalogueEngine((await loadCatalogue(db)).definition);
    const expected = engine.dueAt(engine.applicableTargets("ca-dotation", "candidate", "web")[0]!, stored.receivedAt.getTime());
    expect(stored.targets[0]!.dueAt.getTime()).toBe(expected);
    expect(body.targets[0].dueAt).toBe(new Date(expected).toISOString());
  });

  it.each([
    [{ ...valid, email: "pas-une-adresse" }, "email", "adresse courriel valide"],
    [{ ...valid, name: "" }, "name", "Inscrivez votre nom"],
    [{ ...valid, subject: "ok" }, "subject", "de 3 à 150 caractères"],
    [{ ...valid, message: "court" }, "message", "de 10 à 5 000 caractères"],
    [{ ...valid, topic: "autre" }, "topic", "Choisissez le sujet"],
    [{ name: valid.name }, "email", "adresse courriel valide"],
  ])("400 with field-level messages, nothing written: %j", async (body, field, french) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID_PARAMETER");
    expect(error.fields[field].fr).toContain(french);
    expect(error.fields[field].en.length).toBeGreaterThan(10);
    expect(await db.request.count()).toBe(0);
    expect(await db.requestCounter.count()).toBe(0);
  });

  it("415 when the body is not declared as JSON (a cross-site form cannot send it)", async () => {
    const response = await POST(
      new NextRequest("http://localhost/api/v1/inquiries", { method: "POST", body: JSON.stringify(valid), headers: { "content-type": "text/plain" } }),
    );
    expect(response.status).toBe(415);
    expect(await db.request.count()).toBe(0);
  });

  it("400 at each field the API does not know (the probe's 100 MB extra field was accepted); nothing stored", async () => {
    const response = await post({ ...valid, extra: "x".repeat(1000), nested: { a: 1 } });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(Object.keys(error.fields).sort()).toEqual(["extra", "nested"]);
    expect(error.fields.extra.fr).toBe("Champ inconnu : retirez-le (voir la documentation de l'API).");
    expect(await db.request.count()).toBe(0);
  });

  it("400 on malformed JSON", async () => {
    const response = await post("{nope");
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.body.fr).toContain("JSON");
  });

  it("422 for a nominative request: call us, with the phone numbers and the line's status; nothing stored", async () => {
    const response = await post({ ...valid, topic: "my-candidate-file" });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("REFUSED");
    expect(error.message.fr).toContain("ne sont pas traitées par écrit");
    expect(error.details.phones).toEqual(["418 528-7157", "1 866 672-3460"]);
    expect(typeof error.details.open).toBe("boolean");
    expect(await db.request.count()).toBe(0);
  });

  it.each([
    ["my-employee-file", "direction des ressources humaines"],
    ["job-posting", "ministère ou l'organisme responsable"],
  ])("422 redirects %s out of the mandate; nothing stored", async (topic, where) => {
    const response = await post({ ...valid, topic });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.details.guard).toBe("out-of-scope");
    expect(error.message.fr).toContain(where);
    expect(await db.request.count()).toBe(0);
  });

  it("429 past the per-address limit, with Retry-After; other addresses unaffected", async () => {
    process.env.GUICHET_RATE_LIMIT_PER_MINUTE = "2";
    expect((await post(valid, "198.51.100.1")).status).toBe(201);
    expect((await post(valid, "198.51.100.1")).status).toBe(201);
    const limited = await post(valid, "198.51.100.1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.message.fr).toContain("Trop de demandes");
    expect((await post(valid, "198.51.100.2")).status).toBe(201);
    expect(await db.request.count()).toBe(3);
  });
});

describe("numbering", () => {
  it("gives gapless, unique numbers under 200 concurrent inquiries", async () => {
    const receivedAt = new Date("2026-11-24T15:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => createCandidateInquiry({ input: { ...valid, topic: "online-systems", subject: `Question ${i}` } as never, receivedAt })),
    );
    const sequences = results.map((r) => Number(r.number.slice(-6))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await db.request.count()).toBe(200);
  }, 60_000);

  it("an opening that fails leaves no gap and nothing behind (request, targets, acknowledgement, the day's count of automatic mail)", async () => {
    const receivedAt = new Date("2026-11-24T15:00:00Z");
    // A requester account that does not exist: the request's foreign key refuses it, after the
    // counter, the targets and the acknowledgement were written in the same statement.
    await expect(
      openRequest({
        serviceId: "ca-dotation",
        audienceId: "mo-specialist",
        channel: "request-form",
        type: "question",
        subject: "Une question",
        body: "Une question sur la dotation.",
        urgent: false,
        receivedAt,
        details: {},
        requester: { kind: "user", userId: "00000000-0000-4000-8000-000000000000", organizationId: null, email: "personne@exemple.ca" },
      }),
    ).rejects.toThrow();
    expect(await db.request.count()).toBe(0);
    expect(await db.requestTarget.count()).toBe(0);
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.rateLimit.count()).toBe(0);
    expect(await db.requestCounter.count()).toBe(0);
    expect((await createCandidateInquiry({ input: valid as never, receivedAt })).number).toBe("CAD-2026-000001");
  });

  it("the acknowledgement, written with the request before its number was known, carries its number and never the provisional one", async () => {
    const created = await createCandidateInquiry({ input: valid as never, receivedAt: new Date("2026-11-24T15:00:00Z") });
    const [mail] = await db.emailOutbox.findMany({ where: { request: { number: created.number } } });
    expect(mail?.kind).toBe("acknowledgement");
    expect(mail?.subject).toContain(created.number);
    expect(mail?.body).toContain(created.number);
    expect(mail?.html).toContain(created.number);
    expect([mail?.subject, mail?.body, mail?.html].join("\n")).not.toContain("pending-");
    expect(await db.request.count({ where: { number: { startsWith: "pending-" } } })).toBe(0);
  });

  it("a millionth request of the year is numbered as the domain formats it: the sequence widens, never truncated", async () => {
    await db.requestCounter.create({ data: { prefix: "CAD", year: 2026, last: 999_999 } });
    const created = await createCandidateInquiry({ input: valid as never, receivedAt: new Date("2026-11-24T15:00:00Z") });
    expect(created.number).toBe(formatRequestNumber("CAD", 2026, 1_000_000));
    expect(created.number).toBe("CAD-2026-1000000");
  });

  it("numbers per service and per Québec year", async () => {
    const lastDay = await createCandidateInquiry({ input: valid as never, receivedAt: new Date("2027-01-01T04:30:00Z") });
    const firstDay = await createCandidateInquiry({ input: valid as never, receivedAt: new Date("2027-01-01T05:30:00Z") });
    expect(lastDay.number).toBe("CAD-2026-000001");
    expect(firstDay.number).toBe("CAD-2027-000001");
  });
});

describe("tracking link", () => {
  it("opens its own request only, with the public thread, and takes the candidate's answer", async () => {
    const mine = await createCandidateInquiry({ input: valid as never, receivedAt: new Date("2026-11-24T15:00:00Z") });
    const other = await createCandidateInquiry({ input: { ...valid, subject: "Autre chose" } as never, receivedAt: new Date("2026-11-24T16:00:00Z") });
    const tracked = await getTrackedRequest(mine.trackingToken);
    expect(tracked?.number).toBe(mine.number);
    expect(tracked?.messages.map((m) => m.from)).toEqual(["requester"]);
    expect(JSON.stringify(tracked)).not.toContain("exemple.ca");

    await replyAsRequester({ token: mine.trackingToken, input: { message: "Voici une précision sur ma question." }, now: new Date("2026-11-24T17:00:00Z") });
    expect((await getTrackedRequest(mine.trackingToken))?.messages).toHaveLength(2);
    expect((await getTrackedRequest(other.trackingToken))?.messages).toHaveLength(1);
  });

  it.each(["", "abc", "A".repeat(43), "../../etc/passwd"])("an unknown or malformed token %j opens nothing and posts nothing", async (token) => {
    expect(await getTrackedRequest(token)).toBeNull();
    await expect(replyAsRequester({ token, input: { message: "Une réponse quelconque." }, now: new Date() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.message.count()).toBe(0);
  });

  it("a closed request takes no more answers", async () => {
    const created = await createCandidateInquiry({ input: valid as never, receivedAt: new Date("2026-11-24T15:00:00Z") });
    await db.request.update({ where: { number: created.number }, data: { status: "closed" } });
    await expect(
      replyAsRequester({ token: created.trackingToken, input: { message: "Encore une question ici." }, now: new Date() }),
    ).rejects.toMatchObject({ code: "REFUSED" });
  });
});

describe("event log", () => {
  it("is append-only", async () => {
    await createCandidateInquiry({ input: valid as never, receivedAt: new Date("2026-11-24T15:00:00Z") });
    await expect(db.requestEvent.updateMany({ data: { kind: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.requestEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });
});

describe("the front door's own answer (serveInquiry, without Next.js)", () => {
  async function withServer(run: (port: number) => Promise<void>): Promise<void> {
    const server = createServer((req, res) => void serveInquiry(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await run((server.address() as AddressInfo).port);
    } finally {
      server.close();
    }
  }

  it("is the route's: the 201 and its link to the host the client used, and each refusal's status and fields", async () => {
    await withServer(async (port) => {
      const send = (body: string, type = "application/json") => fetch(`http://127.0.0.1:${port}/api/v1/inquiries`, { method: "POST", body, headers: { "content-type": type } });
      const created = await send(JSON.stringify(valid));
      expect(created.status).toBe(201);
      expect(created.headers.get("cache-control")).toBe("no-store");
      const body = await created.json();
      expect(body.number).toBe("CAD-2026-000001");
      expect(body.trackingUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/suivi/[A-Za-z0-9_-]{43}$`));
      expect(body.targets.map((t: { id: string }) => t.id)).toEqual(["cad-candidate-reply"]);
      for (const [raw, type] of [["{nope", "application/json"], [JSON.stringify({ ...valid, extra: 1 }), "application/json"], [JSON.stringify(valid), "text/plain"], [JSON.stringify({ ...valid, topic: "my-candidate-file" }), "application/json"]] as const) {
        const own = await send(raw, type);
        const route = await POST(new NextRequest("http://localhost/api/v1/inquiries", { method: "POST", body: raw, headers: { "content-type": type } }));
        expect(own.status).toBe(route.status);
        const [a, b] = [(await own.json()).error, (await route.json()).error];
        expect({ code: a.code, fields: a.fields }).toEqual({ code: b.code, fields: b.fields });
      }
      expect(await db.request.count()).toBe(1);
    });
  });

  it("a client gone before its body arrived is not a database outage (it once turned every answer to 503 after a load test)", async () => {
    await withServer(async (port) => {
      const socket = connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write("POST /api/v1/inquiries HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"name\":");
      // The server now waits for the rest of the body; the client goes away.
      await new Promise((resolve) => setTimeout(resolve, 300));
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(databaseAvailable()).toBe(true);
      const after = await fetch(`http://127.0.0.1:${port}/api/v1/inquiries`, { method: "POST", body: JSON.stringify(valid), headers: { "content-type": "application/json" } });
      expect(after.status).toBe(201);
    });
  });
});
