// The e-mail channel's other pages in Chromium: a candidate attaches a file to their inquiry (and a
// disguised one is refused at its field, what was typed kept); a manager adds and removes a mailbox
// in the catalogue; the admin reads the outgoing mail; a SAGIR agent links an unknown sender's
// e-mail to the SAGIR user who wrote it, who then finds it in their list.
import pg from "pg";
import { sendTo } from "../support/smtp";
import { expect, test, e2eDatabaseUrl, expectAccessible, setNow, signInToSpace } from "./support";

test.describe.configure({ timeout: 120_000 });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const WRITE = "/services/ca-dotation/candidate/ecrire";

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

test("a candidate attaches a file to an inquiry; a disguised file is refused at its field and nothing is lost", async ({ page, context, baseURL }) => {
  await setNow(context, baseURL!, "2026-06-23T15:00:00-04:00");
  const tag = Date.now().toString(36);
  const fill = async () => {
    await page.getByRole("combobox", { name: "Sujet de votre question", exact: true }).selectOption("online-systems");
    await page.getByRole("textbox", { name: "Votre nom", exact: true }).fill("Élise Fortin");
    await page.getByRole("textbox", { name: "Votre adresse courriel", exact: true }).fill(`elise.${tag}@exemple.ca`);
    await page.getByRole("textbox", { name: "Objet", exact: true }).fill(`Capture d'écran ${tag}`);
    await page.getByRole("textbox", { name: "Votre question", exact: true }).fill("Voici la capture du message d'erreur que je reçois.");
  };
  await page.goto(WRITE);
  await fill();
  await page.getByLabel(/^Pièces jointes/).setInputFiles({ name: "erreur.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 programme") });
  await page.getByRole("button", { name: "Envoyer ma question" }).click();
  await expect(page.locator("#files-error")).toContainText("Fichier refusé : erreur.pdf (type de fichier non accepté)");
  await expect(page.getByRole("textbox", { name: "Votre question", exact: true })).toHaveValue("Voici la capture du message d'erreur que je reçois.");
  expect(await query("SELECT 1 FROM request WHERE subject = $1", [`Capture d'écran ${tag}`])).toHaveLength(0);
  await expectAccessible(page);

  await page.getByLabel(/^Pièces jointes/).setInputFiles({ name: "erreur.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Envoyer ma question" }).click();
  await expect(page).toHaveURL(/\/suivi\/[A-Za-z0-9_-]{43}\?nouvelle=1$/);
  const files = page.getByTestId("thread").getByTestId("attachments");
  await expect(files).toContainText("erreur.pdf");
  const download = await page.request.get((await files.getByRole("link").getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain('filename="erreur.pdf"');
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  await expectAccessible(page);
});

test("a manager adds a mailbox for SAGIR, then removes it; the history lists both", async ({ page }) => {
  await signInToSpace(page, "gestionnaire@cspq.exemple.qc.ca");
  await page.goto("/gestion/catalogue");
  const mailboxes = page.getByTestId("mailboxes");
  await expect(mailboxes.getByTestId("mailbox-carrieres@cspq.gouv.qc.ca")).toBeVisible();
  const address = `essai.${Date.now().toString(36)}@cspq.gouv.qc.ca`;
  const add = page.getByRole("form", { name: "Ajouter une boîte aux lettres" });
  await add.getByLabel("Adresse courriel").fill("pas-une-adresse");
  await add.getByLabel("Service et clientèle").selectOption("sagir/sagir-user");
  await add.getByRole("button", { name: "Enregistrer la boîte" }).click();
  await expect(page.getByRole("form", { name: "Ajouter une boîte aux lettres" }).getByText("Inscrivez une adresse courriel valide")).toBeVisible();
  await page.getByRole("form", { name: "Ajouter une boîte aux lettres" }).getByLabel("Adresse courriel").fill(address);
  await page.getByRole("form", { name: "Ajouter une boîte aux lettres" }).getByLabel("Service et clientèle").selectOption("sagir/sagir-user");
  await page.getByRole("form", { name: "Ajouter une boîte aux lettres" }).getByRole("button", { name: "Enregistrer la boîte" }).click();
  await expect(page.getByTestId(`mailbox-${address}`)).toBeVisible();
  await expect(page.getByTestId("catalogue-history")).toContainText(`Boîte aux lettres ${address} enregistrée`);
  await expectAccessible(page);
  // The receiver takes mail for it at once.
  expect((await sendTo(Number(process.env.E2E_SMTP_PORT), { from: "x@courriel.exemple", to: address, subject: "Nouvelle boîte", text: "Bonjour." })).ok).toBe(true);

  await page.getByTestId(`mailbox-${address}`).getByRole("button", { name: `Retirer ${address}` }).click();
  await page.getByTestId(`mailbox-${address}`).getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByTestId(`mailbox-${address}`)).toHaveCount(0);
  await expect(page.getByTestId("catalogue-history")).toContainText(`Boîte aux lettres ${address} retirée`);
  expect(await sendTo(Number(process.env.E2E_SMTP_PORT), { from: "x@courriel.exemple", to: address, subject: "Boîte retirée", text: "Bonjour." })).toMatchObject({ ok: false, code: 550 });
});

