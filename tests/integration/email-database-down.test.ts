// Nothing accepted is lost when the database goes away: the receiver answers 451 (the sending
// server keeps the message and retries) while PostgreSQL is stopped, and once it is back — the
// same server, no restart of the receiver — the message sent again is stored. Runs on a cluster of
// its own, stopped and started by the test.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/server/db/client";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../src/server/db/embedded-postgres";
import { applyMigrations } from "../../src/server/db/migrate";
import { seedDatabase } from "../../src/server/db/seed";
import { startSmtpReceiver, type RunningReceiver } from "../../src/server/mail/smtp-receiver";
import { processPendingInbound } from "../../src/server/services/receive-email";
import { sendTo } from "../support/smtp";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "guichet-mail-down-"));
let port = 0;
let cluster: EmbeddedDatabase;
let db: Db;
let receiver: RunningReceiver;
let appDatabaseUrl: string | undefined;
const now = new Date("2026-12-01T15:00:00Z");
const start = () => startEmbeddedPostgres({ dataDir, port, database: "maildown", ephemeral: false });

beforeAll(async () => {
  port = await findFreePort();
  cluster = await start();
  await applyMigrations(cluster.url);
  // This file's own cluster is the app's database here (the catalogue is read through it too).
  appDatabaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = cluster.url;
  db = createDb(cluster.url);
  await seedDatabase(db, now);
  // Stored only: processing is another test's subject.
  receiver = await startSmtpReceiver({ db, port: 0, host: "127.0.0.1", authenticate: async () => false, clock: () => now, processInline: false, log: () => {} });
}, 120_000);
afterAll(async () => {
  process.env.DATABASE_URL = appDatabaseUrl;
  await receiver?.close();
  await db?.$disconnect();
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const mail = (id: string) => ({ from: "patient@courriel.exemple", to: "carrieres@cspq.gouv.qc.ca", subject: "Panne", text: "Message envoyé pendant une panne.", messageId: `<${id}@courriel.exemple>` });

describe("the receiver while the database is down", () => {
  it("answers 451 while PostgreSQL is stopped, and stores the message sent again once it is back", async () => {
    expect((await sendTo(receiver.port, mail("before"))).ok).toBe(true);

    await cluster.stop();
    const during = await sendTo(receiver.port, mail("during"));
    expect(during).toMatchObject({ ok: false, code: 451 });

    cluster = await start();
    // The sending server retries; the first try may meet a connection the pool still held.
    let again = await sendTo(receiver.port, mail("during"));
    for (let attempt = 0; attempt < 10 && !again.ok; attempt++) {
      expect(again).toMatchObject({ code: 451 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      again = await sendTo(receiver.port, mail("during"));
    }
    expect(again.ok).toBe(true);
    const stored = await db.inboundEmail.findMany({ select: { messageId: true }, orderBy: { id: "asc" } });
    expect(stored.map((s) => s.messageId)).toEqual(["<before@courriel.exemple>", "<during@courriel.exemple>"]);

    // Stored and not yet processed: the minute cycle's sweep makes them requests, once.
    const later = new Date(now.getTime() + 2 * 60_000);
    expect(await processPendingInbound(db, later, { authenticate: async () => false })).toEqual({ processed: 2, failed: 0 });
    expect(await processPendingInbound(db, later, { authenticate: async () => false })).toEqual({ processed: 0, failed: 0 });
    expect(await db.request.count({ where: { channel: "email", subject: "Panne" } })).toBe(2);
  }, 120_000);
});
