// The managers' dashboards on the real database: every figure equals the figure recomputed from
// the event log (targets met, late, overdue, promises, times), the requests and calls (volumes,
// calls within target, backlog, at risk now), for the month, a week and with filters; the CSV
// holds the page's table; only the managers of a service (and the admin) see it.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { createCatalogueEngine } from "../../src/domain/catalogue/engine";
import { getZone } from "../../src/domain/catalogue/zone";
import { bucketKey } from "../../src/domain/dashboard/period";
import { ageClass, AGE_CLASSES, summarizeCalls, summarizeTargets } from "../../src/domain/dashboard/statistics";
import { evaluateTargets, liveState, queueFacts } from "../../src/domain/requests/targets";
import { ZCallInput, ZReplyInput } from "../../src/schemas/console";
import { ZDashboardQuery } from "../../src/schemas/dashboard";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { ZSagirRequestInput } from "../../src/schemas/sagir-request";
import { dashboardTables, toCsv } from "../../src/components/dashboard/tables";
import { backfillMetClockTimes } from "../../src/server/db/backfill-met-clock";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { loadCatalogue } from "../../src/server/repositories/catalogue-repository";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { createSagirRequest } from "../../src/server/services/create-sagir-request";
import { readDashboard, type DashboardData } from "../../src/server/services/dashboard";
import { getCatalogue } from "../../src/server/services/get-catalogue";
import { mergeRequest, replyToRequest, takeInCharge } from "../../src/server/services/handle-request";
import { logCall } from "../../src/server/services/log-call";
import { toEventFact, toTargetFacts } from "../../src/server/services/request-targets";
import { connectTestDb, truncateAll } from "../support/db";
import { SAGIR_SAMPLES } from "../support/sagir-samples";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const zone = getZone("America/Toronto");
// Monday 23 November 2026, 10:00 in Québec: "now" for every figure.
const now = new Date("2026-11-23T15:00:00Z");
/** A local Québec time in November 2026 (EST, UTC−5). */
const at = (local: string) => new Date(`${local}:00-05:00`);
const manager = () => currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
const dotationAgent = () => currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
const sagirAgent = () => currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
const version = async (number: string) => (await db.request.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;
const reply = (kind: string, body: string, expectedVersion: number, extra: Record<string, unknown> = {}) => ZReplyInput.parse({ kind, body, expectedVersion, ...extra });

async function inquiry(subject: string, receivedAt: Date): Promise<string> {
  const input = ZCandidateInquiryInput.parse({ name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject, topic: "online-systems", message: "Une question sur le système de candidature en ligne." });
  return (await createCandidateInquiry({ input, receivedAt })).number;
}

const numbers: Record<string, string> = {};

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  await seedDemoData(db);
  const agent = await dotationAgent();
  // October: outside the month.
  numbers.october = await inquiry("Question d'octobre", at("2026-10-28T10:00"));
  // Answered the next day: met on time.
  numbers.answered = await inquiry("Réponse rapide", at("2026-11-02T10:00"));
  await replyToRequest({ user: agent, number: numbers.answered, now: at("2026-11-03T09:00"), input: reply("answer", "Voici la réponse à votre question.", await version(numbers.answered)) });
  // Avis de délai on time, promise for 10 November kept late (answered 12 November).
  numbers.promised = await inquiry("Délai annoncé", at("2026-11-03T10:00"));
  await replyToRequest({ user: agent, number: numbers.promised, now: at("2026-11-04T09:00"), input: reply("delay_notice", "Nous vous répondrons au plus tard le {date}.", await version(numbers.promised), { promisedDate: "2026-11-10" }) });
  await replyToRequest({ user: agent, number: numbers.promised, now: at("2026-11-12T09:00"), input: reply("answer", "Voici enfin la réponse promise.", await version(numbers.promised)) });
  // A second avis de délai whose promise (24 November) is still pending.
  numbers.pendingPromise = await inquiry("Promesse en cours", at("2026-11-16T10:00"));
  await replyToRequest({ user: agent, number: numbers.pendingPromise, now: at("2026-11-17T09:00"), input: reply("delay_notice", "Nous vous répondrons au plus tard le {date}.", await version(numbers.pendingPromise), { promisedDate: "2026-11-24" }) });
  // Never answered: 10 business days passed on 19 November → overdue now.
  numbers.overdue = await inquiry("Sans réponse", at("2026-11-05T10:00"));
  // Received last Friday: pending (at risk or not, the event log says).
  numbers.recent = await inquiry("Reçue vendredi", at("2026-11-20T10:00"));
  // A duplicate merged into the recent one: its target is withdrawn.
  numbers.duplicate = await inquiry("Doublon", at("2026-11-20T10:30"));
  await mergeRequest({ user: agent, number: numbers.duplicate, now: at("2026-11-20T11:00"), expectedVersion: await version(numbers.duplicate), into: numbers.recent });
  // Calls: answered in 3 minutes (within 5), in 6 minutes (breached) opening a request, and a fax-like voicemail for SAGIR below.
  const call = (fields: Record<string, string>) => ZCallInput.parse({ urgent: "", audienceId: "candidate", channel: "phone", ...fields });
  await logCall({ user: agent, serviceId: "ca-dotation", now: at("2026-11-09T11:00"), input: call({ receivedAt: "2026-11-09T10:00", answeredAt: "2026-11-09T10:03", outcome: "settled" }) });
  const opened = await logCall({
    user: agent,
    serviceId: "ca-dotation",
    now: at("2026-11-09T11:00"),
    input: call({ receivedAt: "2026-11-09T10:10", answeredAt: "2026-11-09T10:16", outcome: "request_opened", type: "my-candidate-file", subject: "Résultat d'examen", summary: "La candidate demande le résultat de son examen.", requesterName: "Julie Gagnon" }),
  });
  numbers.call = opened.number!;
  // SAGIR: a request taken in charge the next morning, and a voicemail.
  const sagir = await sagirAgent();
  const user = await currentUserFor(db, "sagir@mfq.exemple.qc.ca");
  numbers.sagir = (await createSagirRequest({ user, input: ZSagirRequestInput.parse({ ...SAGIR_SAMPLES.access, urgent: "", contactPhone: "" }), receivedAt: at("2026-11-10T15:00") })).number;
  await takeInCharge({ user: sagir, number: numbers.sagir, expectedVersion: await version(numbers.sagir), now: at("2026-11-11T09:00") });
  await logCall({ user: sagir, serviceId: "sagir", now: at("2026-11-12T09:00"), input: ZCallInput.parse({ urgent: "", audienceId: "sagir-user", channel: "voicemail", receivedAt: "2026-11-11T21:15", type: "access", subject: "Message vocal", summary: "Un message laissé le soir au sujet d'un accès." }) });
});
afterAll(() => db.$disconnect());

