// Call detail records imported by a manager: previewed (calls, answered within target, rows in
// error) with nothing stored, committed once as the calls' events — the same call records as the
// live API's — and the same file imported again adds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCallImportInput } from "../../src/schemas/call-import";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { AppError } from "../../src/server/errors";
import { commitCallImport, discardCallImport, previewCallImport, readCallImports } from "../../src/server/services/import-calls";
import { runRetention } from "../../src/server/services/retention";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-11-24T15:00:00Z");
const MANAGER = "gestionnaire@cspq.exemple.qc.ca";
const bytes = (text: string) => new TextEncoder().encode(text);
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? { code: error.code, fields: Object.keys(error.fields) } : error));

/** Asterisk Master.csv, quoted as Asterisk writes it: start, answer, end, disposition, uniqueid. */
const master = (rows: [string, string, string, string, string, string?][]) =>
  rows
    .map(([start, answer, end, disposition, uniqueid, dst = "4185287157"]) =>
      ["", "4185550142", dst, "from-trunk", '"Appelant" <4185550142>', "SIP/trunk-00000001", "SIP/2231-0000a1f3", "Queue", "candidats", start, answer, end, "120", "60", disposition, "DOCUMENTATION", uniqueid, ""].map((f) => `"${f.replaceAll('"', '""')}"`).join(","),
    )
    .join("\n");

const MONDAY = [
  ["2026-11-23 10:00:00", "2026-11-23 10:02:00", "2026-11-23 10:08:00", "ANSWERED", "1795964400.1"],
  ["2026-11-23 10:10:00", "2026-11-23 10:17:00", "2026-11-23 10:20:00", "ANSWERED", "1795964400.2"],
  ["2026-11-23 10:30:00", "", "2026-11-23 10:31:30", "NO ANSWER", "1795964400.3"],
  ["2026-11-23 10:40:00", "", "2026-11-23 10:40:10", "BUSY", "1795964400.4"],
  ["2026-11-23 10:50:00", "", "2026-11-23 10:50:10", "NO ANSWER", "1795964400.5", "200"],
  ["hier", "", "", "ANSWERED", "1795964400.6"],
] as [string, string, string, string, string, string?][];

const preview = async (text: string, form: Record<string, string> = {}, email = MANAGER, at = now) =>
  previewCallImport({ user: await currentUserFor(db, email), input: parseInput(ZCallImportInput, { line: "cad-candidates", layout: "asterisk", dialed: "418 528-7157", ...form }), file: { name: "Master.csv", bytes: bytes(text) }, now: at });

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("importing Asterisk's Master.csv", () => {
  it("previews what the file holds and stores no call; commits the calls with the same outcomes as live events; again adds nothing", async () => {
    const manager = await currentUserFor(db, MANAGER);
    const { id } = await preview(master(MONDAY));
    const { preview: shown } = await readCallImports({ user: manager, previewId: id });
    expect(shown!.summary).toMatchObject({ calls: 4, answered: 2, abandoned: 2, voicemail: 0, counted: 3, withinTarget: 1, known: 0, otherNumbers: 1, problemCount: 1 });
    expect(shown!.summary.problems).toMatchObject([{ row: 6, field: "start" }]);
    expect(await db.phoneCall.count({ where: { externalId: { startsWith: "ast-" } } })).toBe(0);

    const done = await commitCallImport({ user: manager, importId: id, now });
    expect(done).toMatchObject({ calls: 4, eventsStored: 4 + 2 + 2 + 2 });
    const calls = await db.phoneCall.findMany({ where: { externalId: { startsWith: "ast-" } }, orderBy: { receivedAt: "asc" } });
    expect(calls.map((c) => [c.externalId, c.callStatus, c.outcome, c.dueAt !== null, c.answeredAt !== null && c.dueAt !== null && c.answeredAt <= c.dueAt])).toEqual([
      ["ast-1795964400.1", "answered", "settled", true, true],
      ["ast-1795964400.2", "answered", "settled", true, false],
      ["ast-1795964400.3", "abandoned", "abandoned", true, false],
      ["ast-1795964400.4", "abandoned", "abandoned", false, false],
    ]);
    expect(calls[0]).toMatchObject({ lineId: "cad-candidates", serviceId: "ca-dotation", audienceId: "candidate", agentRef: "SIP/2231", callerNumber: "4185550142", receivedAt: new Date("2026-11-23T15:00:00Z") });
    // The file's text is not kept once committed (callers' numbers).
    expect((await db.callImport.findUniqueOrThrow({ where: { id } })).content).toBe("");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "calls_imported" } });
    expect(audit.data).toMatchObject({ serviceId: "ca-dotation", lineId: "cad-candidates", filename: "Master.csv", calls: 4, eventsStored: 10, problems: 1 });

    // Committed once: a second click is refused.
    expect(await failure(commitCallImport({ user: manager, importId: id, now }))).toMatchObject({ code: "NOT_FOUND" });
    // The same file again: every call known, nothing added.
    const later = new Date(now.getTime() + 60_000);
    const again = await preview(master(MONDAY), {}, MANAGER, later);
    expect((await readCallImports({ user: manager, previewId: again.id })).preview!.summary).toMatchObject({ calls: 4, known: 4 });
    expect(await commitCallImport({ user: manager, importId: again.id, now: later })).toMatchObject({ eventsStored: 0 });
    expect(await db.phoneCall.count({ where: { externalId: { startsWith: "ast-" } } })).toBe(4);
    expect((await readCallImports({ user: manager })).recent.map((r) => r.summary.eventsStored)).toEqual([0, 10]);
  });

  it("a discarded preview leaves nothing; one left for a day goes at the next upload or with the retention job", async () => {
    const manager = await currentUserFor(db, MANAGER);
    const { id } = await preview(master([["2026-11-23 11:00:00", "", "2026-11-23 11:01:00", "NO ANSWER", "discard.1"]]));
    await discardCallImport({ user: manager, importId: id });
    expect(await db.callImport.count({ where: { id } })).toBe(0);
    const old = await preview(master([["2026-11-23 11:00:00", "", "2026-11-23 11:01:00", "NO ANSWER", "old.1"]]));
    await db.callImport.update({ where: { id: old.id }, data: { createdAt: new Date(now.getTime() - 25 * 60 * 60_000) } });
    const recent = await preview(master([["2026-11-23 11:00:00", "", "2026-11-23 11:01:00", "NO ANSWER", "new.1"]]));
    expect(await db.callImport.count({ where: { id: old.id } })).toBe(0);
    // Nobody uploads again: the daily retention job removes it a day on.
    await runRetention(db, new Date(now.getTime() + 23 * 60 * 60_000));
    expect(await db.callImport.count({ where: { id: recent.id } })).toBe(1);
    await runRetention(db, new Date(now.getTime() + 25 * 60 * 60_000));
    expect(await db.callImport.count({ where: { id: recent.id } })).toBe(0);
  });
});

