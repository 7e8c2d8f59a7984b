// The agent console on the real database: take in charge, avis de délai (a tracked promise),
// calls, voicemails, identity validation (audited), merge, conflicts, the queue's filters, counts,
// pages and French search — and the target state the queue's SQL computes equals the domain's.
import pg from "pg";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { createCatalogueEngine } from "../../src/domain/catalogue/engine";
import { queueFacts, requestTargetState } from "../../src/domain/requests/targets";
import { ZCallInput, ZQueueQuery, ZReplyInput } from "../../src/schemas/console";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { ZSagirRequestInput } from "../../src/schemas/sagir-request";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { loadCatalogue } from "../../src/server/repositories/catalogue-repository";
import { countQueue, listQueue } from "../../src/server/repositories/queue-repository";
import { heartbeat, readConsoleRequest, readQueue } from "../../src/server/services/agent-console";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { createSagirRequest } from "../../src/server/services/create-sagir-request";
import {
  addInternalNote,
  mergeRequest,
  reassignRequest,
  replyToRequest,
  revealRequester,
  takeInCharge,
  validateIdentity,
} from "../../src/server/services/handle-request";
import { logCall } from "../../src/server/services/log-call";
import { connectTestDb, testDatabaseUrl, truncateAll } from "../support/db";
import { SAGIR_SAMPLES } from "../support/sagir-samples";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec.
const monday10 = new Date("2026-11-23T15:00:00Z");
const minutes = (n: number) => new Date(monday10.getTime() + n * 60_000);
const dotationAgent = () => currentUserFor(db, "agent.dotation@cspq.exemple.qc.ca");
const sagirAgent = () => currentUserFor(db, "agent.sagir@cspq.exemple.qc.ca");
const version = async (number: string) => (await db.request.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;
const targetsOf = (number: string) => db.requestTarget.findMany({ where: { request: { number } }, orderBy: { targetId: "asc" } });

async function inquiry(subject: string, message: string, receivedAt = monday10): Promise<string> {
  const input = ZCandidateInquiryInput.parse({ name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject, topic: "online-systems", message });
  return (await createCandidateInquiry({ input, receivedAt })).number;
}

async function sagirRequest(receivedAt = monday10): Promise<string> {
  const user = await currentUserFor(db, "sagir@mfq.exemple.qc.ca");
  const input = ZSagirRequestInput.parse({ ...SAGIR_SAMPLES.access, urgent: "", contactPhone: "" });
  return (await createSagirRequest({ user, input, receivedAt })).number;
}

const reply = (kind: string, body: string, expectedVersion: number, extra: Record<string, unknown> = {}) =>
  ZReplyInput.parse({ kind, body, expectedVersion, ...extra });

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, monday10);
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("take in charge (SAGIR prise en charge)", () => {
  it("assigns to me, acknowledges, and the 24-hour take-in-charge target turns met", async () => {
    const number = await sagirRequest();
    const agent = await sagirAgent();
    await takeInCharge({ user: agent, number, expectedVersion: await version(number), now: minutes(30) });
    const [target] = await targetsOf(number);
    expect(target).toMatchObject({ targetId: "sagir-written-take-charge", metAt: minutes(30) });
    const view = await readConsoleRequest({ user: agent, number, now: minutes(31) });
    expect(view.assignedToMe).toBe(true);
    expect(view.status).toBe("in_progress");
    expect(view.targets[0]).toMatchObject({ state: "met", metAt: minutes(30).getTime() });
    expect(view.messages.at(-1)).toMatchObject({ visibility: "public", replyKind: "acknowledgement" });
    const row = await db.request.findUniqueOrThrow({ where: { number } });
    expect(row).toMatchObject({ nextDueAt: null, nextRiskAt: null, missed: false, hasTargets: true });
  });
});