type Filters = { audienceId?: string; channel?: string };

/** Every figure, recomputed from the requests, their targets' facts and their event log (never the stored met instants). */
async function recompute(serviceId: string, from: Date, to: Date, filters: Filters, bucket: "day" | "month") {
  const engine = createCatalogueEngine((await loadCatalogue(db)).definition);
  const inScope = { serviceId, ...(filters.audienceId ? { audienceId: filters.audienceId } : {}), ...(filters.channel ? { channel: filters.channel } : {}) };
  const requests = await db.request.findMany({ where: { ...inScope, receivedAt: { gte: from, lt: to } }, include: { targets: true, events: true } });
  const evaluated = requests.flatMap((r) =>
    evaluateTargets(engine, r.targets.map(toTargetFacts), r.events.map(toEventFact), now.getTime(), { withdrawn: r.mergedIntoId !== null }),
  );
  const volumes = new Map<string, number>();
  for (const r of requests) {
    const key = `${bucketKey(zone.dayOf(r.receivedAt.getTime()), bucket)}|${r.channel}`;
    volumes.set(key, (volumes.get(key) ?? 0) + 1);
  }
  const calls = await db.phoneCall.findMany({ where: { ...inScope, receivedAt: { gte: from, lt: to } } });
  const open = await db.request.findMany({ where: { ...inScope, status: { in: ["new", "in_progress", "waiting_requester"] } }, include: { targets: true, events: true } });
  const backlog = Object.fromEntries(AGE_CLASSES.map((c) => [c, 0]));
  const states = { "at-risk": 0, overdue: 0 } as Record<string, number>;
  for (const r of open) {
    backlog[ageClass(now.getTime() - r.receivedAt.getTime())]! += 1;
    const targets = evaluateTargets(engine, r.targets.map(toTargetFacts), r.events.map(toEventFact), now.getTime(), { withdrawn: r.mergedIntoId !== null });
    const state = liveState(queueFacts(targets, r.mergedIntoId !== null), now.getTime());
    if (state) states[state]! += 1;
  }
  return {
    requests: requests.length,
    targets: summarizeTargets(evaluated),
    volumes,
    calls: summarizeCalls(calls.map((c) => ({ channel: c.channel, receivedAt: c.receivedAt.getTime(), answeredAt: c.answeredAt?.getTime() ?? null, dueAt: c.dueAt?.getTime() ?? null }))),
    backlog,
    states,
  };
}

