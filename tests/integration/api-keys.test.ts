// Integration keys (/admin/cles, `Authorization: Bearer` on /api/v1): only the admin makes and
// revokes them, only their SHA-256 is kept, each use is counted on the key (when, from where);
// a key reads the requests of its own service only, and a bad, unknown, expired, revoked or
// wrong-scope key is refused before anything is read.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZApiKeyInput } from "../../src/schemas/admin";
import { apiKeyOf, flushApiKeyUses } from "../../src/server/auth/api-key-auth";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createApiKey, listApiKeys, revokeApiKey } from "../../src/server/services/administer-api-keys";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { createSagirRequest } from "../../src/server/services/create-sagir-request";
import { getRequest } from "../../src/server/services/get-request";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Sunday 29 November 2026, 12:00 in Québec.
const now = new Date("2026-11-29T17:00:00Z");
const admin = () => currentUserFor(db, "admin@cspq.exemple.qc.ca");
const input = (values: Record<string, string>) => parseInput(ZApiKeyInput, { name: "Outil de rapports SAGIR", scope: "requests_read:sagir", expiresOn: "2027-11-29", ...values });
const bearer = (key: string, from = "192.0.2.44") => new Headers({ authorization: `Bearer ${key}`, "x-forwarded-for": from });
let sagirNumber: string;
let candidateNumber: string;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
  const receivedAt = new Date("2026-11-24T15:00:00Z");
  sagirNumber = (
    await createSagirRequest({
      user: await currentUserFor(db, "sagir@mfq.exemple.qc.ca"),
      input: { type: "specialised", domain: "RF", subject: "Segment comptable", description: "Quel segment comptable utiliser ?", contactPhone: null } as never,
      receivedAt,
    })
  ).number;
  candidateNumber = (
    await createCandidateInquiry({ input: { name: "Léa Ouellet", email: "lea@exemple.ca", subject: "Compte", topic: "online-systems", message: "Je n'arrive pas à créer mon compte." }, receivedAt })
  ).number;
});
afterAll(() => db.$disconnect());

describe("integration keys", () => {
  it("are made by the admin only; the key is returned once and only its SHA-256 is kept; the creation is audited", async () => {
    for (const email of ["gestionnaire@cspq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"]) {
      await expect(createApiKey({ user: await currentUserFor(db, email), input: input({}), now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(createApiKey({ user: null, input: input({}), now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.apiKey.count()).toBe(0);

    const { id, key, expiresAt } = await createApiKey({ user: await admin(), input: input({}), now });
    expect(key).toMatch(/^gk_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    // Valid through the whole of its last day, Québec time (EST: UTC−5).
    expect(expiresAt.toISOString()).toBe("2027-11-30T05:00:00.000Z");
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(JSON.stringify(row, (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(key.slice(14));
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "api_key_created" } });
    expect(audit.data).toMatchObject({ keyId: id, name: "Outil de rapports SAGIR", scope: "requests_read:sagir" });
    expect(JSON.stringify(audit.data)).not.toContain(key.slice(14));
  });

  it.each([
    ["today", "2026-11-29"],
    ["yesterday", "2026-11-28"],
    ["beyond two years", "2028-11-29"],
  ])("refuse an expiry %s, at the field, and make nothing", async (_, expiresOn) => {
    const before = await db.apiKey.count();
    await expect(createApiKey({ user: await admin(), input: input({ expiresOn }), now })).rejects.toMatchObject({ code: "INVALID_PARAMETER", fields: { expiresOn: expect.objectContaining({ fr: expect.stringContaining("deux ans") }) } });
    expect(await db.apiKey.count()).toBe(before);
  });

  it("read the requests of their own service only, counting each use with its address", async () => {
    const { id, key } = await createApiKey({ user: await admin(), input: input({ name: "Lecture SAGIR" }), now });
    const principal = await apiKeyOf(bearer(key), "requests_read", now);
    expect(principal).toEqual({ keyId: id, scope: { kind: "requests_read", serviceId: "sagir" } });
    expect((await getRequest({ user: null, key: principal, number: sagirNumber })).number).toBe(sagirNumber);
    // Another service's request is as absent as an unknown number (numbers cannot be probed).
    await expect(getRequest({ user: null, key: principal, number: candidateNumber })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Concurrent uses all count (written at most once a second: the rest at the next write); the last address is kept.
    await Promise.all([1, 2, 3].map((n) => apiKeyOf(bearer(key, `192.0.2.${n}`), "requests_read", new Date(now.getTime() + n))));
    await flushApiKeyUses();
    const used = (await listApiKeys({ user: await admin(), now })).find((k) => k.id === id)!;
    expect(used).toMatchObject({ uses: 4, state: "active", lastUsedAt: new Date(now.getTime() + 3) });
    expect(used.lastUsedFrom).toMatch(/^192\.0\.2\.[123]$/);
  });

  it("refuse a missing-scheme, unknown, altered, expired or revoked key (401) and a key of another scope (403), and count no use", async () => {
    const { id, key } = await createApiKey({ user: await admin(), input: input({ name: "À révoquer", expiresOn: "2026-12-01" }), now });
    const refusedWith = (code: string, headers: Headers, at = now, wanted: "requests_read" | "call_events" = "requests_read") =>
      expect(apiKeyOf(headers, wanted, at)).rejects.toMatchObject({ code });
    await refusedWith("UNAUTHENTICATED", new Headers({ authorization: key }));
    await refusedWith("UNAUTHENTICATED", new Headers({ authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }));
    await refusedWith("UNAUTHENTICATED", bearer(`gk_ZZZZZZZZZZ_${"A".repeat(43)}`));
    await refusedWith("UNAUTHENTICATED", bearer(`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`));
    await refusedWith("UNAUTHENTICATED", bearer("n'importe quoi"));
    await refusedWith("FORBIDDEN", bearer(key), now, "call_events");
    // Its last day is 1 December: it works until that day's end, Québec time, and not after.
    expect(await apiKeyOf(bearer(key), "requests_read", new Date("2026-12-02T04:59:59Z"))).not.toBeNull();
    await refusedWith("UNAUTHENTICATED", bearer(key), new Date("2026-12-02T05:00:00Z"));
    expect(await apiKeyOf(new Headers(), "requests_read", now)).toBeNull();

    await expect(revokeApiKey({ user: await currentUserFor(db, "gestionnaire@cspq.exemple.qc.ca"), id, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiKey({ user: await admin(), id, now });
    await revokeApiKey({ user: await admin(), id, now: new Date(now.getTime() + 1000) });
    await refusedWith("UNAUTHENTICATED", bearer(key), new Date(now.getTime() + 1));
    await flushApiKeyUses();
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.uses).toBe(1n);
    expect(row.revokedAt).toEqual(now);
    // Revoked once in the log, however many clicks.
    expect(await db.auditEntry.count({ where: { action: "api_key_revoked", data: { path: ["keyId"], equals: id } } })).toBe(1);
    expect((await listApiKeys({ user: await admin(), now: new Date(now.getTime() + 1) })).find((k) => k.id === id)).toMatchObject({ state: "revoked", revokedBy: "Alexandre Bélanger" });
  });
});
