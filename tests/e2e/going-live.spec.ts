// Going live on a database with no demo data, end to end: `npm run -s admin -- create-admin` on a
// fresh database prints the first admin's link → the admin chooses a password and signs in →
// records an MO adhered to SAGIR with its emergency number → invites an agent and a manager of SAGIR
// and the MO's pilot (links read from the e-mail outbox) → the pilot invites a SAGIR user → that user
// submits a request with the Outil Requête → the agent takes it in charge and answers it; the user
// and the manager read the answer.
//
// The installation's own server: the e2e build, started by this test on a new database of the e2e
// PostgreSQL cluster (DATABASE_URL set: no demo data), with no SMTP relay (mail stays in the outbox).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { SAGIR_TYPE_SLUGS } from "../../src/domain/requests/sagir-request";
import { expect, test, e2eDatabaseUrl, expectAccessible, signIn } from "./support";

const PASSWORD = "une phrase de passe assez longue";
const freePort = () =>
  Number(execFileSync(process.execPath, ["-e", "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();})"], { encoding: "utf8" }));
const PORT = freePort();
const LIVE_URL = `http://127.0.0.1:${PORT}`;
const DATABASE = `guichet_live_${process.pid}_${Date.now().toString(36)}`;
const liveDatabaseUrl = () => {
  const url = new URL(e2eDatabaseUrl());
  url.pathname = `/${DATABASE}`;
  return url.href;
};

test.use({ baseURL: LIVE_URL });
test.describe.configure({ mode: "serial", timeout: 360_000 });

let server: ChildProcess | null = null;
let db: pg.Client;

test.beforeAll(async () => {
  const admin = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  db = new pg.Client({ connectionString: liveDatabaseUrl() });
  await db.connect();
});

