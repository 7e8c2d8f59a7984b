// GET /api/metrics: a bearer token, then Prometheus text whose state gauges agree with the
// database (targets at risk and breached per service, work waiting), and the HTTP histogram the
// front door feeds for every answer.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../src/app/api/metrics/route";
import { seedDatabase } from "../../src/server/db/seed";
import { parseTrustedProxies } from "../../src/server/http/front-door";
import { createFrontDoor } from "../../src/server/http/front-door-handler";
import { routeKind } from "../../src/server/metrics";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { readMetrics } from "../../src/server/services/read-metrics";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
const received = new Date("2026-11-23T15:00:00Z");
beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, received);
  for (let i = 0; i < 3; i++) {
    await createCandidateInquiry({ input: { name: "Personne", email: `p${i}@exemple.ca`, subject: "Compte bloqué", topic: "online-systems", message: "Je n'arrive plus à me connecter." }, receivedAt: received });
  }
});
afterAll(() => db.$disconnect());
afterEach(() => {
  delete process.env.GUICHET_METRICS_TOKEN;
});

const get = (authorization?: string) =>
  GET(new NextRequest("http://localhost/api/metrics", authorization ? { headers: { authorization } } : {}));

function gauge(text: string, name: string, labels: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && labels.split(",").every((pair) => l.includes(pair)));
  if (!line) throw new Error(`no ${name}{${labels}}`);
  return Number(line.split(" ").at(-1));
}

describe("GET /api/metrics", () => {
  it("does not exist without a configured token, and wants the token when there is one", async () => {
    expect((await get()).status).toBe(404);
    process.env.GUICHET_METRICS_TOKEN = "jeton-de-supervision-assez-long";
    expect((await get()).status).toBe(401);
    expect((await get("Bearer mauvais")).status).toBe(401);
    const ok = await get("Bearer jeton-de-supervision-assez-long");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    const text = await ok.text();
    expect(text).toContain("guichet_database_available");
    expect(text).toContain("guichet_process_cpu_seconds_total");
  });

  it("counts targets at risk and breached per service as the dashboards define them, and the mail waiting", async () => {
    process.env.GUICHET_METRICS_TOKEN = "t";
    const target = await db.requestTarget.findFirstOrThrow({ select: { riskAt: true, dueAt: true } });
    const at = async (now: Date) => (await readMetrics("Bearer t", now)).body;
    const before = await at(new Date(target.riskAt.getTime() - 60_000));
    expect(gauge(before, "guichet_targets", 'service_id="ca-dotation",state="at-risk"')).toBe(0);
    const risky = await at(new Date(target.riskAt.getTime() + 60_000));
    expect(gauge(risky, "guichet_targets", 'service_id="ca-dotation",state="at-risk"')).toBe(3);
    expect(gauge(risky, "guichet_targets", 'service_id="ca-dotation",state="breached"')).toBe(0);
    expect(gauge(risky, "guichet_targets", 'service_id="sagir",state="at-risk"')).toBe(0);
    const late = await at(new Date(target.dueAt.getTime() + 60_000));
    expect(gauge(late, "guichet_targets", 'service_id="ca-dotation",state="breached"')).toBe(3);
    // Resolved, a request's targets no longer count.
    await db.request.updateMany({ where: { number: { endsWith: "000001" } }, data: { status: "resolved" } });
    expect(gauge(await at(new Date(target.dueAt.getTime() + 60_000)), "guichet_targets", 'service_id="ca-dotation",state="breached"')).toBe(2);
    // The acknowledgements wait in the outbox (no transport ran).
    expect(gauge(late, "guichet_queue_depth", 'queue="email_outbox"')).toBe(await db.emailOutbox.count({ where: { sentAt: null } }));
    expect(gauge(late, "guichet_queue_depth", 'queue="inbound_email"')).toBe(0);
  });

  it("the front door times every answer by a bounded kind of route (never the path itself)", async () => {
    process.env.GUICHET_METRICS_TOKEN = "t";
    const server = createServer(
      createFrontDoor({
        trusted: parseTrustedProxies(undefined),
        handle: (req, res) => {
          res.statusCode = req.url?.startsWith("/api/v1/requests/") ? 404 : 200;
          res.end("{}");
        },
      }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const path of ["/api/v1/catalogue", "/api/v1/requests/CAD-2026-000001", "/api/v1/zz-inconnu-1", "/api/v1/zz-inconnu-2", "/services/ca-dotation"]) {
        await fetch(`http://127.0.0.1:${port}${path}`);
      }
    } finally {
      server.close();
    }
    const text = (await readMetrics("Bearer t", new Date())).body;
    expect(gauge(text, "guichet_http_request_duration_seconds_count", 'kind="api_catalogue",method="GET",status_class="2xx"')).toBeGreaterThanOrEqual(1);
    expect(gauge(text, "guichet_http_errors_total", 'kind="api_requests",status="404"')).toBeGreaterThanOrEqual(1);
    expect(gauge(text, "guichet_http_request_duration_seconds_count", 'kind="page"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("zz-inconnu");
    expect(text).not.toContain("CAD-2026");
    expect(routeKind("/api/v1/attachments/x", false)).toBe("api_attachments");
    expect(routeKind("/fr/services/x", true)).toBe("action");
    expect(routeKind("/_next/static/a.js", false)).toBe("static");
  });
});
