import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Ports chosen once here (workers inherit the variables): the e2e server's throw-away PostgreSQL
// (tests check what the app stored), its SMTP receiver (tests send it mail) and the sink that a
// test starts to capture what the app sends (SMTP_URL).
const freePort = () =>
  execFileSync(process.execPath, ["-e", "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();})"], { encoding: "utf8" });
process.env.E2E_DB_PORT ??= freePort();
process.env.E2E_SMTP_PORT ??= freePort();
process.env.E2E_SMTP_SINK_PORT ??= freePort();
// The OpenID Connect provider the app's single sign-on is configured with (tests/e2e/oidc-server.ts).
process.env.E2E_OIDC_PORT ??= freePort();
// The e2e server's PostgreSQL data directory: the outage test stops and starts that server.
process.env.E2E_DB_DIR ??= path.join(os.tmpdir(), `guichet-e2e-db-${process.pid}`);
// The e2e server's own log (JSON lines): a test that meets an unexpected answer quotes its end.
process.env.E2E_SERVER_LOG ??= path.join(os.tmpdir(), `guichet-e2e-server-${process.pid}.log`);

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const oidcIssuer = `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    locale: "fr-CA",
    timezoneId: "America/Toronto",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium (apt-get install chromium): Playwright's own download is out of reach here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /(load|outage|fuzz)\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@phone/, testIgnore: /(load|outage|fuzz)\.spec\.ts/ },
    // The fuzz tests count what was stored: one at a time, with nothing else writing meanwhile.
    { name: "fuzz", testMatch: /fuzz\.spec\.ts/, dependencies: ["desktop", "phone"], workers: 1 },
    // The 500-request burst runs alone, after everything else: it must not slow the UI tests down.
    { name: "load", testMatch: /load\.spec\.ts/, dependencies: ["fuzz"] },
    // The database stopped under the running app, last of all: nothing else may need it meanwhile.
    { name: "outage", testMatch: /outage\.spec\.ts/, dependencies: ["load"] },
  ],
  webServer: [
    {
      // The identity provider of single sign-on, a real OIDC server (started first: the app discovers it at the first sign-in).
      command: "node --import tsx tests/e2e/oidc-server.ts",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "ignore",
      env: { E2E_OIDC_PORT: process.env.E2E_OIDC_PORT, E2E_APP_URL: baseURL },
    },
    {
      // The built app on a throw-away embedded PostgreSQL; "now" is fixed per test by cookie.
      command: `npm run -s build && npm run -s start > "${process.env.E2E_SERVER_LOG}"`,
      url: `${baseURL}/api/v1/catalogue`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        HOSTNAME: "127.0.0.1",
        GUICHET_TEST_CLOCK: "1",
        // The notification cycle is run by the tests at their fixed instants, not by the real clock.
        GUICHET_JOBS: "off",
        NEXTAUTH_URL: baseURL,
        GUICHET_DB_EPHEMERAL: "1",
        GUICHET_DB_PORT: process.env.E2E_DB_PORT,
        GUICHET_DB_DIR: process.env.E2E_DB_DIR,
        GUICHET_RATE_LIMIT_PER_MINUTE: "100000",
        GUICHET_SMTP_PORT: process.env.E2E_SMTP_PORT,
        GUICHET_SMTP_HOST: "127.0.0.1",
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_SINK_PORT}`,
        GUICHET_MAIL_FROM: "Guichet <ne-pas-repondre@guichet.exemple.qc.ca>",
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        NEXT_TELEMETRY_DISABLED: "1",
        GUICHET_OIDC_ISSUER: oidcIssuer,
        GUICHET_OIDC_CLIENT_ID: "guichet-e2e",
        GUICHET_OIDC_CLIENT_SECRET: "secret-du-client-e2e",
        GUICHET_OIDC_NAME: "le fournisseur d'identité de test",
      },
    },
  ],
});
