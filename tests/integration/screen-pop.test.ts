// The screen pop (« Appel en cours »): the agent the telephone system names in `answered` sees the
// call with its caller's past requests (found by the number however it was written), and settles it
// — or opens a request from it — with the system's instants: the call's row is updated, never
// doubled, and the events that come after keep the agent's settlement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCallEventInput } from "../../src/schemas/call-event";
import { ZCallSettleInput } from "../../src/schemas/console";
import { ZSagirRequestInput } from "../../src/schemas/sagir-request";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { AppError } from "../../src/server/errors";
import { summarizePeriodCalls } from "../../src/server/repositories/dashboard-repository";
import { readCallToSettle, readCurrentCalls, receiveCallEvent } from "../../src/server/services/call-events";
import { createSagirRequest } from "../../src/server/services/create-sagir-request";
import { settleCall } from "../../src/server/services/log-call";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { SAGIR_SAMPLES } from "../support/sagir-samples";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec: both lines open.
const T0 = Date.parse("2026-11-23T15:00:00Z");
const now = new Date(T0 + 60 * 60_000);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const AGENT_SAGIR = "agent.sagir@cspq.exemple.qc.ca";
const AGENT_CAD = "agent.dotation@cspq.exemple.qc.ca";
let serial = 0;
const send = (body: Record<string, unknown>) => receiveCallEvent({ input: parseInput(ZCallEventInput, body, { unknownFields: "refuse" }), now });
/** A call queued at `queued` s and answered `wait` s later by `agent`, still on the line. */
async function answeredCall(options: { line?: string; agent?: string; caller?: string | null; queued?: number; wait?: number } = {}) {
  const callId = `pop-${++serial}`;
  const line = options.line ?? "sagir";
  const queued = options.queued ?? 0;
  await send({ callId, event: "queued", line, at: at(queued), ...(options.caller === null ? {} : { caller: options.caller ?? "418 555-0142" }) });
  await send({ callId, event: "answered", line, at: at(queued + (options.wait ?? 120)), agent: options.agent ?? AGENT_SAGIR });
  const { id } = await db.phoneCall.findUniqueOrThrow({ where: { externalId: callId }, select: { id: true } });
  return { callId, id, line };
}
const settle = async (email: string, serviceId: string, body: Record<string, unknown>) =>
  settleCall({ user: await currentUserFor(db, email), serviceId, input: parseInput(ZCallSettleInput, body) });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error.code : error));

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date(T0));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("the screen pop", () => {
  it("shows the agent the system names, and nobody else, the call they answered with its wait against the target", async () => {
    const call = await answeredCall({ wait: 17 * 60, caller: "514 555-0199" });
    const { calls: mine } = await readCurrentCalls({ user: await currentUserFor(db, AGENT_SAGIR), now });
    expect(mine.find((c) => c.id === call.id)).toMatchObject({ serviceId: "sagir", audienceId: "sagir-user", caller: "•••0199", waitSeconds: 17 * 60, ongoing: true, met: false, pastRequests: [] });
    expect((await readCurrentCalls({ user: await currentUserFor(db, AGENT_CAD), now })).calls.some((c) => c.id === call.id)).toBe(false);
    expect(await readCurrentCalls({ user: await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca"), now })).toEqual({ calls: [], more: 0 });
    // Still shown once the call ended, until the agent settles it; gone after a workday.
    await send({ callId: call.callId, event: "ended", line: "sagir", at: at(20 * 60) });
    expect((await readCurrentCalls({ user: await currentUserFor(db, AGENT_SAGIR), now })).calls.find((c) => c.id === call.id)).toMatchObject({ ongoing: false });
    const nextDay = new Date(T0 + 24 * 60 * 60_000);
    expect((await readCurrentCalls({ user: await currentUserFor(db, AGENT_SAGIR), now: nextDay })).calls.some((c) => c.id === call.id)).toBe(false);
  });

  it("finds the caller's past requests by their number however it was written: a voicemail's, a form's contact phone, a call's request", async () => {
    // A voicemail from +1 418-555-0177 (a request of its own), and an Outil Requête giving « (418) 555-0177, poste 12 ».
    await send({ callId: `vm-${++serial}`, event: "queued", line: "sagir", at: at(0), caller: "+1 418-555-0177" });
    const voicemail = await send({ callId: `vm-${serial}`, event: "voicemail", line: "sagir", at: at(60), voicemail: { durationSeconds: 42 } });
    const form = await createSagirRequest({
      user: await currentUserFor(db, "sagir@mfq.exemple.qc.ca"),
      input: ZSagirRequestInput.parse({ ...SAGIR_SAMPLES["access"], urgent: "", contactPhone: "(418) 555-0177, poste 12" }),
      receivedAt: new Date(T0 + 90_000),
    });
    // Another number of the same MO: not shown.
    await createSagirRequest({ user: await currentUserFor(db, "sagir@mfq.exemple.qc.ca"), input: ZSagirRequestInput.parse({ ...SAGIR_SAMPLES["access"], urgent: "", contactPhone: "418 555-0100" }), receivedAt: new Date(T0) });
    const call = await answeredCall({ caller: "4185550177", queued: 300 });
    const [pop] = (await readCurrentCalls({ user: await currentUserFor(db, AGENT_SAGIR), now })).calls.filter((c) => c.id === call.id);
    expect(pop!.pastRequests.map((r) => r.number)).toEqual([form.number, voicemail.request!.number]);
    expect(pop!.pastRequests[0]).toMatchObject({ status: "new", type: "access" });
  });

  it("lists the calls still on the line first, five at most, and says how many more wait to be settled", async () => {
    const agent = await currentUserFor(db, AGENT_CAD);
    const ended = [];
    for (let i = 0; i < 6; i++) {
      const call = await answeredCall({ line: "cad-candidates", agent: AGENT_CAD, queued: 1800 + i * 60, wait: 30 });
      await send({ callId: call.callId, event: "ended", line: "cad-candidates", at: at(3000 + i) });
      ended.push(call.id);
    }
    const onLine = await answeredCall({ line: "cad-candidates", agent: AGENT_CAD, queued: 60, wait: 30 });
    const pop = await readCurrentCalls({ user: agent, now });
    expect(pop.calls.map((c) => c.id)).toEqual([onLine.id, ...ended.slice(2).reverse()]);
    expect(pop.more).toBe(2);
  });

  it("a withheld number has no past requests", async () => {
    const call = await answeredCall({ caller: null });
    const [pop] = (await readCurrentCalls({ user: await currentUserFor(db, AGENT_SAGIR), now })).calls.filter((c) => c.id === call.id);
    expect(pop).toMatchObject({ caller: null, pastRequests: [] });
  });
});

describe("settling a call the telephone system reported", () => {
  it("settled on the call: the same row, the system's instants, and a later `ended` keeps the settlement", async () => {
    const before = await summarizePeriodCalls(db, { serviceId: "sagir", from: new Date(T0 - 60_000), to: new Date(T0 + 2 * 60 * 60_000) });
    const call = await answeredCall({ wait: 300 });
    expect(await settle(AGENT_SAGIR, "sagir", { callId: call.id, outcome: "settled" })).toEqual({
      number: null,
      answer: { targetId: "sagir-phone-take-charge", dueAt: new Date(T0 + 15 * 60_000), answeredAt: new Date(T0 + 300_000), met: true },
    });
    await send({ callId: call.callId, event: "ended", line: "sagir", at: at(900) });
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ outcome: "settled", callStatus: "answered", requestId: null, endedAt: new Date(T0 + 900_000) });
    expect(await db.phoneCall.count({ where: { agentId: (await currentUserFor(db, AGENT_SAGIR)).id, externalId: null } })).toBe(0);
    const after = await summarizePeriodCalls(db, { serviceId: "sagir", from: new Date(T0 - 60_000), to: new Date(T0 + 2 * 60 * 60_000) });
    expect(after.calls - before.calls).toBe(1);
    expect(after.answeredWithinTarget - before.answeredWithinTarget).toBe(1);
    expect((await readCurrentCalls({ user: await currentUserFor(db, AGENT_SAGIR), now })).calls.some((c) => c.id === call.id)).toBe(false);
    expect(await readCallToSettle({ user: await currentUserFor(db, AGENT_SAGIR), serviceId: "sagir", callId: call.id })).toBeNull();
  });

  it("a request opened from it: received when the call entered the queue, taken in charge when answered (SAGIR), linked to the call", async () => {
    const call = await answeredCall({ queued: 600, wait: 200 });
    const settled = await settle(AGENT_SAGIR, "sagir", {
      callId: call.id,
      outcome: "request_opened",
      type: "access",
      subject: "Accès au module des achats",
      summary: "Rappeler après vérification du profil.",
      urgent: "on",
    });
    expect(settled.number).toMatch(/^SAG-2026-\d{6}$/);
    const request = await db.request.findUniqueOrThrow({ where: { number: settled.number! }, include: { events: { orderBy: { id: "asc" } } } });
    const agent = await currentUserFor(db, AGENT_SAGIR);
    expect(request).toMatchObject({ channel: "phone", receivedAt: new Date(T0 + 600_000), assigneeId: agent.id, status: "in_progress", urgent: true });
    expect(request.events.map((e) => [e.kind, e.at.getTime()])).toEqual(expect.arrayContaining([["call_answered", T0 + 800_000], ["taken_in_charge", T0 + 800_000]]));
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ outcome: "request_opened", requestId: request.id, urgent: true });
    // The caller's next call shows it.
    const next = await answeredCall({ queued: 1200 });
    expect((await readCurrentCalls({ user: agent, now })).calls.find((c) => c.id === next.id)!.pastRequests.map((r) => r.number)).toContain(settled.number);
  });

  it("refuses a second settlement, another agent, another service, a call not answered, and a bad form — changing nothing", async () => {
    const call = await answeredCall();
    await settle(AGENT_SAGIR, "sagir", { callId: call.id, outcome: "settled" });
    expect(await failure(settle(AGENT_SAGIR, "sagir", { callId: call.id, outcome: "request_opened", type: "access", subject: "Deux fois", summary: "Double clic" }))).toBe("CONFLICT");

    const other = await answeredCall();
    expect(await failure(settle(AGENT_CAD, "ca-dotation", { callId: other.id, outcome: "settled" }))).toBe("NOT_FOUND");
    expect(await failure(settle(AGENT_CAD, "sagir", { callId: other.id, outcome: "settled" }))).toBe("NOT_FOUND");
    const waiting = `pop-${++serial}`;
    await send({ callId: waiting, event: "queued", line: "sagir", at: at(0) });
    const waitingId = (await db.phoneCall.findUniqueOrThrow({ where: { externalId: waiting } })).id;
    expect(await failure(settle(AGENT_SAGIR, "sagir", { callId: waitingId, outcome: "settled" }))).toBe("NOT_FOUND");
    // A request opened needs its type, subject and summary (the same schema as the form's).
    expect(() => parseInput(ZCallSettleInput, { callId: other.id, outcome: "request_opened" })).toThrow(AppError);
    expect(await failure(settle(AGENT_SAGIR, "sagir", { callId: other.id, outcome: "request_opened", type: "not-a-type", subject: "Objet", summary: "Résumé" }))).toBe("INVALID_PARAMETER");
    expect(await db.phoneCall.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ outcome: "answered", requestId: null });
  });
});