describe("the generic layout", () => {
  it("reads the file's own column names, in Latin-1 as well, and counts voicemails apart", async () => {
    const manager = await currentUserFor(db, MANAGER);
    const text = ["Numéro;Entrée;Réponse;Fin;Résultat", "g-1;2026-11-23T15:00:00Z;2026-11-23T15:10:00Z;2026-11-23T15:20:00Z;", "g-2;2026-11-23T15:30:00Z;;2026-11-23T15:31:00Z;voicemail"].join("\r\n").replaceAll(";", ",");
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const { id } = await previewCallImport({
      user: manager,
      input: parseInput(ZCallImportInput, { line: "sagir", layout: "generic", col_callId: "Numéro", col_queuedAt: "Entrée", col_answeredAt: "Réponse", col_endedAt: "Fin", col_outcome: "Résultat" }),
      file: { name: "appels-sagir.csv", bytes: latin1 },
      now,
    });
    expect((await readCallImports({ user: manager, previewId: id })).preview!.summary).toMatchObject({ calls: 2, answered: 1, voicemail: 1, counted: 1, withinTarget: 1, problemCount: 0 });
    await commitCallImport({ user: manager, importId: id, now });
    expect(await db.phoneCall.findUniqueOrThrow({ where: { externalId: "g-2" } })).toMatchObject({ callStatus: "voicemail", serviceId: "sagir" });
    // A voicemail opens SAGIR's callback request, as a live one does.
    expect(await db.request.count({ where: { type: "voicemail", receivedAt: new Date("2026-11-23T15:31:00Z") } })).toBe(1);
  });
});

describe("refusals change nothing", () => {
  it("a person who does not manage the line's service, no file, a file too big, not a CSV, a call dated in the future", async () => {
    const before = await db.callImport.count();
    const ok = master([["2026-11-23 11:00:00", "", "2026-11-23 11:01:00", "NO ANSWER", "r.1"]]);
    expect(await failure(preview(ok, {}, "agent.dotation@cspq.exemple.qc.ca"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(preview(ok, { line: "nowhere" }))).toMatchObject({ fields: ["line"] });
    const manager = await currentUserFor(db, MANAGER);
    const input = parseInput(ZCallImportInput, { line: "cad-candidates", layout: "asterisk" });
    expect(await failure(previewCallImport({ user: manager, input, file: null, now }))).toMatchObject({ fields: ["file"] });
    expect(await failure(previewCallImport({ user: manager, input, file: { name: "big.csv", bytes: new Uint8Array(10 * 1024 * 1024 + 1) }, now }))).toMatchObject({ fields: ["file"] });
    expect(await failure(preview('"unterminated,quote\n'))).toMatchObject({ fields: ["file"] });
    expect(await failure(preview("nothing,here\n", { layout: "asterisk" }))).toBeNull();
    expect(() => parseInput(ZCallImportInput, { line: "cad-candidates", layout: "excel" })).toThrow(AppError);
    expect(await failure(preview(ok, { dialed: "composez le 0" }))).toMatchObject({ code: "INVALID_PARAMETER" });
    const future = await preview(master([["2026-11-25 11:00:00", "", "2026-11-25 11:01:00", "NO ANSWER", "future.1"]]));
    expect((await readCallImports({ user: manager, previewId: future.id })).preview!.summary).toMatchObject({ calls: 0, problemCount: 1 });
    expect(await db.callImport.count()).toBe(before + 2);
    expect(await db.phoneCall.count({ where: { externalId: { in: ["ast-r.1", "ast-future.1"] } } })).toBe(0);
  });
});
