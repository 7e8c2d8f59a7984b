// The production build as people meet it (front door, Next.js, an embedded PostgreSQL of its own,
// demo data), started on free ports for a measurement: npm run bench:http and npm run size.
// Builds the app first when there is no build.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export type ProductionApp = { base: string; stop: () => void };

export async function startProductionApp(env: Record<string, string> = {}): Promise<ProductionApp> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("no build yet — npm run build");
    execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawn("npm", ["run", "-s", "start"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: base,
      GUICHET_DB_EPHEMERAL: "1",
      GUICHET_DB_PORT: String(await freePort()),
      GUICHET_SMTP_PORT: "off",
      GUICHET_JOBS: "off",
      GUICHET_LOG_LEVEL: "warn",
      ...env,
    },
  });
  const stop = () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 240) {
      stop();
      throw new Error("the app did not become ready in 2 minutes");
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, stop };
}