describe("avis de délai: a promise tracked as its own commitment", () => {
  it("meets the 10-business-day reply target, adds a promise due at the close of the promised day, met by the answer", async () => {
    const number = await inquiry("Question sur les délais de traitement", "Combien de temps faut-il pour traiter une candidature?");
    const agent = await dotationAgent();
    await replyToRequest({
      user: agent,
      number,
      now: minutes(60),
      input: reply("delay_notice", "Nous vous répondrons au plus tard le {date}.", await version(number), { promisedDate: "2026-12-02" }),
    });
    let targets = await targetsOf(number);
    expect(targets.map((t) => [t.targetId, t.metAt?.toISOString() ?? null])).toEqual([
      ["cad-candidate-reply", minutes(60).toISOString()],
      ["promise-1", null],
    ]);
    // Wednesday 2 December 2026: the candidates' line closes at 16:30 (21:30 UTC).
    expect(targets[1]!.dueAt.toISOString()).toBe("2026-12-02T21:30:00.000Z");
    expect(targets[1]!.startsAt).toEqual(minutes(60));
    const view = await readConsoleRequest({ user: agent, number, now: minutes(61) });
    expect(view.messages.at(-1)!.body).toBe("Nous vous répondrons au plus tard le mercredi 2 décembre 2026.");
    expect(view.targets.map((t) => t.state)).toEqual(["met", "pending"]);
    await replyToRequest({ user: agent, number, now: minutes(120), input: reply("answer", "Voici la réponse à votre question sur les délais.", await version(number)) });
    targets = await targetsOf(number);
    expect(targets[1]!.metAt).toEqual(minutes(120));
  });

  it("refuses a promised date that is not a business day, in the past, or too far — nothing saved", async () => {
    const number = await inquiry("Autre question de délai", "Une question qui demandera une analyse plus longue.");
    const agent = await dotationAgent();
    const v = await version(number);
    for (const promisedDate of ["2026-11-28", "2026-11-20", "2027-06-30"]) {
      await expect(replyToRequest({ user: agent, number, now: minutes(5), input: reply("delay_notice", "Nous vous répondrons bientôt, merci.", v, { promisedDate }) })).rejects.toMatchObject({
        code: "INVALID_PARAMETER",
        fields: { promisedDate: expect.anything() },
      });
    }
    expect(ZReplyInput.safeParse({ kind: "delay_notice", body: "Nous vous répondrons bientôt.", expectedVersion: 0 }).error?.issues[0]?.message).toBe("promisedDate.required");
    expect(await version(number)).toBe(v);
    expect(await db.message.count({ where: { request: { number } } })).toBe(1);
  });
});

