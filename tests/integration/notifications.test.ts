// Notifications on the real database, with a fixed clock: an MO request becomes at risk at 23:00
// on a Friday; its notification goes out on Monday at the opening, once — even with two instances
// running the cycle at the same instant — to the assigned agent, or to the whole team when nobody
// is assigned; not at all when the request ended meanwhile; a breach due during the lunch break
// waits for 13:00. E-mails go through the transport once each, without any address kept.
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/server/db/client";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createMoRequest } from "../../src/server/services/create-mo-request";
import { changeRequestStatus, takeInCharge } from "../../src/server/services/handle-request";
import { deliverNotifications, mailTransportFromEnv, markNotificationsRead, readNotifications, runNotificationCycle, scanTargets, unreadNotifications, type MailTransport } from "../../src/server/services/notifications";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const BASE = "https://guichet.exemple.qc.ca";
const input = { function: "reports", nature: "how-to", subject: "Rapport", description: "Comment produire le rapport mensuel ?", urgent: false, contactPhone: null } as const;
// Thursday 26 November 2026, 11:00 in Québec: 48 business-day hours → due Monday 30 November,
// 11:00; at risk after 36 of them: Friday 27 November, 23:00.
const received = new Date("2026-11-26T16:00:00Z");
const at = {
  friday2259: new Date("2026-11-28T03:59:00Z"),
  friday2300: new Date("2026-11-28T04:00:00Z"),
  saturdayNoon: new Date("2026-11-28T17:00:00Z"),
  monday0829: new Date("2026-11-30T13:29:00Z"),
  monday0830: new Date("2026-11-30T13:30:00Z"),
  monday0831: new Date("2026-11-30T13:31:00Z"),
  monday1215: new Date("2026-11-30T17:15:00Z"),
  monday1300: new Date("2026-11-30T18:00:00Z"),
};

// The notifications' e-mails (the requesters' acknowledgements go through the same outbox: kept apart).
const sentMail: { to: string; subject: string; text: string }[] = [];
const requesterMail: { to: string; subject: string }[] = [];
const digestMail: { to: string; subject: string; text: string }[] = [];
const transport: MailTransport = {
  send: async (m) => (
    m.subject.includes("sommaire quotidien") ? digestMail.push(m) : m.subject.startsWith("Guichet — ") ? sentMail.push(m) : requesterMail.push(m),
    `<${sentMail.length + requesterMail.length + digestMail.length}@test>`
  ),
};
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
const requestId = async (number: string) => (await db.request.findUniqueOrThrow({ where: { number }, select: { id: true } })).id;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, at.monday0830);
  await seedDemoData(db);
  // A second CA-dotation agent: the team of an unassigned request is both.
  const second = await db.user.create({ data: { email: "agent2.dotation@cspq.exemple.qc.ca", name: "Samuel Dubé", role: "agent", services: { create: { serviceId: "ca-dotation" } } } });
  ids.first = (await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca")).id;
  ids.second = second.id;
  const specialist = await currentUserFor(db, "specialiste@mfq.exemple.qc.ca");
  for (const key of ["unassigned", "assigned", "closed"]) numbers[key] = (await createMoRequest({ user: specialist, input, receivedAt: received })).number;
  const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
  const version = async (n: string) => (await db.request.findUniqueOrThrow({ where: { number: n } })).version;
  await takeInCharge({ user: agent, number: numbers.assigned!, expectedVersion: await version(numbers.assigned!), now: new Date(received.getTime() + 5 * 60_000) });
});
afterAll(() => db.$disconnect());

