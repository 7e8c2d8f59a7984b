// The telephone lines of the catalogue: a manager adds a line and the telephone system's events on
// it are measured against its audience's target at once; a line moved to another audience takes
// that audience's target for the calls that follow; a line with calls is kept; every change is in
// the catalogue's history; only the service's managers and the admin edit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCallEventInput } from "../../src/schemas/call-event";
import { ZPhoneLineDelete, ZPhoneLineEdit } from "../../src/schemas/catalogue-edit";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { AppError } from "../../src/server/errors";
import { receiveCallEvent } from "../../src/server/services/call-events";
import { readEditableLines, removePhoneLine, savePhoneLine } from "../../src/server/services/edit-phone-lines";
import { forgetCatalogue } from "../../src/server/services/get-catalogue";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const T0 = Date.parse("2026-11-23T15:00:00Z");
const now = new Date(T0 + 60 * 60_000);
const MANAGER = "gestionnaire@cspq.exemple.qc.ca";
const save = async (form: Record<string, string>, email = MANAGER) => savePhoneLine({ user: await currentUserFor(db, email), input: parseInput(ZPhoneLineEdit, form), now });
const remove = async (id: string, email = MANAGER) => removePhoneLine({ user: await currentUserFor(db, email), input: parseInput(ZPhoneLineDelete, { id }), now });
const send = (body: Record<string, unknown>) => receiveCallEvent({ input: parseInput(ZCallEventInput, body, { unknownFields: "refuse" }), now });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? { code: error.code, fields: Object.keys(error.fields) } : error));

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date(T0));
  await seedDemoData(db);
  forgetCatalogue();
});
afterAll(() => db.$disconnect());

describe("the catalogue's telephone lines", () => {
  it("a new catalogue has the centres' three lines, with the candidates' numbers from the seed", async () => {
    const { lines } = await readEditableLines(await currentUserFor(db, MANAGER));
    expect(lines).toEqual([
      { id: "cad-candidates", serviceId: "ca-dotation", audienceId: "candidate", numbers: ["418 528-7157", "1 866 672-3460"] },
      { id: "cad-mo", serviceId: "ca-dotation", audienceId: "mo-specialist", numbers: [] },
      { id: "sagir", serviceId: "sagir", audienceId: "sagir-user", numbers: [] },
    ]);
  });

  it("a line added is one the telephone system may report on at once, measured against its audience's target", async () => {
    expect(await failure(send({ callId: "new-1", event: "queued", line: "sagir-urgences", at: new Date(T0).toISOString() }))).toMatchObject({ code: "INVALID_PARAMETER", fields: ["line"] });
    await save({ id: "sagir-urgences", serviceAudience: "sagir/sagir-user", numbers: "418 644-2777\n1 855 644-2777, 418 528-0880" });
    await send({ callId: "new-1", event: "queued", line: "sagir-urgences", at: new Date(T0).toISOString() });
    const answered = await send({ callId: "new-1", event: "answered", line: "sagir-urgences", at: new Date(T0 + 16 * 60_000).toISOString() });
    expect(answered.call).toMatchObject({ status: "answered", met: false, dueAt: new Date(T0 + 15 * 60_000) });
    expect(await db.phoneLine.findUniqueOrThrow({ where: { id: "sagir-urgences" } })).toMatchObject({ numbers: ["418 644-2777", "1 855 644-2777", "418 528-0880"] });
    const history = await db.auditEntry.findFirstOrThrow({ where: { action: "catalogue_line_saved" } });
    expect(history.data).toMatchObject({ line: "sagir-urgences", before: null, after: { serviceId: "sagir", audienceId: "sagir-user" } });
  });

  it("a line moved to an audience without a phone target: its next calls count for none", async () => {
    await save({ id: "sagir-urgences", serviceAudience: "ca-dotation/mo-specialist", numbers: "" });
    const call = await send({ callId: "new-2", event: "answered", line: "sagir-urgences", at: new Date(T0).toISOString() });
    expect(call.call).toMatchObject({ dueAt: null, met: null });
    expect(await db.phoneCall.findUniqueOrThrow({ where: { externalId: "new-2" } })).toMatchObject({ serviceId: "ca-dotation", audienceId: "mo-specialist" });
  });

  it("a line with calls stays; one without goes; refusals change nothing", async () => {
    expect(await failure(remove("sagir-urgences"))).toMatchObject({ code: "CONFLICT" });
    await save({ id: "essai", serviceAudience: "sagir/sagir-user" });
    await remove("essai");
    expect(await db.phoneLine.count({ where: { id: "essai" } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "catalogue_line_deleted" } })).toBe(1);

    const before = await db.phoneLine.count();
    expect(await failure(save({ id: "Pas Valide", serviceAudience: "sagir/sagir-user" }))).toMatchObject({ code: "INVALID_PARAMETER", fields: ["id"] });
    expect(await failure(save({ id: "autre", serviceAudience: "sagir/candidate" }))).toMatchObject({ code: "INVALID_PARAMETER", fields: ["serviceAudience"] });
    expect(await failure(save({ id: "autre", serviceAudience: "sagir/sagir-user", numbers: "composez le zéro" }))).toMatchObject({ code: "INVALID_PARAMETER", fields: ["numbers"] });
    for (const email of ["agent.sagir@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      expect(await failure(save({ id: "autre", serviceAudience: "sagir/sagir-user" }, email))).toMatchObject({ code: "NOT_FOUND" });
      expect(await failure(remove("cad-mo", email))).toMatchObject({ code: "NOT_FOUND" });
      await expect(readEditableLines(await currentUserFor(db, email))).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.phoneLine.count()).toBe(before);
  });

  it("a line removed by a manager is not brought back at the next start", async () => {
    await remove("cad-mo");
    await seedDatabase(db, new Date(T0));
    expect(await db.phoneLine.count({ where: { id: "cad-mo" } })).toBe(0);
  });
});