test.afterAll(async () => {
  await db?.end();
  if (server?.pid) {
    process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  const admin = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
});

/** Starts the installation's server on the live database (the production build the e2e server made). */
async function startServer(): Promise<void> {
  server = spawn("npm", ["run", "-s", "start"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: liveDatabaseUrl(),
      NEXTAUTH_SECRET: "secret-des-sessions-du-test-de-mise-en-service",
      NEXTAUTH_URL: LIVE_URL,
      GUICHET_PUBLIC_URL: LIVE_URL,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      GUICHET_JOBS: "off",
      GUICHET_SMTP_PORT: "off",
      SMTP_URL: "",
      GUICHET_DB_EPHEMERAL: "",
      GUICHET_DEMO_DATA: "",
      GUICHET_TEST_CLOCK: "",
      GUICHET_OIDC_ISSUER: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${LIVE_URL}/api/v1/catalogue`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBe(200);
}

/** The link of the last e-mail of `kind` to this address, from the outbox. */
async function linkFromOutbox(email: string, kind: string, path: RegExp): Promise<string> {
  let body = "";
  await expect
    .poll(async () => {
      const { rows } = await db.query<{ body: string }>(
        "SELECT o.body FROM email_outbox o JOIN app_user u ON u.id = o.user_id WHERE u.email = $1 AND o.kind = $2 ORDER BY o.created_at DESC LIMIT 1",
        [email, kind],
      );
      body = rows[0]?.body ?? "";
      return body;
    })
    .not.toBe("");
  const match = new RegExp(`https?://\\S+${path.source}`).exec(body);
  expect(match, `a link in the e-mail to ${email}`).not.toBeNull();
  return new URL(match![0]).pathname;
}

/** A new person in a browser of their own: chooses their password at `link`, then signs in. */
async function acceptInvitation(browser: Browser, link: string, email: string): Promise<Page> {
  const person = await (await browser.newContext({ baseURL: LIVE_URL, locale: "fr-CA", timezoneId: "America/Toronto" })).newPage();
  await person.goto(link);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Choisir votre mot de passe");
  await person.locator("#password").fill(PASSWORD);
  await person.locator("#confirmation").fill(PASSWORD);
  await person.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(person).toHaveURL(/\/connexion\?invitation=1$/);
  await signIn(person, email, PASSWORD);
  await expect(person).toHaveURL(/\/espace$/);
  return person;
}

/** The admin's invitation of a staff member or pilot, at /admin/personnel. */
async function inviteStaff(page: Page, person: { name: string; email: string; role: string; service?: RegExp; organization?: string }): Promise<void> {
  const invite = page.getByTestId("staff-invite-form");
  await invite.getByLabel("Nom").fill(person.name);
  await invite.getByLabel("Adresse courriel").fill(person.email);
  await invite.getByLabel("Rôle").selectOption(person.role);
  if (person.service) await invite.getByRole("checkbox", { name: person.service }).check();
  if (person.organization) await invite.getByRole("combobox", { name: /Organisation/ }).selectOption({ label: person.organization });
  await invite.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByTestId("invitation")).toContainText(person.name);
}

test("from an empty database: create-admin, an MO adhered to SAGIR, its staff and pilot, a SAGIR user's request handled by the agent", async ({ page, browser }) => {
  // The first admin, by the command line; nothing of the demo is made.
  const printed = execFileSync("npm", ["run", "-s", "admin", "--", "create-admin", "direction.ti@cspq.exemple.qc.ca", "--name", "Dominique Roy"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: liveDatabaseUrl(), GUICHET_PUBLIC_URL: LIVE_URL },
  });
  expect(printed).toContain("Compte d'administration créé : direction.ti@cspq.exemple.qc.ca");
  const adminLink = new URL(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/.exec(printed)![0]).pathname;
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  expect({ users: await count("app_user"), organizations: await count("organization"), requests: await count("request"), services: await count("service") }).toEqual({
    users: 1,
    organizations: 0,
    requests: 0,
    services: 2,
  });

  await startServer();
  await page.goto(adminLink);
  await expect(page.getByText("Bonjour Dominique Roy.")).toBeVisible();
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#confirmation").fill(PASSWORD);
  await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(page).toHaveURL(/\/connexion\?invitation=1$/);
  await signIn(page, "direction.ti@cspq.exemple.qc.ca", PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);

  // The MO, adhered to SAGIR, with its emergency number.
  await page.getByTestId("organizations-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ministères et organismes");
  await expectAccessible(page);
  await page.getByTestId("new-organization").click();
  const form = page.getByTestId("organization-form");
  await form.getByRole("textbox", { name: "Nom", exact: true }).fill("Ministère des Essais");
  await form.getByLabel("Sigle").fill("MES");
  await form.getByLabel("Domaines courriel").fill("mes.exemple.qc.ca");
  await form.getByLabel("Numéro d'urgence du CA-dotation").fill("418 555-0199");
  await form.getByRole("checkbox", { name: /dotation/ }).check();
  await form.getByRole("checkbox", { name: /SAGIR/ }).check();
  await form.getByLabel("Date d'implantation de SAGIR").fill("2026-01-05");
  await form.getByLabel("Date d'adhésion aux services SAGIR").fill("2026-02-02");
  await form.getByRole("button", { name: "Enregistrer l'organisation" }).click();
  await expect(page.getByTestId("organization-saved")).toHaveText("Organisation enregistrée : Ministère des Essais.");
  await expect(page.getByTestId("organization-MES")).toContainText("418 555-0199");

  // Its staff and pilot, invited by e-mail (the links read from the outbox).
  await page.goto("/admin/personnel");
  await expectAccessible(page);
  await inviteStaff(page, { name: "Agnès Tremblay", email: "agnes.tremblay@cspq.exemple.qc.ca", role: "agent", service: /SAGIR/ });
  await inviteStaff(page, { name: "Martin Caron", email: "martin.caron@cspq.exemple.qc.ca", role: "manager", service: /SAGIR/ });
  await inviteStaff(page, { name: "Nadia Pilote", email: "nadia.pilote@mes.exemple.qc.ca", role: "mo_pilot", organization: "Ministère des Essais" });
  const agent = await acceptInvitation(browser, await linkFromOutbox("agnes.tremblay@cspq.exemple.qc.ca", "invitation", /\/invitation\/[A-Za-z0-9_-]+/), "agnes.tremblay@cspq.exemple.qc.ca");
  const manager = await acceptInvitation(browser, await linkFromOutbox("martin.caron@cspq.exemple.qc.ca", "invitation", /\/invitation\/[A-Za-z0-9_-]+/), "martin.caron@cspq.exemple.qc.ca");
  await expect(manager.getByText("Gestionnaire")).toBeVisible();
  const pilot = await acceptInvitation(browser, await linkFromOutbox("nadia.pilote@mes.exemple.qc.ca", "invitation", /\/invitation\/[A-Za-z0-9_-]+/), "nadia.pilote@mes.exemple.qc.ca");

  // The pilot invites a SAGIR user of the MO.
  await pilot.getByRole("link", { name: "Gérer les utilisateurs de mon organisation" }).click();
  const invite = pilot.getByTestId("invite-form");
  await invite.getByLabel("Nom").fill("Simon Usager");
  await invite.getByLabel("Courriel").fill("simon.usager@mes.exemple.qc.ca");
  await invite.getByLabel("Rôle").selectOption("sagir_user");
  await invite.getByRole("button", { name: "Inviter" }).click();
  await expect(pilot.getByTestId("invitation")).toContainText("Invitation envoyée par courriel à Simon Usager.");
  const user = await acceptInvitation(browser, await linkFromOutbox("simon.usager@mes.exemple.qc.ca", "invitation", /\/invitation\/[A-Za-z0-9_-]+/), "simon.usager@mes.exemple.qc.ca");

  // The SAGIR user's request, through the Outil Requête.
  const subject = "Segment comptable du projet d'essai";
  await user.goto(`/sagir/outil-requete/${SAGIR_TYPE_SLUGS.specialised}`);
  const sagirForm = user.getByTestId("sagir-form");
  await sagirForm.locator('[name="domain"]').selectOption("RF");
  await sagirForm.locator('[name="subject"]').fill(subject);
  await sagirForm.locator('[name="description"]').fill("Quel segment comptable utiliser pour le projet d'essai ?");
  await user.getByRole("button", { name: "Soumettre la requête" }).click();
  await expect(user).toHaveURL(/\/sagir\/requetes\/SAG-\d{4}-\d{6}\?nouvelle=1$/);
  const number = /SAG-\d{4}-\d{6}/.exec(user.url())![0];

  // The agent finds it in SAGIR's queue, takes it in charge and answers it.
  await agent.goto("/console/sagir");
  await agent.getByTestId("views").getByRole("link", { name: "Non attribuées" }).click();
  await agent.locator("tr", { hasText: subject }).getByRole("link").first().click();
  await expect(agent).toHaveURL(new RegExp(`/console/requetes/${number}(\\?|$)`));
  await expect(agent.getByText("Ministère des Essais").first()).toBeVisible();
  await agent.getByRole("button", { name: "Prendre en charge" }).click();
  await expect(agent.getByTestId("status")).toHaveText("En traitement");
  await agent.getByLabel("Message").fill("Utilisez le segment 4100 pour les dépenses du projet d'essai.");
  // (Answered, not resolved: SAGIR holds a resolution for a second agent's review, and this centre has one agent yet.)
  await agent.getByRole("button", { name: "Envoyer" }).click();
  await expect(agent.getByTestId("form-notice")).toContainText("Réponse envoyée.");
  await expect(agent.getByTestId("thread").locator("li[data-visibility=public]").last()).toContainText("Utilisez le segment 4100");

  // The user reads the answer on their request's page.
  await user.goto(`/sagir/requetes/${number}`);
  await expect(user.getByText("Utilisez le segment 4100 pour les dépenses du projet d'essai.")).toBeVisible();
  // The manager of SAGIR reads it too (read-only).
  await manager.goto(`/gestion/requetes/${number}`);
  await expect(manager.getByTestId("thread")).toContainText("Utilisez le segment 4100");
  for (const person of [agent, manager, pilot, user]) await person.context().close();
});