function expectEqualToEventLog(data: DashboardData, expected: Awaited<ReturnType<typeof recompute>>) {
  const byKey = (rows: { key: string }[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
  expect(byKey([...data.targets, ...(data.promises ? [data.promises] : [])])).toEqual(byKey(expected.targets));
  expect(data.requests).toBe(expected.requests);
  const volumes = new Map<string, number>();
  for (const row of data.volumes.rows) for (const [channel, n] of Object.entries(row.byChannel)) volumes.set(`${row.bucket}|${channel}`, n);
  expect(volumes).toEqual(expected.volumes);
  expect(data.calls).toEqual(expected.calls);
  expect(data.backlog).toEqual(expected.backlog);
  expect([data.atRisk.atRisk, data.atRisk.breached]).toEqual([expected.states["at-risk"], expected.states.overdue]);
  // Every request listed has something due: none shows « — » (a target met late is over).
  expect(data.atRisk.items.every((i) => i.dueAt !== null)).toBe(true);
  // The period's breaches are the targets table's « respectés en retard » and « en retard ».
  expect(data.overall.breaches).toBe(data.targets.reduce((sum, t) => sum + t.metLate + t.overdue, 0));
}

const monthQuery = ZDashboardQuery.parse({ period: "month", date: "2026-11-15" });
const november = [new Date("2026-11-01T04:00:00Z"), new Date("2026-12-01T05:00:00Z")] as const;

describe("dashboard figures = figures recomputed from the event log", () => {
  it("for CA-dotation's month of November", async () => {
    const data = await readDashboard({ user: await manager(), serviceId: "ca-dotation", query: monthQuery, now });
    expectEqualToEventLog(data, await recompute("ca-dotation", ...november, {}, "day"));
    // And what the scenario says, so the comparison is not between two empty sets.
    expect(data.requests).toBe(7);
    const reply = data.targets.find((t) => t.key === "cad-candidate-reply")!;
    expect(reply).toMatchObject({ total: 6, metOnTime: 3, overdue: 1, pending: 2 });
    expect(data.promises).toMatchObject({ total: 2, metOnTime: 0, metLate: 1, pending: 1, shareMet: 0 });
    expect(data.calls).toMatchObject({ calls: 2, answered: 2, answeredWithinTarget: 1, shareWithinTarget: 0.5, waitMedianMs: 3 * 60_000, waitP90Ms: 6 * 60_000 });
    expect(data.targets.find((t) => t.key === "cad-candidate-phone-answer")).toMatchObject({ total: 1, metLate: 1 });
    expect(data.volumes.rows.find((r) => r.bucket === "2026-11-20")!.total).toBe(2);
    expect(data.volumes.rows).toHaveLength(30);
  });

  it("for SAGIR, with an audience and a channel, and for a week", async () => {
    const user = await manager();
    const sagir = await readDashboard({ user, serviceId: "sagir", query: monthQuery, now });
    expectEqualToEventLog(sagir, await recompute("sagir", ...november, {}, "day"));
    expect(sagir.calls.byChannel).toEqual({ voicemail: 1 });
    expect(sagir.targets.find((t) => t.key === "sagir-written-take-charge")).toMatchObject({ metOnTime: 1 });

    const phone = await readDashboard({ user, serviceId: "ca-dotation", query: ZDashboardQuery.parse({ period: "month", date: "2026-11-01", audience: "candidate", channel: "phone" }), now });
    expectEqualToEventLog(phone, await recompute("ca-dotation", ...november, { audienceId: "candidate", channel: "phone" }, "day"));
    expect(phone.requests).toBe(1);

    const week = await readDashboard({ user, serviceId: "ca-dotation", query: ZDashboardQuery.parse({ period: "week", date: "2026-11-04" }), now });
    expect([week.period.from, week.period.to]).toEqual([new Date("2026-11-02T05:00:00Z").getTime(), new Date("2026-11-09T05:00:00Z").getTime()]);
    expectEqualToEventLog(week, await recompute("ca-dotation", new Date(week.period.from), new Date(week.period.to), {}, "day"));
    expect(week.requests).toBe(3);

    const range = await readDashboard({ user, serviceId: "ca-dotation", query: ZDashboardQuery.parse({ period: "range", from: "2026-01-01", to: "2026-12-31" }), now });
    expect(range.period.bucket).toBe("month");
    expectEqualToEventLog(range, await recompute("ca-dotation", new Date(range.period.from), new Date(range.period.to), {}, "month"));
    expect(range.requests).toBe(8);
  });

  it("exports each table as the page shows it: UTF-8 with BOM, semicolons, decimal comma", async () => {
    const data = await readDashboard({ user: await manager(), serviceId: "ca-dotation", query: monthQuery, now });
    const t = (key: string, values?: Record<string, string | number>) => (values ? `${key} ${JSON.stringify(values)}` : key);
    const tables = dashboardTables(data, await getCatalogue(), t, "fr");
    const calls = toCsv(tables.find((x) => x.id === "calls")!, "fr");
    expect(calls.startsWith("\uFEFF\"columns.channel\";\"columns.received\"")).toBe(true);
    // Durations in minutes, as numbers a spreadsheet adds up (the page says « 3 min »).
    expect(calls.split("\r\n")[1]).toMatch(/^"Téléphone";2;2;1;50;3;6$/);
    expect(calls.split("\r\n")[0]).toContain('"columns.waitMedian (min)";"columns.waitP90 (min)"');
    const targets = toCsv(tables.find((x) => x.id === "targets")!, "fr");
    expect(targets.split("\r\n")).toHaveLength(2 + data.targets.length);
    expect(toCsv(tables.find((x) => x.id === "promises")!, "fr").split("\r\n")[1]).toBe("2;0;1;0;1;0");
  });
});

describe("met clock times", () => {
  it("are filled, for targets met before the column existed, with what the writers store", async () => {
    const select = { requestId: true, targetId: true, metClockMs: true } as const;
    const order = [{ requestId: "asc" as const }, { targetId: "asc" as const }];
    const stored = await db.requestTarget.findMany({ where: { metAt: { not: null } }, select, orderBy: order });
    expect(stored.length).toBeGreaterThan(5);
    expect(stored.every((t) => t.metClockMs !== null)).toBe(true);
    await db.$executeRaw`UPDATE request_target SET met_clock_ms = NULL`;
    expect(await backfillMetClockTimes(db)).toBe(stored.length);
    expect(await db.requestTarget.findMany({ where: { metAt: { not: null } }, select, orderBy: order })).toEqual(stored);
    expect(await backfillMetClockTimes(db)).toBe(0);
  });
});

describe("a target's copy of its request's facts", () => {
  it("is its request's service, audience, channel and receipt, which never change", async () => {
    const mismatched = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM request_target t JOIN request r ON r.id = t.request_id
      WHERE (t.service_id, t.audience_id, t.channel, t.received_at) IS DISTINCT FROM (r.service_id, r.audience_id, r.channel, r.received_at)`;
    expect(Number(mismatched[0]!.n)).toBe(0);
    expect(await db.requestTarget.count()).toBeGreaterThan(10);
    await expect(db.$executeRaw`UPDATE request SET channel = 'phone' WHERE number = ${numbers.answered}`).rejects.toThrow(/never change/);
    await expect(db.$executeRaw`UPDATE request SET received_at = received_at + interval '1 day' WHERE number = ${numbers.answered}`).rejects.toThrow(/never change/);
  });
});

describe("who sees the dashboards", () => {
  it("managers of the service and the admin; not agents, MO users, nor anyone signed out", async () => {
    const admin = await currentUserFor(db, "admin@cspq.exemple.qc.ca");
    await expect(readDashboard({ user: admin, serviceId: "sagir", query: monthQuery, now })).resolves.toMatchObject({ serviceId: "sagir" });
    const sagirOnly = { ...(await manager()), services: ["sagir"] };
    await expect(readDashboard({ user: sagirOnly, serviceId: "ca-dotation", query: monthQuery, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const email of ["agent.dotation@cspq.exemple.qc.ca", "sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      const user = await currentUserFor(db, email);
      await expect(readDashboard({ user, serviceId: "ca-dotation", query: monthQuery, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(readDashboard({ user: null, serviceId: "ca-dotation", query: monthQuery, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
