// The telephone system's call events (POST /api/v1/calls/events): each sequence — in order, out of
// order, duplicated, abandoned, voicemail — gives the right call and target outcome; a bad input
// stores nothing; two events of one call at once are both kept; the dashboard's phone figures are
// the events'.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/server/errors";
import { callState } from "../../src/domain/telephony/call-events";
import { ZCallEventInput } from "../../src/schemas/call-event";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { summarizePeriodCalls } from "../../src/server/repositories/dashboard-repository";
import { NextRequest } from "next/server";
import { POST as postCallEvent } from "../../src/app/api/v1/calls/events/route";
import { serveCallEvent } from "../../src/server/http/call-events-endpoint";
import { signWebhook } from "../../src/server/http/webhook-signature";
import { createApiKey } from "../../src/server/services/administer-api-keys";
import { readWallboard, receiveCallEvent, receiveEventGroup } from "../../src/server/services/call-events";
import { runRetention } from "../../src/server/services/retention";
import { currentUserFor } from "../support/users";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec: both lines open.
const T0 = Date.parse("2026-11-23T15:00:00Z");
const now = new Date(T0 + 60 * 60_000);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
let serial = 0;
const send = (body: Record<string, unknown>) => receiveCallEvent({ input: parseInput(ZCallEventInput, body, { unknownFields: "refuse" }), now });
const call = (line = "cad-candidates") => {
  const callId = `pbx-${++serial}`;
  return (event: string, seconds: number, extra: Record<string, unknown> = {}) => send({ callId, event, line, at: at(seconds), ...extra });
};
const row = (externalId: string) => db.phoneCall.findUniqueOrThrow({ where: { externalId } });

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("call events", () => {
  it("queued then answered in 4 minutes by a Guichet agent: met (5 minutes), the agent's account named", async () => {
    const c = call();
    expect((await c("queued", 0, { caller: "418 555-0101" })).call).toMatchObject({ status: "waiting", dueAt: null, met: null });
    const answered = await c("answered", 240, { agent: "agent.dotation@cspq.exemple.qc.ca" });
    expect(answered).toMatchObject({ stored: true, call: { status: "answered", waitSeconds: 240, met: true, dueAt: new Date(T0 + 300_000) } });
    await c("ended", 600);
    const stored = await row(`pbx-${serial}`);
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent.dotation@cspq.exemple.qc.ca" } });
    expect(stored).toMatchObject({
      serviceId: "ca-dotation",
      audienceId: "candidate",
      channel: "phone",
      callStatus: "answered",
      receivedAt: new Date(T0),
      answeredAt: new Date(T0 + 240_000),
      endedAt: new Date(T0 + 600_000),
      targetId: "cad-candidate-phone-answer",
      agentId: agent.id,
      callerNumber: "418 555-0101",
    });
  });

  it("SAGIR: answered after 16 minutes misses its 15; an unknown agent identifier is kept as given", async () => {
    const c = call("sagir");
    await c("queued", 0);
    expect((await c("answered", 16 * 60, { agent: "poste-2231" })).call).toMatchObject({ status: "answered", met: false });
    expect(await row(`pbx-${serial}`)).toMatchObject({ serviceId: "sagir", targetId: "sagir-phone-take-charge", agentId: null, agentRef: "poste-2231" });
  });

  it("out of order: answered before queued arrives gives the same call as in order", async () => {
    const c = call();
    await c("answered", 400);
    const late = await c("queued", 100);
    expect(late.call).toMatchObject({ status: "answered", queuedAt: new Date(T0 + 100_000), waitSeconds: 300, met: true });
    expect(await row(`pbx-${serial}`)).toMatchObject({ receivedAt: new Date(T0 + 100_000), answeredAt: new Date(T0 + 400_000) });
  });

  it("a retried webhook changes nothing and says so", async () => {
    const c = call();
    await c("queued", 0);
    await c("answered", 60);
    const again = await c("answered", 90);
    expect(again).toMatchObject({ stored: false, call: { answeredAt: new Date(T0 + 60_000) } });
    expect(await db.callEvent.count({ where: { externalId: `pbx-${serial}` } })).toBe(2);
  });

  it("abandoned: after 10 s it is not counted for the target; after 45 s it counts as missed", async () => {
    const short = call();
    await short("queued", 0);
    expect((await short("abandoned", 10)).call).toMatchObject({ status: "abandoned", dueAt: null, met: null });
    expect(await row(`pbx-${serial}`)).toMatchObject({ callStatus: "abandoned", targetId: null, dueAt: null, abandonedAt: new Date(T0 + 10_000) });
    const long = call();
    await long("queued", 0);
    expect((await long("abandoned", 45)).call).toMatchObject({ status: "abandoned", met: false });
    expect(await row(`pbx-${serial}`)).toMatchObject({ targetId: "cad-candidate-phone-answer", dueAt: new Date(T0 + 300_000), answeredAt: null });
  });

  it("a SAGIR voicemail opens a written request (taken in charge within 24 business-day hours) for the callback, once; kept on the call", async () => {
    const c = call("sagir");
    await c("queued", 0, { caller: "418 555-0123" });
    const left = await c("voicemail", 120, { voicemail: { durationSeconds: 42, recordingUrl: "https://pbx.exemple.qc.ca/r/1.wav" } });
    expect(left).toMatchObject({ stored: true, call: { status: "voicemail", met: null }, request: { number: expect.stringMatching(/^SAG-2026-\d{6}$/) } });
    expect((await db.callEvent.findFirstOrThrow({ where: { externalId: `pbx-${serial}`, kind: "voicemail" } })).details).toEqual({ durationSeconds: 42, recordingUrl: "https://pbx.exemple.qc.ca/r/1.wav" });
    const request = await db.request.findUniqueOrThrow({ where: { number: left.request!.number }, include: { targets: true, messages: true } });
    expect(request).toMatchObject({
      serviceId: "sagir",
      audienceId: "sagir-user",
      channel: "voicemail",
      type: "voicemail",
      subject: "☎ •••0123 · 0:42",
      requesterName: null,
      requesterEmail: null,
      receivedAt: new Date(T0 + 120_000),
      details: { callerNumber: "418 555-0123", voicemailSeconds: 42, recordingUrl: "https://pbx.exemple.qc.ca/r/1.wav" },
    });
    // The voicemail channel's target (24 business-day hours on SAGIR's calendar), not the call's 15 minutes.
    expect(request.targets.map((t) => t.targetId)).toEqual(["sagir-written-take-charge"]);
    expect(request.messages).toEqual([expect.objectContaining({ visibility: "internal", systemKind: "voicemail_received", body: "" })]);
    expect((await row(`pbx-${serial}`)).requestId).toBe(request.id);
    // The same webhook again: no second request.
    const again = await c("voicemail", 120, { voicemail: { durationSeconds: 42 } });
    expect(again).toMatchObject({ stored: false, request: null });
    expect(await db.request.count({ where: { type: "voicemail" } })).toBe(1);
  });

  it("a voicemail on CA-dotation's candidates' line (no voicemail channel there) keeps the call only", async () => {
    const c = call("cad-candidates");
    await c("queued", 0);
    expect(await c("voicemail", 60, { voicemail: { durationSeconds: 10 } })).toMatchObject({ stored: true, request: null, call: { status: "voicemail" } });
  });

  it("two events of one call at the same time are both kept, and the call reflects both", async () => {
    const callId = `pbx-concurrent-${++serial}`;
    await Promise.all([
      send({ callId, event: "queued", line: "sagir", at: at(0) }),
      send({ callId, event: "answered", line: "sagir", at: at(120) }),
      send({ callId, event: "ended", line: "sagir", at: at(500) }),
    ]);
    expect(await row(callId)).toMatchObject({ callStatus: "answered", receivedAt: new Date(T0), answeredAt: new Date(T0 + 120_000), endedAt: new Date(T0 + 500_000) });
  });

  it.each([
    ["an unknown line", { line: "pizza" }, "line"],
    ["an unknown event", { event: "ringing" }, "event"],
    ["an instant without offset", { at: "2026-11-23T10:00:00" }, "at"],
    ["an instant far in the future", { at: new Date(now.getTime() + 3_600_000).toISOString() }, "at"],
    ["a call id with spaces", { callId: "un appel" }, "callId"],
    ["an unknown field", { colour: "blue" }, "colour"],
    ["a voicemail's details on another event", { voicemail: { durationSeconds: 3 } }, "voicemail"],
    ["a recording URL that is not https", { event: "voicemail", voicemail: { durationSeconds: 3, recordingUrl: "http://x.example/a.wav" } }, "voicemail.recordingUrl"],
  ])("%s: 400 at the field, nothing stored", async (_, change, field) => {
    const before = await db.callEvent.count();
    const attempt = (async () => receiveCallEvent({ input: parseInput(ZCallEventInput, { callId: "pbx-bad", event: "queued", line: "cad-candidates", at: at(0), ...change }, { unknownFields: "refuse" }), now }))();
    await expect(attempt).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { [field]: expect.anything() } });
    expect(await db.callEvent.count()).toBe(before);
    expect(await db.phoneCall.count({ where: { externalId: "pbx-bad" } })).toBe(0);
  });

  it("the dashboard's phone figures are the events': answered, and the share answered in time among the calls that count", async () => {
    // Computed here from the calls stored above, independently of the dashboard's SQL.
    const calls = await db.phoneCall.findMany({ where: { serviceId: "sagir", externalId: { not: null } } });
    const counted = calls.filter((c) => c.dueAt !== null);
    const summary = await summarizePeriodCalls(db, { serviceId: "sagir", from: new Date(T0 - 3_600_000), to: new Date(T0 + 3_600_000) });
    expect(summary.calls).toBe(calls.length);
    expect(summary.answered).toBe(calls.filter((c) => c.callStatus === "answered").length);
    expect(summary.answeredWithinTarget).toBe(counted.filter((c) => c.answeredAt && c.answeredAt <= c.dueAt!).length);
    expect(summary.shareWithinTarget).toBe(counted.filter((c) => c.answeredAt && c.answeredAt <= c.dueAt!).length / counted.length);
    // SAGIR's calls above: one missed (16 min), one answered in 2 min, a voicemail (not counted).
    expect(summary.answeredWithinTarget).toBe(1);
    expect(counted).toHaveLength(2);
  });

  it("the database's recomputation (guichet_receive_call_event) gives the call the domain's callState gives, for any events in any order, twice or not", async () => {
    const TARGETS: Record<string, number | null> = { "cad-candidates": 5 * 60_000, sagir: 15 * 60_000, "cad-mo": null };
    const event = fc.record({
      kind: fc.constantFrom("queued", "answered", "abandoned", "voicemail", "ended"),
      seconds: fc.integer({ min: 0, max: 1200 }),
      agent: fc.constantFrom(null, "agent.dotation@cspq.exemple.qc.ca", "poste-12"),
      caller: fc.constantFrom(null, "418 555-0101", "819 555-0102"),
    });
    let run = 0;
    // A month before the other tests' calls: none of their figures sees these.
    const base = T0 - 30 * 86_400_000;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("cad-candidates", "sagir", "cad-mo"), fc.array(event, { minLength: 1, maxLength: 6 }), async (line, events) => {
        const callId = `prop-${++run}`;
        for (const e of events) {
          await send({ callId, event: e.kind, line, at: new Date(base + e.seconds * 1000).toISOString(), ...(e.agent ? { agent: e.agent } : {}), ...(e.caller ? { caller: e.caller } : {}) });
        }
        // What was stored: the first event of each kind (a repeated kind is a retried webhook).
        const kept = new Map<string, (typeof events)[number]>();
        for (const e of events) if (!kept.has(e.kind)) kept.set(e.kind, e);
        const state = callState(
          [...kept.values()].map((e) => ({ kind: e.kind, at: base + e.seconds * 1000, agentRef: e.agent, callerNumber: e.caller })),
          TARGETS[line]!,
        );
        const stored = await row(callId);
        expect({
          status: stored.callStatus,
          queuedAt: stored.receivedAt.getTime(),
          answeredAt: stored.answeredAt?.getTime() ?? null,
          abandonedAt: stored.abandonedAt?.getTime() ?? null,
          endedAt: stored.endedAt?.getTime() ?? null,
          dueAt: stored.dueAt?.getTime() ?? null,
          met: stored.dueAt === null ? null : stored.answeredAt !== null && stored.answeredAt <= stored.dueAt,
          agentRef: stored.agentRef,
          callerNumber: stored.callerNumber,
        }).toEqual({
          status: state.status,
          queuedAt: state.queuedAt,
          answeredAt: state.answeredAt,
          abandonedAt: state.abandonedAt,
          endedAt: state.endedAt,
          dueAt: state.dueAt,
          met: state.met,
          agentRef: state.agentRef,
          callerNumber: state.callerNumber,
        });
      }),
      { numRuns: 60 },
    );
    // The other tests count every call of their lines.
    await db.callEvent.deleteMany({ where: { externalId: { startsWith: "prop-" } } });
    await db.phoneCall.deleteMany({ where: { externalId: { startsWith: "prop-" } } });
  });

  it("events of many calls sent all at once (grouped in one statement and commit) give each call the domain's callState, whatever the order", async () => {
    const TARGETS: Record<string, number | null> = { "cad-candidates": 5 * 60_000, sagir: 15 * 60_000, "cad-mo": null };
    const base = T0 - 40 * 86_400_000;
    const kinds = fc.uniqueArray(fc.constantFrom("queued", "answered", "abandoned", "ended"), { minLength: 1, maxLength: 4 });
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom("cad-candidates", "sagir", "cad-mo"), kinds, fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 12 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), async (calls, shuffle) => {
          run += 1;
          const events = calls.flatMap(([line, callKinds, seconds], c) => callKinds.map((kind, k) => ({ callId: `burst-${run}-${c}`, event: kind, line, at: new Date(base + seconds[k]! * 1000).toISOString(), ...(kind === "answered" ? { agent: "poste-7" } : {}) })));
          const order = events.map((e) => ({ e, key: shuffle.next().value as number })).sort((a, b) => a.key - b.key).map(({ e }) => e);
          const answers = await Promise.all(order.map((e) => send(e)));
          expect(answers.every((a) => a.stored)).toBe(true);
          for (const [c, [line]] of calls.entries()) {
            const callId = `burst-${run}-${c}`;
            const mine = events.filter((e) => e.callId === callId);
            const state = callState(mine.map((e) => ({ kind: e.event as never, at: Date.parse(e.at), agentRef: e.agent ?? null, callerNumber: null })), TARGETS[line]!);
            const stored = await row(callId);
            expect({ status: stored.callStatus, queuedAt: stored.receivedAt.getTime(), answeredAt: stored.answeredAt?.getTime() ?? null, dueAt: stored.dueAt?.getTime() ?? null }).toEqual({
              status: state.status,
              queuedAt: state.queuedAt,
              answeredAt: state.answeredAt,
              dueAt: state.dueAt,
            });
          }
        }),
        { numRuns: 25 },
      );
    } finally {
      await db.callEvent.deleteMany({ where: { externalId: { startsWith: "burst-" } } });
      await db.phoneCall.deleteMany({ where: { externalId: { startsWith: "burst-" } } });
    }
  });

  it("a group the database refuses is written again event by event: the refusal is that event's, the others are stored", async () => {
    const event = (callId: string, receivedAt: Date) => ({
      // Fifty days before the other tests' calls: none of their figures sees these.
      externalId: callId, kind: "queued", lineId: "sagir", serviceId: "sagir", audienceId: "sagir-user", at: new Date(T0 - 50 * 86_400_000), agentRef: null, callerNumber: null,
      receivedAt, targetId: null, targetMs: null, abandonThresholdMs: 10_000,
    });
    // An instant that is no instant: written as null, refused by the column (received_at is required).
    try {
      const answers = await receiveEventGroup([event("group-1", now), event("group-2", new Date(Number.NaN)), event("group-3", now)]);
      expect(answers.map((a) => ("error" in a ? "refused" : a.value.stored))).toEqual([true, "refused", true]);
      expect((await db.callEvent.findMany({ where: { externalId: { startsWith: "group-" } }, orderBy: { externalId: "asc" } })).map((e) => e.externalId)).toEqual(["group-1", "group-3"]);
    } finally {
      await db.callEvent.deleteMany({ where: { externalId: { startsWith: "group-" } } });
      await db.phoneCall.deleteMany({ where: { externalId: { startsWith: "group-" } } });
    }
  });

  it("hostile bodies: refused in the error shape (never another error), nothing stored on a refusal", async () => {
    const hostile = fc.oneof(fc.string(), fc.constantFrom("\u0000", "\u001b[31m", "\ud800", "\uffff", "x".repeat(100_000)), fc.integer(), fc.constant(null), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()));
    const body = fc.record(
      { callId: fc.oneof(hostile, fc.constant("pbx-fuzz")), event: fc.oneof(hostile, fc.constantFrom("queued", "answered")), line: fc.oneof(hostile, fc.constant("sagir")), at: fc.oneof(hostile, fc.constant(at(1))), caller: hostile, agent: hostile, voicemail: hostile },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = await db.callEvent.count();
        try {
          await receiveCallEvent({ input: parseInput(ZCallEventInput, input, { unknownFields: "refuse" }), now });
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("INVALID_PARAMETER");
          expect(await db.callEvent.count()).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
    // A draw may be a valid event (« pbx-fuzz » queued on sagir), stored as it should be: gone, so
    // that the wallboard's figures below count only the calls the tests meant.
    await db.callEvent.deleteMany({ where: { externalId: "pbx-fuzz" } });
    await db.phoneCall.deleteMany({ where: { externalId: "pbx-fuzz" } });
  });

  it("a call cannot move to another line", async () => {
    const c = call("sagir");
    await c("queued", 0);
    await expect(send({ callId: `pbx-${serial}`, event: "answered", line: "cad-candidates", at: at(30) })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { line: expect.anything() } });
  });
});

