// Who may read a request by number (GET /api/v1/requests/{number}): every role, two requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { createMoRequest } from "../../src/server/services/create-mo-request";
import { getRequest } from "../../src/server/services/get-request";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
let moNumber: string;
let candidateNumber: string;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
  const receivedAt = new Date("2026-11-24T15:00:00Z");
  moNumber = (
    await createMoRequest({
      user: await currentUserFor(db, "specialiste@mfq.exemple.qc.ca"),
      input: { function: "reports", nature: "how-to", subject: "Rapport", description: "Comment produire le rapport mensuel?", urgent: false, contactPhone: null },
      receivedAt,
    })
  ).number;
  candidateNumber = (
    await createCandidateInquiry({
      input: { name: "Léa Ouellet", email: "lea@exemple.ca", subject: "Compte", topic: "online-systems", message: "Je n'arrive pas à créer mon compte." },
      receivedAt,
    })
  ).number;
});
afterAll(() => db.$disconnect());

describe("reading a request by number", () => {
  it.each([
    ["specialiste@mfq.exemple.qc.ca", true, false],
    ["pilote@mfq.exemple.qc.ca", true, false],
    ["specialiste@mcc.exemple.qc.ca", false, false],
    ["sagir@mfq.exemple.qc.ca", false, false],
    ["sagir@mcc.exemple.qc.ca", false, false],
    ["agent.dotation@cspq.exemple.qc.ca", true, true],
    ["agent.sagir@cspq.exemple.qc.ca", false, false],
    ["gestionnaire@cspq.exemple.qc.ca", true, true],
    ["admin@cspq.exemple.qc.ca", true, true],
  ])("%s: the MO request %s, the candidate's inquiry %s", async (email, seesMo, seesCandidate) => {
    const user = await currentUserFor(db, email);
    for (const [number, sees] of [
      [moNumber, seesMo],
      [candidateNumber, seesCandidate],
    ] as const) {
      if (sees) expect((await getRequest({ user, number })).number).toBe(number);
      else await expect(getRequest({ user, number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("nobody signed in sees nothing, and the answer is the same as for a number that does not exist", async () => {
    await expect(getRequest({ user: null, number: moNumber })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const admin = await currentUserFor(db, "admin@cspq.exemple.qc.ca");
    await expect(getRequest({ user: admin, number: "CAD-2026-999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never carries the requester's contact details", async () => {
    const admin = await currentUserFor(db, "admin@cspq.exemple.qc.ca");
    expect(JSON.stringify(await getRequest({ user: admin, number: candidateNumber }))).not.toContain("lea@exemple.ca");
  });
});
