// The catalogue's cache, loaded twice in one process: by Next.js's bundles and by the front door's
// own routes (scripts/server.ts, the inquiries and call events). An edit, made through Next, drops
// both copies at once (get-catalogue.ts, the generation on globalThis).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDatabase } from "../../src/server/db/seed";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
});
afterAll(() => db.$disconnect());

describe("the catalogue's cache", () => {
  it("an edit forgotten by one copy of the module is seen by the other at its next use, not 5 s later", async () => {
    const nextCopy = await import("../../src/server/services/get-catalogue");
    vi.resetModules();
    const frontDoorCopy = await import("../../src/server/services/get-catalogue");
    expect(frontDoorCopy).not.toBe(nextCopy);

    const before = await frontDoorCopy.getCatalogue();
    expect(await frontDoorCopy.getCatalogue()).toBe(before);
    const line = before.lines[0]!;
    await db.phoneLine.update({ where: { id: line.id }, data: { numbers: ["418 555-0199"] } });
    // Still the copy in memory: nothing said the catalogue changed.
    expect((await frontDoorCopy.getCatalogue()).lines[0]!.numbers).toEqual(line.numbers);

    nextCopy.forgetCatalogue();
    expect((await frontDoorCopy.getCatalogue()).lines.find((l) => l.id === line.id)!.numbers).toEqual(["418 555-0199"]);
  });

  it("past its 5 s, the copy in memory is served while the next one loads: no caller waits for a reload", async () => {
    const { forgetCatalogue, getCatalogue } = await import("../../src/server/services/get-catalogue");
    forgetCatalogue();
    const first = await getCatalogue();
    const line = first.lines[0]!;
    await db.phoneLine.update({ where: { id: line.id }, data: { numbers: ["418 555-0188"] } });
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      vi.advanceTimersByTime(6_000);
      // At once, without a query: the copy of before.
      expect(await getCatalogue()).toBe(first);
      // Then the reload it started.
      await vi.waitFor(async () => expect((await getCatalogue()).lines.find((l) => l.id === line.id)!.numbers).toEqual(["418 555-0188"]));
    } finally {
      vi.useRealTimers();
    }
  });
});