describe("the wallboard (/console/<service>/ligne)", () => {
  it("shows each line's figures as the calls stored say (computed here independently), for the service's agents and managers only", async () => {
    const agent = await currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
    const boards = await readWallboard({ user: agent, serviceId: "ca-dotation", now });
    expect(boards.map((b) => b.lineId)).toEqual(["cad-candidates", "cad-mo"]);
    const calls = await db.phoneCall.findMany({ where: { lineId: "cad-candidates" } });
    const counted = calls.filter((c) => c.dueAt !== null);
    const waiting = calls.filter((c) => c.callStatus === "waiting");
    expect(boards[0]).toEqual({
      lineId: "cad-candidates",
      audienceId: "candidate",
      targetMinutes: 5,
      waiting: waiting.length,
      longestWaitSeconds: waiting.length ? Math.floor((now.getTime() - Math.min(...waiting.map((c) => c.receivedAt.getTime()))) / 1000) : null,
      answered: calls.filter((c) => c.callStatus === "answered").length,
      abandoned: calls.filter((c) => c.callStatus === "abandoned").length,
      shareInTime: counted.filter((c) => c.answeredAt && c.answeredAt <= c.dueAt!).length / counted.length,
      onCall: new Set(calls.filter((c) => c.callStatus === "answered" && !c.endedAt).map((c) => c.agentId ?? c.agentRef).filter(Boolean)).size,
    });
    expect(boards[1]).toMatchObject({ lineId: "cad-mo", targetMinutes: null, waiting: 0, shareInTime: null });

    // SAGIR: the call queued at 10:00 and never answered waits an hour at 11:00 (15-minute target).
    const sagir = await readWallboard({ user: await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca"), serviceId: "sagir", now });
    expect(sagir[0]).toMatchObject({ lineId: "sagir", targetMinutes: 15, waiting: 1, longestWaitSeconds: 3600 });
    // Four hours on, a call still « waiting » is one whose end never came: not shown as waiting.
    expect((await readWallboard({ user: await currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca"), serviceId: "sagir", now: new Date(T0 + 5 * 3_600_000) }))[0]).toMatchObject({ waiting: 0, longestWaitSeconds: null });

    for (const email of ["agent.sagir@cspq.exemple.qc.ca", "specialiste@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      await expect(readWallboard({ user: await currentUserFor(db, email), serviceId: "ca-dotation", now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(readWallboard({ user: null, serviceId: "sagir", now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the callers' numbers and Loi 25", () => {
  it("the retention job erases the callers' numbers of calls past their service's period (730 days), on the call and its events, and only those", async () => {
    // A call three days later, with a number: still within the period when the older ones pass it.
    const later = new Date(T0 + 3 * 86_400_000);
    await receiveCallEvent({ input: parseInput(ZCallEventInput, { callId: "pbx-later", event: "queued", line: "sagir", at: later.toISOString(), caller: "819 555-0177" }), now: later });
    expect(await db.phoneCall.count({ where: { callerNumber: { not: null }, receivedAt: { lt: later } } })).toBeGreaterThan(0);
    const result = await runRetention(db, new Date(T0 + 730 * 86_400_000 + 3_600_000));
    expect(result.callersErased).toBeGreaterThan(0);
    expect(await db.phoneCall.count({ where: { callerNumber: { not: null }, receivedAt: { lt: later } } })).toBe(0);
    expect(await db.callEvent.count({ where: { callerNumber: { not: null }, at: { lt: later } } })).toBe(0);
    expect((await db.phoneCall.findUniqueOrThrow({ where: { externalId: "pbx-later" } })).callerNumber).toBe("819 555-0177");
    expect((await db.callEvent.findFirstOrThrow({ where: { externalId: "pbx-later" } })).callerNumber).toBe("819 555-0177");
    // The anonymous facts stay: the calls, their instants and outcomes.
    expect(await db.phoneCall.count({ where: { externalId: { not: null }, callStatus: "answered" } })).toBeGreaterThan(0);
  });
});

describe("POST /api/v1/calls/events, signed (GUICHET_CALL_EVENTS_SECRET)", () => {
  const SECRET = "secret-partagé-avec-la-téléphonie";
  let key: string;
  beforeAll(async () => {
    // The route reads the real clock: a key valid for the next 30 days.
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    key = (await createApiKey({ user: await currentUserFor(db, "admin@cspq.exemple.qc.ca"), input: { name: "Téléphonie signée", scope: "call_events", expiresOn }, now: new Date() })).key;
    process.env.GUICHET_CALL_EVENTS_SECRET = SECRET;
  });
  afterAll(() => {
    delete process.env.GUICHET_CALL_EVENTS_SECRET;
  });
  const post = (body: string, headers: Record<string, string>) =>
    postCallEvent(new NextRequest("http://localhost/api/v1/calls/events", { method: "POST", body, headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers } }));

  it("accepts a well-signed event; refuses a missing, stale or wrong signature (401) and stores nothing then", async () => {
    const body = JSON.stringify({ callId: `pbx-signed-${++serial}`, event: "queued", line: "sagir", at: new Date().toISOString() });
    const t = Math.floor(Date.now() / 1000);
    const before = await db.callEvent.count();
    const attempts: Record<string, string>[] = [{}, { "x-guichet-timestamp": String(t - 600), "x-guichet-signature": signWebhook(SECRET, t - 600, body) }, { "x-guichet-timestamp": String(t), "x-guichet-signature": signWebhook("autre", t, body) }];
    for (const headers of attempts) {
      const refused = await post(body, headers);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", details: { signature: expect.any(String) } } });
    }
    expect(await db.callEvent.count()).toBe(before);
    const accepted = await post(body, { "x-guichet-timestamp": String(t), "x-guichet-signature": signWebhook(SECRET, t, body) });
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({ stored: true, call: { status: "waiting" } });
    // The same signed request replayed: nothing new.
    const replayed = await post(body, { "x-guichet-timestamp": String(t), "x-guichet-signature": signWebhook(SECRET, t, body) });
    expect(replayed.status).toBe(200);
    expect(await db.callEvent.count()).toBe(before + 1);
  });

  it("the front door's own answer (serveCallEvent, without Next.js) is the route's, status and body", async () => {
    const server = createServer((req, res) => void serveCallEvent(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/calls/events`;
    const viaFrontDoor = (body: string, headers: Record<string, string>) => fetch(url, { method: "POST", body, headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers } });
    try {
      const t = Math.floor(Date.now() / 1000);
      const signed = (body: string) => ({ "x-guichet-timestamp": String(t), "x-guichet-signature": signWebhook(SECRET, t, body) });
      const event = (id: string) => JSON.stringify({ callId: id, event: "queued", line: "sagir", at: new Date(t * 1000).toISOString(), caller: "418 555-0190" });
      // Refusals: malformed JSON, an unknown field, not JSON, an unknown key — and nothing stored.
      const before = await db.callEvent.count();
      const cases: { body: string; headers: Record<string, string> }[] = [
        { body: "{pas du json", headers: signed("{pas du json") },
        { body: JSON.stringify({ callId: "x", event: "queued", line: "sagir", at: new Date(t * 1000).toISOString(), extra: 1 }), headers: {} },
        { body: event("pbx-door-type"), headers: { "content-type": "text/plain" } },
        { body: event("pbx-door-key"), headers: { authorization: "Bearer gk_0000000000_" + "A".repeat(43) } },
      ];
      for (const c of cases) {
        const headers = { ...signed(c.body), ...c.headers };
        const [door, route] = [await viaFrontDoor(c.body, headers), await post(c.body, headers)];
        expect(door.status, c.body).toBe(route.status);
        expect(door.status, c.body).toBeGreaterThanOrEqual(400);
        expect(await door.json(), c.body).toEqual(await route.json());
      }
      expect(await db.callEvent.count()).toBe(before);
      // Stored through the front door, then the same event through the route: already there.
      const body = event(`pbx-door-${++serial}`);
      const first = await viaFrontDoor(body, signed(body));
      expect(first.status).toBe(201);
      const firstBody = await first.json();
      expect(firstBody).toMatchObject({ stored: true, call: { status: "waiting" }, request: null });
      expect(first.headers.get("cache-control")).toBe("no-store");
      const again = await post(body, signed(body));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ ...firstBody, stored: false });
    } finally {
      server.close();
    }
  });

  it("a key is still required, signed or not", async () => {
    const body = JSON.stringify({ callId: "pbx-nokey", event: "queued", line: "sagir", at: new Date().toISOString() });
    const t = Math.floor(Date.now() / 1000);
    const response = await postCallEvent(
      new NextRequest("http://localhost/api/v1/calls/events", { method: "POST", body, headers: { "content-type": "application/json", "x-guichet-timestamp": String(t), "x-guichet-signature": signWebhook(SECRET, t, body) } }),
    );
    expect(response.status).toBe(401);
  });
});
