// What a newcomer sees when the embedded database cannot start: one line, not a stack trace.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedPostgresError, findFreePort, startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";

let blocker: net.Server;
let takenPort: number;
const scratch = mkdtempSync(path.join(os.tmpdir(), "guichet-startup-"));

beforeAll(async () => {
  takenPort = await findFreePort();
  blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(takenPort, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

async function startError(dataDir: string, port: number): Promise<EmbeddedPostgresError> {
  try {
    const db = await startEmbeddedPostgres({ dataDir, port, database: "x", ephemeral: false });
    await db.stop();
  } catch (error) {
    return error as EmbeddedPostgresError;
  }
  throw new Error("PostgreSQL started");
}

describe("embedded PostgreSQL start-up failures", () => {
  it("a port already taken", async () => {
    const error = await startError(path.join(scratch, "a"), takenPort);
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect(error.message).toContain(`Port ${takenPort} is already in use`);
    expect(error.message).not.toContain("\n");
  });

  it("a folder that holds something else than a cluster", async () => {
    const dir = path.join(scratch, "b");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "notes.txt"), "not a database");
    const error = await startError(dir, await findFreePort());
    expect(error.message).toMatch(/is not empty but holds no PostgreSQL cluster/);
    expect(error.message).not.toContain("\n");
  });

  it("a damaged cluster", async () => {
    const dir = path.join(scratch, "c");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "PG_VERSION"), "18\n");
    const error = await startError(dir, await findFreePort());
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect(error.message).toMatch(/would not start/);
    expect(error.message).not.toContain("\n");
  }, 30_000);

  it("`npm run dev` explains a taken port in one line and exits 1", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GUICHET_DB_PORT: String(takenPort) };
    delete env.DATABASE_URL;
    const run = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/run-app.ts", "dev"], {
      encoding: "utf8",
      env,
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^guichet: Port ${takenPort} is already in use`))]);
  }, 60_000);
});
