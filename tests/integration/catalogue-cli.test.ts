// `npm run -s catalogue -- …` as a user runs it: with the database, and with none (seed definition).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../src/server/db/seed";
import { connectTestDb, testDatabaseUrl, truncateAll } from "../support/db";

const db = connectTestDb();
beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  // An edit only the database knows: Tuesday 24 November 2026 becomes a closure day.
  await db.holiday.create({ data: { holidaySetId: "qc-public-service", date: new Date("2026-11-24T00:00:00Z"), year: 2026, nameFr: "Fermeture", nameEn: "Closure" } });
});
afterAll(() => db.$disconnect());

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

function cli(args: string[], options: { input?: string; withDatabase?: boolean } = {}) {
  const env = { ...process.env };
  if (options.withDatabase) env.DATABASE_URL = testDatabaseUrl();
  else delete env.DATABASE_URL;
  const run = spawnSync(tsx, ["--conditions=react-server", "scripts/catalogue-cli.ts", ...args], {
    input: options.input ?? "",
    encoding: "utf8",
    env,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("catalogue CLI", () => {
  it("prints the due targets of the spec's first worked example, sorted by id", () => {
    const { code, stdout, stderr } = cli(["due", "--service", "ca-dotation", "--audience", "candidate", "--channel", "phone", "--received", "2026-06-23T15:00:00-04:00"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${JSON.stringify({
        targets: [
          { id: "cad-candidate-phone-answer", metric: "answer", clock: "elapsed", amount: 5, unit: "minutes", calendar: "cad-candidates", dueAt: "2026-06-23T19:05:00.000Z" },
          { id: "cad-candidate-reply", metric: "reply-or-delay-notice", clock: "business-days", amount: 10, unit: "days", calendar: "cad-candidates", dueAt: "2026-07-09T20:30:00.000Z" },
        ],
      })}\n`,
    );
  });

  it("prints the status example", () => {
    const { code, stdout } = cli(["status", "--service", "sagir", "--audience", "sagir-user", "--at", "2026-11-24T13:30:00-05:00"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ open: false, closesAt: null, nextOpening: "2026-11-24T19:00:00.000Z" });
  });

  it("reads the catalogue from the database when one is configured", () => {
    const args = ["status", "--service", "sagir", "--audience", "sagir-user", "--at", "2026-11-24T13:30:00-05:00"];
    expect(JSON.parse(cli(args, { withDatabase: true }).stdout).nextOpening).toBe("2026-11-25T13:30:00.000Z");
    expect(JSON.parse(cli(args).stdout).nextOpening).toBe("2026-11-24T19:00:00.000Z");
  });

  it.each([
    [["due", "--service", "nope", "--audience", "candidate", "--channel", "email"], "nope"],
    [["due", "--service", "sagir", "--audience", "candidate", "--channel", "email"], "candidate"],
    [["due", "--service", "sagir", "--audience", "sagir-user", "--channel", "web"], "web"],
    [["due", "--service", "sagir", "--audience", "sagir-user", "--channel", "email", "--received", "hier"], "hier"],
    [["status", "--service", "sagir", "--audience", "sagir-user", "--at", "2026-13-01T00:00:00Z"], "2026-13-01T00:00:00Z"],
    [["due", "--service", "sagir", "--audience", "sagir-user"], "channel"],
    [["frobnicate"], "frobnicate"],
  ])("exits 2 with one line on stderr naming the bad value: %j", (args, bad) => {
    const { code, stdout, stderr } = cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(bad);
  });

  it("batch mode answers one line per input line, in order, and goes on after a bad line", () => {
    const input = [
      { service: "sagir", audience: "sagir-user", channel: "email", received: "2026-11-20T17:00:00-05:00" },
      "not json",
      { service: "x", audience: "candidate", channel: "email", received: "2026-11-20T17:00:00-05:00" },
      { service: "ca-dotation", audience: "candidate", channel: "phone", received: "2026-11-25T10:02:00-05:00" },
    ]
      .map((l) => (typeof l === "string" ? l : JSON.stringify(l)))
      .join("\n");
    const { code, stdout } = cli(["due", "--batch"], { input });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].targets[0].dueAt).toBe("2026-11-23T22:00:00.000Z");
    expect(lines[1].error).toContain("invalid JSON");
    expect(lines[2].error).toContain("unknown service: x");
    expect(lines[3].targets.map((t: { dueAt: string }) => t.dueAt)).toEqual(["2026-11-25T15:07:00.000Z", "2026-12-09T21:30:00.000Z"]);
  });

  it("agrees with every worked example of the spec (§5)", () => {
    const examples = [
      [{ service: "ca-dotation", audience: "candidate", channel: "email", received: "2026-06-23T15:00:00-04:00" }, "cad-candidate-reply", "2026-07-09T20:30:00.000Z"],
      [{ service: "ca-dotation", audience: "mo-specialist", channel: "request-form", received: "2026-06-23T15:00:00-04:00" }, "cad-mo-first-reply", "2026-06-26T19:00:00.000Z"],
      [{ service: "sagir", audience: "sagir-user", channel: "request-tool", received: "2026-11-20T17:00:00-05:00" }, "sagir-written-take-charge", "2026-11-23T22:00:00.000Z"],
      [{ service: "ca-dotation", audience: "candidate", channel: "phone", received: "2026-11-25T10:02:00-05:00" }, "cad-candidate-phone-answer", "2026-11-25T15:07:00.000Z"],
    ] as const;
    const lines = cli(["due", "--batch"], { input: examples.map(([input]) => JSON.stringify(input)).join("\n") })
      .stdout.trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { targets: { id: string; dueAt: string }[] });
    examples.forEach(([, id, dueAt], i) => {
      expect(lines[i]!.targets.find((t) => t.id === id)?.dueAt).toBe(dueAt);
    });
  });

  it("batch status", () => {
    const input = `${JSON.stringify({ service: "ca-dotation", audience: "candidate", at: "2026-11-25T09:45:00-05:00" })}\n${JSON.stringify({ service: "ca-dotation", audience: "candidate", at: "soon" })}\n`;
    const lines = cli(["status", "--batch"], { input }).stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ open: false, closesAt: null, nextOpening: "2026-11-25T15:00:00.000Z" });
    expect(lines[1].error).toContain("at");
  });
});
