// `npm run -s admin -- create-admin <e-mail>` as an installer runs it on a new database: the schema
// and the catalogue, no demo data, one administrator without password and a single-use link to the
// invitation page where they choose it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/server/auth/password";
import { readInvitation, completeInvitation } from "../../src/server/services/manage-members";
import { connectTestDb, testDatabaseUrl, truncateAll } from "../support/db";

const db = connectTestDb();
beforeAll(() => truncateAll(db));
afterAll(() => db.$disconnect());

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
function admin(args: string[], { database = true } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, GUICHET_PUBLIC_URL: "https://guichet.exemple.gouv.qc.ca" };
  if (database) env.DATABASE_URL = testDatabaseUrl();
  else delete env.DATABASE_URL;
  const run = spawnSync(tsx, ["--conditions=react-server", "scripts/admin-cli.ts", ...args], { encoding: "utf8", env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const tokenIn = (stdout: string) => /\/invitation\/([A-Za-z0-9_-]+)\s*$/.exec(stdout)?.[1] ?? null;

describe("admin create-admin", () => {
  it("on an empty database: the catalogue, no demo data, one admin without password and a link valid 24 hours", async () => {
    const { code, stdout, stderr } = admin(["create-admin", "Direction.TI@cspq.gouv.qc.ca", "--name", "Dominique Roy"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Compte d'administration créé : direction.ti@cspq.gouv.qc.ca");
    expect(stdout).toMatch(/https:\/\/guichet\.exemple\.gouv\.qc\.ca\/invitation\/[A-Za-z0-9_-]+\n$/);
    expect(await db.user.findMany({ select: { email: true, name: true, role: true, passwordHash: true } })).toEqual([
      { email: "direction.ti@cspq.gouv.qc.ca", name: "Dominique Roy", role: "admin", passwordHash: null },
    ]);
    expect(await db.organization.count()).toBe(0);
    expect(await db.service.count()).toBeGreaterThan(0);
    const { invitationExpiresAt } = await db.user.findUniqueOrThrow({ where: { email: "direction.ti@cspq.gouv.qc.ca" }, select: { invitationExpiresAt: true } });
    expect(invitationExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(invitationExpiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(await db.auditEntry.count({ where: { action: "admin_created" } })).toBe(1);
  });

  it("run again before the password is chosen: a new link, the old one stops working; the link then works once", async () => {
    const first = tokenIn(admin(["create-admin", "direction.ti@cspq.gouv.qc.ca"]).stdout)!;
    const again = admin(["create-admin", "direction.ti@cspq.gouv.qc.ca"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nouveau lien pour direction.ti@cspq.gouv.qc.ca");
    const second = tokenIn(again.stdout)!;
    expect(await readInvitation({ token: first, now: new Date() })).toBeNull();
    expect(await readInvitation({ token: second, now: new Date() })).toEqual({ name: "Dominique Roy", email: "direction.ti@cspq.gouv.qc.ca" });
    await completeInvitation({ token: second, input: { password: "une phrase pour administrer", confirmation: "une phrase pour administrer" }, now: new Date() });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: "direction.ti@cspq.gouv.qc.ca" }, select: { passwordHash: true } });
    expect(await verifyPassword("une phrase pour administrer", passwordHash!)).toBe(true);
    await expect(completeInvitation({ token: second, input: { password: "une autre phrase encore", confirmation: "une autre phrase encore" }, now: new Date() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an account that has its password is left alone (exit 1); bad input and no database: exit 2, one line", async () => {
    const taken = admin(["create-admin", "direction.ti@cspq.gouv.qc.ca"]);
    expect([taken.code, taken.stdout, taken.stderr.trim().split("\n").length]).toEqual([1, "", 1]);
    expect(taken.stderr).toContain("a déjà un compte Guichet");
    for (const args of [["create-admin", "pas-une-adresse"], ["create-admin"], ["frobnicate", "a@b.ca"], ["create-admin", "a@b.ca", "--role", "x"]]) {
      const run = admin(args);
      expect([run.code, run.stdout, run.stderr.trim().split("\n").length], args.join(" ")).toEqual([2, "", 1]);
    }
    const noDatabase = admin(["create-admin", "a@b.ca"], { database: false });
    expect([noDatabase.code, noDatabase.stderr]).toEqual([2, expect.stringMatching(/^DATABASE_URL: missing/)]);
    expect(await db.user.count()).toBe(1);
  });
});