describe("phone calls, voicemails and faxes", () => {
  const call = (fields: Record<string, string>) => ZCallInput.parse({ urgent: "", ...fields });

  it("a candidate call answered in 6 minutes breaches the 5-minute target; the request opened has the 10 business days too", async () => {
    const agent = await dotationAgent();
    const logged = await logCall({
      user: agent,
      serviceId: "ca-dotation",
      now: minutes(30),
      input: call({ audienceId: "candidate", channel: "phone", receivedAt: "2026-11-23T10:00", answeredAt: "2026-11-23T10:06", outcome: "request_opened", type: "my-candidate-file", subject: "Résultat d'examen", summary: "La candidate demande le résultat de son examen.", requesterName: "Julie Gagnon" }),
    });
    expect(logged.answer).toMatchObject({ targetId: "cad-candidate-phone-answer", met: false });
    expect(logged.answer!.dueAt.toISOString()).toBe("2026-11-23T15:05:00.000Z");
    const targets = await targetsOf(logged.number!);
    expect(targets.map((t) => [t.targetId, t.metAt?.toISOString() ?? null])).toEqual([
      ["cad-candidate-phone-answer", "2026-11-23T15:06:00.000Z"],
      ["cad-candidate-reply", null],
    ]);
    const view = await readConsoleRequest({ user: agent, number: logged.number!, now: minutes(30) });
    expect(view.targets.map((t) => t.state)).toEqual(["breached", "pending"]);
    expect(view.nominative).toBe(true);
    expect(view.channel).toBe("phone");
    expect(await db.phoneCall.count({ where: { requestId: view.id } })).toBe(1);
  });

  it("a settled call keeps its answer target; a SAGIR call is taken in charge when answered; a voicemail opens a written request", async () => {
    const agent = await sagirAgent();
    const settled = await logCall({ user: agent, serviceId: "sagir", now: minutes(30), input: call({ audienceId: "sagir-user", channel: "phone", receivedAt: "2026-11-23T10:00", answeredAt: "2026-11-23T10:10", outcome: "settled" }) });
    expect(settled).toMatchObject({ number: null, answer: { targetId: "sagir-phone-take-charge", met: true } });
    const opened = await logCall({
      user: agent,
      serviceId: "sagir",
      now: minutes(30),
      input: call({ audienceId: "sagir-user", channel: "phone", receivedAt: "2026-11-23T10:00", answeredAt: "2026-11-23T10:20", outcome: "request_opened", type: "access", subject: "Compte verrouillé", summary: "L'utilisatrice ne peut plus ouvrir sa session SAGIR." }),
    });
    const request = await db.request.findUniqueOrThrow({ where: { number: opened.number! }, include: { targets: true } });
    expect(request).toMatchObject({ assigneeId: agent.id, status: "in_progress", missed: true });
    expect(request.targets[0]).toMatchObject({ targetId: "sagir-phone-take-charge", metAt: new Date("2026-11-23T15:20:00Z") });
    const voicemail = await logCall({
      user: agent,
      serviceId: "sagir",
      now: minutes(30),
      input: call({ audienceId: "sagir-user", channel: "voicemail", receivedAt: "2026-11-22T21:15", type: "access", subject: "Message vocal : mot de passe", summary: "Message laissé dimanche soir au sujet d'un mot de passe." }),
    });
    const vm = await db.request.findUniqueOrThrow({ where: { number: voicemail.number! }, include: { targets: true } });
    expect(vm).toMatchObject({ channel: "voicemail", receivedAt: new Date("2026-11-23T02:15:00Z"), assigneeId: null });
    // Received on a Sunday: 24 hours of business-day time from Monday's start.
    expect(vm.targets.map((t) => [t.targetId, t.dueAt.toISOString()])).toEqual([["sagir-written-take-charge", "2026-11-24T05:00:00.000Z"]]);
  });

  it("refuses a call received while the line was closed, answered before it was received, or in the future", async () => {
    const agent = await dotationAgent();
    const base = { audienceId: "candidate", channel: "phone", outcome: "settled" };
    const cases: [Record<string, string>, string][] = [
      [{ receivedAt: "2026-11-23T12:15", answeredAt: "2026-11-23T12:16" }, "receivedAt"],
      [{ receivedAt: "2026-11-23T09:10", answeredAt: "2026-11-23T09:05" }, "answeredAt"],
      [{ receivedAt: "2026-11-23T11:10", answeredAt: "2026-11-23T11:11" }, "receivedAt"],
    ];
    const before = await db.phoneCall.count();
    for (const [times, field] of cases) {
      await expect(logCall({ user: agent, serviceId: "ca-dotation", now: minutes(30), input: call({ ...base, ...times }) })).rejects.toMatchObject({ fields: { [field]: expect.anything() } });
    }
    expect(ZCallInput.safeParse({ audienceId: "candidate", channel: "phone", receivedAt: "2026-11-23T10:00", outcome: "request_opened" }).error?.issues.map((i) => i.path[0]).sort()).toEqual([
      "answeredAt",
      "subject",
      "summary",
      "type",
    ]);
    expect(await db.phoneCall.count()).toBe(before);
  });
});

