// A database outage as the app's routes meet it (the probe: generic 500s and 8,300 stack traces in
// 90 s): the API answers 503 DATABASE_UNAVAILABLE with Retry-After, the outage is logged once, the
// process's state turns down (the front door then answers without trying), /api/ready says so and
// /api/health does not; once PostgreSQL is back the probe turns it up and the same pool serves
// again — no restart, and an inquiry sent again is stored. Runs on a cluster of its own.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../../src/app/api/health/route";
import { POST as postInquiry } from "../../src/app/api/v1/inquiries/route";
import { GET as ready } from "../../src/app/api/ready/route";
import { databaseAvailable, databaseState } from "../../src/server/db/availability";
import { createDb, type Db } from "../../src/server/db/client";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../src/server/db/embedded-postgres";
import { applyMigrations } from "../../src/server/db/migrate";
import { seedDatabase } from "../../src/server/db/seed";
import { captureLogs } from "../../src/server/log";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "guichet-outage-"));
let port = 0;
let cluster: EmbeddedDatabase;
let db: Db;
let appDatabaseUrl: string | undefined;
const start = () => startEmbeddedPostgres({ dataDir, port, database: "outage", ephemeral: false });

beforeAll(async () => {
  port = await findFreePort();
  cluster = await start();
  await applyMigrations(cluster.url);
  appDatabaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = cluster.url;
  process.env.GUICHET_JOBS = "off";
  process.env.GUICHET_RATE_LIMIT_PER_MINUTE = "1000";
  db = createDb(cluster.url);
  await seedDatabase(db, new Date("2026-12-01T15:00:00Z"));
}, 120_000);
afterAll(async () => {
  process.env.DATABASE_URL = appDatabaseUrl;
  delete process.env.GUICHET_JOBS;
  delete process.env.GUICHET_RATE_LIMIT_PER_MINUTE;
  await db?.$disconnect();
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const inquiry = (n: number) =>
  new NextRequest("http://localhost/api/v1/inquiries", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
    body: JSON.stringify({ name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject: `Panne ${n}`, topic: "online-systems", message: "Envoyé pendant une panne de la base de données." }),
  });

describe("a database outage", () => {
  it("503 with Retry-After and one log line while down; recovered by itself once PostgreSQL is back", async () => {
    expect((await postInquiry(inquiry(0))).status).toBe(201);
    expect((await ready()).status).toBe(200);

    const lines: string[] = [];
    const stopCapture = captureLogs((line) => lines.push(line));
    try {
      await cluster.stop();
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => postInquiry(inquiry(i + 1))));
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get("retry-after")).toBe("10");
        expect((await answer.json()).error.code).toBe("DATABASE_UNAVAILABLE");
      }
      expect(databaseAvailable()).toBe(false);
      const events = lines.map((l) => JSON.parse(l) as { event: string; level: number });
      expect(events.filter((e) => e.event === "database_unavailable")).toEqual([expect.objectContaining({ level: 50 })]);
      // No stack trace per request.
      expect(events.filter((e) => e.event === "route_error")).toEqual([]);

      const notReady = await ready();
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({ status: "not_ready", checks: { database: "unavailable", jobs: "off" } });
      expect((await health()).status).toBe(200);

      cluster = await start();
      // The probe (every 2 s) sees it back.
      for (let i = 0; i < 30 && !databaseAvailable(); i++) await new Promise((r) => setTimeout(r, 500));
      expect(databaseState()).toMatchObject({ available: true, lastError: null });
      expect(lines.map((l) => JSON.parse(l).event)).toEqual(["database_unavailable", "database_available"]);
    } finally {
      stopCapture();
    }
    // The same pool serves again (its dead connections replaced), and the inquiry sent again is stored.
    let again = await postInquiry(inquiry(1));
    for (let attempt = 0; attempt < 5 && again.status !== 201; attempt++) again = await postInquiry(inquiry(1));
    expect(again.status).toBe(201);
    expect((await ready()).status).toBe(200);
    expect(await db.request.count()).toBe(2);
  }, 120_000);
});