test("a SAGIR agent links an unknown sender's e-mail to the user who wrote it, who then follows it", async ({ browser }) => {
  const tag = Date.now().toString(36);
  const subject = `Accès SAGIR perdu ${tag}`;
  expect((await sendTo(Number(process.env.E2E_SMTP_PORT), { from: "Julie Pelletier <julie.maison@courriel.exemple>", to: "dgsoa@cspq.gouv.qc.ca", subject, text: "Bonjour, j'écris de mon adresse personnelle : je n'ai plus accès à SAGIR." })).ok).toBe(true);
  let number = "";
  await expect(async () => {
    const rows = await query<{ number: string }>("SELECT number FROM request WHERE subject = $1", [subject]);
    expect(rows).toHaveLength(1);
    number = rows[0]!.number;
  }).toPass({ timeout: 15_000 });

  const agent = await (await browser.newContext()).newPage();
  await signInToSpace(agent, "agent.sagir@cspq.exemple.qc.ca");
  await agent.goto("/console/sagir?identify=1&status=all");
  const row = agent.getByTestId("queue").locator("tr", { hasText: number });
  await expect(row.getByTestId("to-identify")).toHaveText("À identifier");
  await agent.goto(`/console/requetes/${number}`);
  await expect(agent.getByTestId("sender-status")).toHaveText("Expéditeur inconnu : à identifier");
  await agent.getByLabel("Adresse du compte").fill("sagir@mcc.exemple.qc.ca");
  await agent.getByRole("button", { name: "Lier au compte" }).click();
  await expect(agent.getByText("Aucun compte actif ayant accès à ce centre n'a cette adresse")).toBeVisible();
  await agent.getByLabel("Adresse du compte").fill("sagir@mfq.exemple.qc.ca");
  await agent.getByRole("button", { name: "Lier au compte" }).click();
  // The form is gone with its purpose; the facts say who wrote.
  await expect(agent.getByTestId("sender-status")).toHaveText("Identifié par un agent");
  await expect(agent.getByRole("button", { name: "Lier au compte" })).toHaveCount(0);
  await expect(agent.getByTestId("request-facts")).toContainText("Compte Guichet : Julie Pelletier");
  await expectAccessible(agent);

  const user = await (await browser.newContext()).newPage();
  await signInToSpace(user, "sagir@mfq.exemple.qc.ca");
  await user.goto(`/sagir/requetes/${number}`);
  await expect(user.getByTestId("thread")).toContainText("je n'ai plus accès à SAGIR");
});

test("the admin reads the outgoing mail; nobody else has the page", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInToSpace(admin, "admin@cspq.exemple.qc.ca");
  await admin.getByTestId("outbox-link").click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Courriels sortants");
  // The e2e server relays through SMTP_URL: the page shows each message's state, not its words.
  await expect(admin.getByText("Les messages partent par le serveur de courriel configuré")).toBeVisible();
  await expectAccessible(admin);
  const manager = await (await browser.newContext()).newPage();
  await signInToSpace(manager, "gestionnaire@cspq.exemple.qc.ca");
  expect((await manager.goto("/admin/courriels"))!.status()).toBe(404);
});