describe("notifications of commitments at risk and breached", () => {
  it("a request at risk at 23:00 on a Friday is notified on Monday at the opening, once", async () => {
    const targets = await db.requestTarget.findMany({ where: { targetId: "cad-mo-first-reply" } });
    expect(targets.map((t) => [t.riskAt.toISOString(), t.dueAt.toISOString(), t.metAt])).toEqual(Array(3).fill([at.friday2300.toISOString(), "2026-11-30T16:00:00.000Z", null]));

    expect(await scanTargets(db, at.friday2259)).toBe(0);
    expect(await scanTargets(db, at.friday2300)).toBe(3);
    expect(await scanTargets(db, at.friday2300)).toBe(0);
    const dispatches = await db.notificationDispatch.findMany();
    expect(dispatches.map((d) => [d.state, d.since.toISOString(), d.deliverAt.toISOString()])).toEqual(Array(3).fill(["at-risk", at.friday2300.toISOString(), at.monday0830.toISOString()]));

    // Nothing goes out while the service is closed.
    for (const now of [at.friday2300, at.saturdayNoon, at.monday0829]) {
      expect(await runNotificationCycle(db, now, transport, BASE)).toMatchObject({ dispatched: 0, sent: 0, notified: 0 });
    }
    expect(await db.notification.count()).toBe(0);

    // The request closed on Saturday: its notification is dropped, not sent.
    const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    const closedVersion = (await db.request.findUniqueOrThrow({ where: { number: numbers.closed! } })).version;
    await changeRequestStatus({ user: agent, number: numbers.closed!, expectedVersion: closedVersion, now: at.saturdayNoon, status: "closed" });

    // Monday 8:30, two instances (two connections) run the cycle at the same instant.
    const [a, b] = [createDb(process.env.DATABASE_URL!), createDb(process.env.DATABASE_URL!)];
    try {
      const results = await Promise.all([runNotificationCycle(a, at.monday0830, transport, BASE), runNotificationCycle(b, at.monday0830, transport, BASE)]);
      expect(results.map((r) => r.sent).reduce((x, y) => x + y)).toBe(2);
      expect(results.map((r) => r.dropped).reduce((x, y) => x + y)).toBe(1);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    const notifications = await db.notification.findMany({ orderBy: [{ requestId: "asc" }, { userId: "asc" }] });
    expect(notifications.map((n) => [n.state, n.createdAt.toISOString()])).toEqual(Array(3).fill(["at-risk", at.monday0830.toISOString()]));
    // The unassigned request: both agents; the assigned one: its agent only; the closed one: nobody.
    const recipients = async (key: string) => notifications.filter((n) => n.requestId === ids[`req-${key}`]).map((n) => n.userId).sort();
    ids["req-unassigned"] = await requestId(numbers.unassigned!);
    ids["req-assigned"] = await requestId(numbers.assigned!);
    ids["req-closed"] = await requestId(numbers.closed!);
    expect(await recipients("unassigned")).toEqual([ids.first, ids.second].sort());
    expect(await recipients("assigned")).toEqual([ids.first]);
    expect(await recipients("closed")).toEqual([]);
    expect((await db.notificationDispatch.findMany({ orderBy: { requestId: "asc" } })).map((d) => [d.requestId === ids["req-closed"] ? "closed" : "open", d.outcome, d.handledAt?.toISOString()]).sort()).toEqual(
      [["closed", "met", at.monday0830.toISOString()], ["open", "sent", at.monday0830.toISOString()], ["open", "sent", at.monday0830.toISOString()]].sort(),
    );

    // E-mails: one per notification, handed to the transport once; the outbox keeps no address.
    expect(sentMail).toHaveLength(3);
    expect(sentMail.map((m) => m.to).sort()).toEqual(["agent.dotation@cspq.exemple.qc.ca", "agent.dotation@cspq.exemple.qc.ca", "agent2.dotation@cspq.exemple.qc.ca"]);
    expect(sentMail[0]!.subject).toMatch(/^Guichet — CAD-2026-\d{6} : engagement à risque \/ commitment at risk$/);
    expect(sentMail[0]!.text).toContain("risque de dépasser son engagement « Première réponse » (échéance : le lundi 30 novembre 2026 à 11 h)");
    expect(sentMail[0]!.text).toContain(`${BASE}/console/requetes/`);
    expect(sentMail.map((m) => m.text).join()).not.toMatch(/Rapport mensuel|specialiste@/i);
    const outbox = await db.emailOutbox.findMany({ where: { kind: "notification" } });
    expect(outbox).toHaveLength(3);
    expect(outbox.every((o) => o.sentAt?.getTime() === at.monday0830.getTime() && o.attempts === 1 && o.messageId)).toBe(true);
    expect(JSON.stringify(outbox.map(({ id, ...o }) => ({ ...o, id: String(id) })))).not.toContain("@cspq");

    // The managers' daily digest went out once per service (two instances notwithstanding), at the
    // opening, to the manager of each: CA-dotation's names its two requests at risk, not the closed one.
    expect(digestMail.map((m) => m.to)).toEqual(["gestionnaire@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca"]);
    const dotation = digestMail.find((m) => m.subject.includes("dotation"))!;
    expect(dotation.subject).toMatch(/sommaire quotidien \/ daily digest \(0 dépassement, 2 à suivre\)/);
    expect(dotation.text).toContain("Sommaire du lundi 30 novembre 2026");
    expect(dotation.text).toContain("Engagements dépassés depuis le sommaire précédent : 0");
    expect(dotation.text).toContain("À risque maintenant : 2");
    expect(dotation.text).toContain(`${BASE}/gestion/requetes/${numbers.unassigned}`);
    expect(dotation.text).toContain(`${BASE}/gestion/requetes/${numbers.assigned}`);
    expect(dotation.text).not.toContain(numbers.closed!);
    expect(dotation.text).toContain("Digest of Monday, November 30, 2026");
    expect(await db.digestRun.count()).toBe(2);

    // The specialist heard of their three requests and of the take in charge, at the first cycle.
    expect(requesterMail.map((m) => m.to)).toEqual(Array(4).fill("specialiste@mfq.exemple.qc.ca"));

    // A minute later: nothing new.
    expect(await runNotificationCycle(db, at.monday0831, transport, BASE)).toMatchObject({ dispatched: 0, sent: 0, notified: 0, emails: { sent: 0 } });
    expect(await db.notification.count()).toBe(3);
    expect(sentMail).toHaveLength(3);
    expect(digestMail).toHaveLength(2);
  });

  it("a breach due during the lunch break (the delivery ran late) waits for 13:00", async () => {
    // Due Monday 11:00: breached; the app was down until 12:15 (closed for lunch).
    expect(await scanTargets(db, at.monday1215)).toBe(2);
    expect((await db.notificationDispatch.findMany({ where: { state: "breached" } })).map((d) => d.deliverAt.toISOString())).toEqual([at.monday1300.toISOString(), at.monday1300.toISOString()]);
    // Even if its instant had been recorded as due, the delivery postpones it to the opening.
    await db.notificationDispatch.updateMany({ where: { state: "breached" }, data: { deliverAt: at.monday1215 } });
    expect(await deliverNotifications(db, at.monday1215, BASE)).toMatchObject({ sent: 0, postponed: 2 });
    expect(await runNotificationCycle(db, at.monday1300, transport, BASE)).toMatchObject({ sent: 2, notified: 3 });
    expect(await db.notification.count({ where: { state: "breached" } })).toBe(3);
  });

  it("lists an agent's notifications, newest first, and marks them read; nobody else has any", async () => {
    const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    expect(await unreadNotifications(agent)).toBe(4);
    const { rows, unread } = await readNotifications(agent);
    expect(unread).toBe(4);
    expect(rows.map((r) => r.state)).toEqual(["breached", "breached", "at-risk", "at-risk"]);
    expect(await markNotificationsRead(agent, [rows[0]!.id], at.monday1300)).toBe(1);
    expect(await unreadNotifications(agent)).toBe(3);
    expect(await markNotificationsRead(agent, "all", at.monday1300)).toBe(3);
    expect(await unreadNotifications(agent)).toBe(0);
    // Someone else's notification cannot be marked by this agent.
    const other = await db.notification.findFirstOrThrow({ where: { userId: ids.second } });
    expect(await markNotificationsRead(agent, [other.id], at.monday1300)).toBe(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).toBeNull();
    for (const email of ["gestionnaire@cspq.exemple.qc.ca", "specialiste@mfq.exemple.qc.ca"]) {
      const user = await currentUserFor(db, email);
      expect(await unreadNotifications(user)).toBe(0);
      await expect(readNotifications(user)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("retries an e-mail the transport refused, keeping no address in the error", async () => {
    const { emailOutbox } = db;
    await emailOutbox.create({ data: { userId: ids.second!, subject: "Essai", body: "Essai", createdAt: at.monday1300 } });
    const failing: MailTransport = { send: async (m) => Promise.reject(new Error(`550 mailbox ${m.to} unavailable\nmore`)) };
    const { sendEmails } = await import("../../src/server/services/notifications");
    expect(await sendEmails(db, failing, at.monday1300)).toEqual({ sent: 0, failed: 1 });
    const row = await emailOutbox.findFirstOrThrow({ where: { subject: "Essai" } });
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: "550 mailbox <adresse> unavailable", nextAttemptAt: new Date(at.monday1300.getTime() + 60_000) });
    // Backoff: not before a minute has passed.
    expect(await sendEmails(db, mailTransportFromEnv(), at.monday1300)).toEqual({ sent: 0, failed: 0 });
    expect(await sendEmails(db, mailTransportFromEnv(), new Date(at.monday1300.getTime() + 60_000))).toEqual({ sent: 1, failed: 0 });
    expect((await emailOutbox.findFirstOrThrow({ where: { subject: "Essai" } })).messageId).toBeTruthy();
  });
});

describe("the cycle on pg-boss", () => {
  it("two workers on one queue run each job once; a job sent before a restart runs after it", async () => {
    const { startNotificationWorker, NOTIFICATION_QUEUE } = await import("../../src/server/jobs/notification-worker");
    const url = process.env.DATABASE_URL!;
    const runs: string[] = [];
    const clock = () => (runs.push("run"), at.monday1300);
    const options = { connectionString: url, db, transport, baseUrl: BASE, clock, schedule: false, pollingIntervalSeconds: 0.5 };
    const first = await startNotificationWorker(options);
    const second = await startNotificationWorker(options);
    try {
      const id = await first.boss.send(NOTIFICATION_QUEUE, {});
      await waitFor(async () => (await first.boss.getJobById(NOTIFICATION_QUEUE, id!))?.state, "completed");
      expect(runs).toHaveLength(1);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    // Sent while no worker runs (the app is down), picked up by the next one to start. The sender is
    // a bare pg-boss, not a worker told to stop working: a worker's first fetch, already in flight,
    // could take the job, and pg-boss completes a job without awaiting it, so a stop right after
    // could close the pool first and leave the job active until it expires (a CI run met that).
    const sender = new PgBoss({ connectionString: url, schema: "pgboss", max: 1, supervise: false, schedule: false });
    await sender.start();
    const id = await sender.send(NOTIFICATION_QUEUE, {});
    await sender.stop({ graceful: false });
    const restarted = await startNotificationWorker(options);
    try {
      await waitFor(async () => (await restarted.boss.getJobById(NOTIFICATION_QUEUE, id!))?.state, "completed");
      expect(runs).toHaveLength(2);
    } finally {
      await restarted.stop();
    }
  }, 150_000);
});

/**
 * Waits for a job's state. Long enough for one retry (the queue's retryDelay is 20 s: a cycle that
 * fails once on a loaded machine is retried, as in production); on a timeout, says the state seen.
 */
async function waitFor(read: () => Promise<string | undefined>, expected: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let state = await read();
  while (state !== expected) {
    if (Date.now() > end) throw new Error(`timed out: the job is ${state ?? "not found"}, not ${expected}`);
    await new Promise((r) => setTimeout(r, 200));
    state = await read();
  }
}