describe("identity validation before disclosure (CA-dotation)", () => {
  it("warns on a reply disclosing file information, masks the requester until validated, audits validation and views", async () => {
    const agent = await dotationAgent();
    const { number } = await logCall({
      user: agent,
      serviceId: "ca-dotation",
      now: minutes(30),
      input: ZCallInput.parse({ audienceId: "candidate", channel: "phone", receivedAt: "2026-11-23T10:01", answeredAt: "2026-11-23T10:02", outcome: "request_opened", type: "my-candidate-file", subject: "Admissibilité", summary: "Le candidat veut savoir s'il est admissible.", requesterName: "Marc Lévesque", requesterEmail: "marc@exemple.ca" }),
    });
    const disclosing = "Bonjour, vous êtes admissible au processus de qualification.";
    await expect(replyToRequest({ user: agent, number: number!, now: minutes(31), input: reply("answer", disclosing, await version(number!)) })).rejects.toMatchObject({
      fields: { acknowledgeDisclosure: expect.anything() },
    });
    await expect(revealRequester({ user: agent, number: number!, now: minutes(31) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const view = await readConsoleRequest({ user: agent, number: number!, now: minutes(31) });
    expect(view.requesterMasked).toEqual({ name: "M. L.", email: "m•••@exemple.ca" });
    await validateIdentity({ user: agent, number: number!, now: minutes(32), expectedVersion: await version(number!), method: "file-questions", note: null });
    expect(await revealRequester({ user: agent, number: number!, now: minutes(33) })).toEqual({ name: "Marc Lévesque", email: "marc@exemple.ca" });
    await replyToRequest({ user: agent, number: number!, now: minutes(34), input: reply("answer", disclosing, await version(number!)) });
    const audit = await db.auditEntry.findMany({ where: { request: { number: number! } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ["identity_validated", agent.id],
      ["personal_data_viewed", agent.id],
    ]);
    expect(audit[0]!.data).toEqual({ method: "file-questions" });
  });
});

describe("merge a duplicate", () => {
  it("closes the duplicate, withdraws its targets, and shows its thread and events in the other request", async () => {
    const agent = await dotationAgent();
    const original = await inquiry("Compte bloqué sur le site", "Mon compte est bloqué depuis ce matin, que faire?");
    const duplicate = await inquiry("Compte bloqué (deuxième envoi)", "Je renvoie ma question : mon compte est toujours bloqué.", minutes(5));
    await mergeRequest({ user: agent, number: duplicate, now: minutes(10), expectedVersion: await version(duplicate), into: original });
    const dup = await db.request.findUniqueOrThrow({ where: { number: duplicate } });
    expect(dup).toMatchObject({ status: "closed", nextDueAt: null, hasTargets: true });
    const view = await readConsoleRequest({ user: agent, number: original, now: minutes(11) });
    expect(view.mergedFrom).toEqual([duplicate]);
    expect(view.messages.map((m) => [m.body.slice(0, 20), m.from])).toEqual([
      ["Mon compte est bloqu", null],
      ["Je renvoie ma questi", duplicate],
    ]);
    expect(view.timeline.some((e) => e.kind === "merged_from")).toBe(true);
    expect(view.timeline.some((e) => e.kind === "merged_into" && e.from === duplicate)).toBe(true);
    const dupView = await readConsoleRequest({ user: agent, number: duplicate, now: minutes(11) });
    expect(dupView.mergedInto).toBe(original);
    expect(dupView.targets[0]).toMatchObject({ withdrawn: true });
    await expect(mergeRequest({ user: agent, number: original, now: minutes(12), expectedVersion: await version(original), into: original })).rejects.toMatchObject({ fields: { into: expect.anything() } });
    await expect(mergeRequest({ user: agent, number: original, now: minutes(12), expectedVersion: await version(original), into: await sagirRequest() })).rejects.toMatchObject({ fields: { into: expect.anything() } });
  });
});

describe("no silent overwrite", () => {
  it("two agents acting on the same version at once: one succeeds, the other gets CONFLICT, nothing is lost", async () => {
    const number = await sagirRequest();
    const agent = await sagirAgent();
    const v = await version(number);
    const results = await Promise.allSettled([
      replyToRequest({ user: agent, number, now: minutes(40), input: reply("answer", "Première réponse envoyée par la session A.", v) }),
      replyToRequest({ user: agent, number, now: minutes(40), input: reply("answer", "Seconde réponse envoyée par la session B.", v) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    const messages = await db.message.findMany({ where: { request: { number }, authorKind: "agent" } });
    expect(messages).toHaveLength(1);
    expect(await version(number)).toBe(v + 1);
    // The loser sees the newer state, then acts on it.
    await addInternalNote({ user: agent, number, now: minutes(41), expectedVersion: v + 1, body: "Réponse envoyée par l'autre session, à vérifier." });
    await expect(takeInCharge({ user: agent, number, now: minutes(42), expectedVersion: v })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("shows who else is viewing the request", async () => {
    const number = await sagirRequest();
    const me = await sagirAgent();
    const admin = await currentUserFor(db, "admin@cspq.exemple.qc.ca");
    const other = { ...me, id: admin.id, name: admin.name };
    expect(await heartbeat({ user: other, number, now: minutes(1) })).toEqual([]);
    expect(await heartbeat({ user: me, number, now: minutes(1) })).toEqual([{ name: admin.name }]);
    // Gone after the window.
    expect(await heartbeat({ user: me, number, now: minutes(3) })).toEqual([]);
  });
});

describe("the queue", () => {
  it("orders urgent first then by the earliest due instant, pages without gaps or repeats, counts per filter", async () => {
    const agent = await dotationAgent();
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await readQueue({ user: agent, serviceId: "ca-dotation", query: ZQueueQuery.parse({ status: "all", after }), now: minutes(60) });
      seen.push(...page.items.map((i) => i.number));
      after = page.nextCursor ?? undefined;
    } while (after);
    const all = await db.request.findMany({ where: { serviceId: "ca-dotation" }, select: { number: true, urgent: true, nextDueAt: true, receivedAt: true } });
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
    const key = (r: (typeof all)[number]) => [r.urgent ? 0 : 1, r.nextDueAt?.getTime() ?? Infinity, r.receivedAt.getTime(), r.number] as const;
    const expected = [...all].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 4; i += 1) if (x[i]! !== y[i]!) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    });
    expect(seen).toEqual(expected.map((r) => r.number));
    const page = await readQueue({ user: agent, serviceId: "ca-dotation", query: ZQueueQuery.parse({}), now: minutes(60) });
    const open = await db.request.count({ where: { serviceId: "ca-dotation", status: { in: ["new", "in_progress", "waiting_requester"] } } });
    expect(page.counts.open).toBe(open);
    expect(page.total).toBe(open);
    expect(page.items.every((i) => i.requesterMasked === null || /^([A-Z]\. ?)+$/.test(i.requesterMasked))).toBe(true);
    const mine = await readQueue({ user: agent, serviceId: "ca-dotation", query: ZQueueQuery.parse({ assignee: "me" }), now: minutes(60) });
    expect(mine.total).toBe(page.counts.byAssignee.me);
  });

  it("its SQL target-state filter agrees with the domain's requestTargetState at many instants", async () => {
    const agent = await dotationAgent();
    const rows = await db.request.findMany({ select: { number: true, serviceId: true, nextDueAt: true, nextRiskAt: true, missed: true, hasTargets: true } });
    for (const at of [minutes(0), minutes(30), minutes(60 * 24), minutes(60 * 24 * 9), minutes(60 * 24 * 30)]) {
      for (const state of ["pending", "at-risk", "breached", "met"] as const) {
        for (const serviceId of ["ca-dotation", "sagir"]) {
          const { rows: found } = await listQueue(db, { serviceId, status: "all", state }, { userId: agent.id, now: at, limit: 1000 });
          const expected = rows
            .filter((r) => r.serviceId === serviceId)
            .filter((r) => requestTargetState({ nextDueAt: r.nextDueAt?.getTime() ?? null, nextRiskAt: r.nextRiskAt?.getTime() ?? null, missed: r.missed, hasTargets: r.hasTargets }, at.getTime()) === state)
            .map((r) => r.number)
            .sort();
          expect(found.map((r) => r.number).sort()).toEqual(expected);
        }
      }
    }
  });

  it("the stored met instants and queue columns equal what the event log gives", async () => {
    const engine = createCatalogueEngine((await loadCatalogue(db)).definition);
    const requests = await db.request.findMany({ include: { targets: true, events: { orderBy: { at: "asc" } } } });
    for (const r of requests) {
      const agent = r.serviceId === "sagir" ? await sagirAgent() : await dotationAgent();
      const view = await readConsoleRequest({ user: agent, number: r.number, now: minutes(60) });
      for (const t of view.targets) expect(r.targets.find((s) => s.targetId === t.targetId)!.metAt?.getTime() ?? null).toBe(t.metAt);
      const facts = queueFacts(view.targets.map((t) => ({ dueAt: t.dueAt, riskAt: t.riskAt, metAt: t.metAt })), r.mergedIntoId !== null);
      expect([r.nextDueAt?.getTime() ?? null, r.nextRiskAt?.getTime() ?? null, r.missed]).toEqual([facts.nextDueAt, facts.nextRiskAt, facts.missed]);
      for (const t of r.targets) {
        // The at-risk instant is the engine's, in the target's own clock.
        expect(t.riskAt.getTime()).toBe(engine.atRiskAt({ clock: t.clock as never, calendarId: t.calendarId }, t.startsAt.getTime(), t.dueAt.getTime()));
      }
    }
  });

  it("finds a request by a French word with or without accents, by stem, by requester and by number", async () => {
    const agent = await dotationAgent();
    const number = await inquiry("Problème d'accès à la plateforme", "Je reçois une erreur lorsque je dépose mes candidatures en ligne.");
    const search = async (q: string) =>
      (await readQueue({ user: agent, serviceId: "ca-dotation", query: ZQueueQuery.parse({ q }), now: minutes(60) })).items.map((i) => i.number);
    expect(await search("problème")).toContain(number);
    expect(await search("probleme")).toContain(number);
    expect(await search("PROBLEMES")).toContain(number);
    expect(await search("candidature")).toContain(number);
    expect(await search("deposer")).toContain(number);
    expect(await search("Tremblay")).toContain(number);
    expect(await search(number.toLowerCase())).toEqual([number]);
    expect(await search("inexistantmot")).toEqual([]);
  });

  it("searches a thread's words, and pages a common word (read in queue order) and a rare one (word index) alike", async () => {
    const agent = await dotationAgent();
    // 30 requests say "attestation" (more than a page: the queue-order reading finds it), 3 say "quadrilatère" (the word index).
    const common: string[] = [];
    for (let i = 0; i < 30; i += 1) common.push(await inquiry(`Demande ${i}`, `Je cherche mon attestation numéro ${i}.`, minutes(-i)));
    const rare: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const number = await inquiry(`Autre demande ${i}`, "Une question sans le mot cherché.");
      await addInternalNote({ user: agent, number, now: minutes(2), body: "Le quadrilatère est vérifié.", expectedVersion: await version(number) });
      rare.push(number);
    }
    const pages = async (q: string) => {
      const seen: string[] = [];
      let after: string | undefined;
      let total = 0;
      do {
        const page = await readQueue({ user: agent, serviceId: "ca-dotation", query: ZQueueQuery.parse({ q, ...(after ? { after } : {}) }), now: minutes(60) });
        seen.push(...page.items.map((i) => i.number));
        total = page.total;
        after = page.nextCursor ?? undefined;
      } while (after);
      return { seen, total };
    };
    const all = await listQueue(db, { serviceId: "ca-dotation", status: "all" }, { userId: agent.id, now: minutes(60), limit: 10_000 });
    const inQueueOrder = (numbers: string[]) => all.rows.map((r) => r.number).filter((n) => numbers.includes(n));
    const attestation = await pages("attestations");
    expect(attestation.seen).toEqual(inQueueOrder(common));
    expect(attestation.total).toBe(30);
    const quadrilatere = await pages("quadrilatere");
    expect(quadrilatere.seen).toEqual(inQueueOrder(rare));
    expect(quadrilatere.total).toBe(3);
    // However few requests the queue-order reading may read before it turns to the word index, the same answers.
    const context = { userId: agent.id, now: minutes(60) };
    for (const text of ["attestation", "quadrilatère", "attestation OR quadrilatère", "Tremblay"]) {
      const filters = { serviceId: "ca-dotation", status: "all" as const, text };
      const reference = await listQueue(db, filters, { ...context, limit: 1000, walk: 1_000_000 });
      for (const walk of [1, 7, 40]) {
        const { rows, hasMore } = await listQueue(db, filters, { ...context, limit: 10, walk });
        expect([rows.map((r) => r.number), hasMore]).toEqual([reference.rows.slice(0, 10).map((r) => r.number), reference.rows.length > 10]);
        for (const cap of [5, 1000]) {
          expect(await countQueue(db, filters, { ...context, cap, walk })).toBe(Math.min(reference.rows.length, cap + 1));
        }
      }
    }
    // The thread's words on the request row are those of its messages, whatever wrote them.
    const [row] = await db.$queryRaw<{ stored: string; recomputed: string }[]>`
      SELECT r.thread_vector::text AS stored,
             (SELECT to_tsvector('guichet_fr', string_agg(m.body, E'\n' ORDER BY m.at)) FROM message m WHERE m.request_id = r.id)::text AS recomputed
      FROM request r WHERE r.number = ${rare[0]}`;
    expect(row!.stored.split(" ").map((w) => w.split(":")[0]).sort()).toEqual(row!.recomputed.split(" ").map((w) => w.split(":")[0]).sort());
  });

  it("reassigns only to an agent of the service", async () => {
    const agent = await dotationAgent();
    const sagir = await sagirAgent();
    const number = await inquiry("Question de réaffectation", "Une question pour tester la réaffectation.");
    await expect(reassignRequest({ user: agent, number, now: minutes(1), expectedVersion: await version(number), assigneeId: sagir.id })).rejects.toMatchObject({ fields: { assigneeId: expect.anything() } });
    await reassignRequest({ user: agent, number, now: minutes(1), expectedVersion: await version(number), assigneeId: agent.id });
    expect((await db.request.findUniqueOrThrow({ where: { number } })).assigneeId).toBe(agent.id);
  });
});

describe("authorization: agents see only their services; nobody else reaches the console", () => {
  it("the other service's agent, MO users, managers, the admin and anonymous get NOT_FOUND, and nothing changes", async () => {
    const number = await inquiry("Requête protégée", "Personne d'autre qu'un agent du CA-dotation ne doit la voir.");
    const v = await version(number);
    const people = [
      null,
      await sagirAgent(),
      await currentUserFor(db, "specialiste@mfq.exemple.qc.ca"),
      await currentUserFor(db, "pilote@mfq.exemple.qc.ca"),
      await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca"),
      await currentUserFor(db, "admin@cspq.exemple.qc.ca"),
    ];
    for (const user of people) {
      const now = minutes(5);
      await expect(readQueue({ user, serviceId: "ca-dotation", query: {}, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(readConsoleRequest({ user, number, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(takeInCharge({ user, number, now, expectedVersion: v })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(replyToRequest({ user, number, now, input: reply("answer", "Une réponse qui ne doit pas partir.", v) })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(addInternalNote({ user, number, now, expectedVersion: v, body: "Une note qui ne doit pas s'écrire." })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(mergeRequest({ user, number, now, expectedVersion: v, into: number })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(validateIdentity({ user, number, now, expectedVersion: v, method: "other", note: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(revealRequester({ user, number, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(heartbeat({ user, number, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        logCall({ user, serviceId: "ca-dotation", now, input: ZCallInput.parse({ audienceId: "candidate", channel: "phone", receivedAt: "2026-11-23T10:00", answeredAt: "2026-11-23T10:01", urgent: "" }) }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await version(number)).toBe(v);
    expect(await db.message.count({ where: { request: { number } } })).toBe(1);
  });
});

describe("the request page reads one snapshot", () => {
  it("a change committed while the page is being read shows entirely or not at all (the e2e's reply shown under the status before it)", async () => {
    const number = await inquiry("Lecture cohérente", "Une demande lue pendant qu'elle change.");
    const { id } = await db.request.findUniqueOrThrow({ where: { number }, select: { id: true } });
    // Between the request's row and its history (each relation is a query of its own), the
    // requester's message puts it back in progress, committed on a connection of its own.
    const writer = new pg.Client({ connectionString: testDatabaseUrl() });
    await writer.connect();
    const query = pg.Client.prototype.query;
    let injected = false;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text ?? "";
      if (!injected && this !== writer && /FROM "public"\."request_event"/.test(text)) {
        injected = true;
        return writer
          .query("UPDATE request SET status = 'waiting_requester', version = version + 1 WHERE id = $1", [id])
          .then(() => writer.query(`INSERT INTO request_event (request_id, kind, actor_kind, data, "at") VALUES ($1, 'status_changed', 'agent', '{"from":"new","to":"waiting_requester"}', now())`, [id]))
          .then(() => (query as (...a: unknown[]) => unknown).apply(this, args));
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      const view = await readConsoleRequest({ user: await dotationAgent(), number, now: minutes(5) });
      expect(injected).toBe(true);
      const changes = view.timeline.filter((e) => e.kind === "status_changed");
      // Either the change is in both the status and the history, or in neither.
      expect([view.status, changes.length]).toEqual(["new", 0]);
    } finally {
      pg.Client.prototype.query = query;
      await writer.end();
    }
    expect((await db.request.findUniqueOrThrow({ where: { number }, select: { status: true } })).status).toBe("waiting_requester");
  });
});

describe("canned replies", () => {
  it("carry the catalogue's phone numbers and hours in force, in the request's language — an edit of the hours shows at once", async () => {
    const { ZCalendarHours } = await import("../../src/schemas/catalogue-edit");
    const { editCalendarHours } = await import("../../src/server/services/edit-hours");
    const number = await inquiry("Mon dossier", "Je voudrais connaître l'état de mon dossier.");
    const cannedOf = async () => (await readConsoleRequest({ user: await dotationAgent(), number, now: minutes(5) })).canned.find((c) => c.id === "cad-nominative-call-us")!.body;
    const before = await cannedOf();
    expect(before.fr).toContain("Appelez le Centre d'assistance en dotation au 418 528-7157 ou au 1 866 672-3460, du lundi au vendredi de 8 h 30 à 12 h et de 13 h à 16 h 30 (le mercredi : de 10 h à 12 h et de 13 h à 16 h 30).");
    expect(before.en).toContain("at 418 528-7157 or 1 866 672-3460, Monday to Friday, 8:30 a.m. to noon and 1 p.m. to 4:30 p.m. (Wednesdays: 10 a.m. to noon and 1 p.m. to 4:30 p.m.).");
    expect(before.fr).toContain(`(${number})`);
    expect(`${before.fr}${before.en}`).not.toMatch(/\{(telephones|heures|numero)\}/);

    const manager = await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca");
    const hours = (wednesday: string) =>
      ZCalendarHours.parse({ calendarId: "cad-candidates", intent: "save", d1: "8:30-12:00, 13:00-16:30", d2: "8:30-12:00, 13:00-16:30", d3: wednesday, d4: "8:30-12:00, 13:00-16:30", d5: "8:30-12:00, 13:00-16:30" });
    await editCalendarHours({ user: manager, input: hours("9:00-12:00, 13:00-16:30"), now: minutes(6) });
    try {
      expect((await cannedOf()).fr).toContain("(le mercredi : de 9 h à 12 h et de 13 h à 16 h 30)");
    } finally {
      await editCalendarHours({ user: manager, input: hours("10:00-12:00, 13:00-16:30"), now: minutes(7) });
    }
    expect((await cannedOf()).fr).toContain("(le mercredi : de 10 h à 12 h et de 13 h à 16 h 30)");
  });
});
