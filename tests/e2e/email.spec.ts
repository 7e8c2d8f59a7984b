// E-mail both ways in Chromium, over real sockets: a candidate's e-mail (sent by nodemailer to the
// app's SMTP receiver) becomes a request in the agent's console; the agent answers with a PDF and
// resolves it; the answer leaves through SMTP_URL to a sink that captures it (checked with
// mailparser: headers, text, language, attachment); the candidate's reply to that captured message
// threads back into the same request, which the agent sees after a reload. A communiqué's e-mail
// copy goes out in the language its reader chose, with its file, number and fingerprint.
import pg from "pg";
import { sendTo, startSink } from "../support/smtp";
import { expect, test, e2eDatabaseUrl, expectAccessible, signInToSpace } from "./support";

// The tests of this file own the SMTP sink (one port): one after the other, in one worker.
test.describe.configure({ timeout: 120_000, mode: "default" });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** The number of the request the receiver opened for a subject (processing follows the 250 by a moment). */
async function numberOfSubject(subject: string): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    let number = "";
    await expect(async () => {
      const { rows } = await client.query<{ number: string }>("SELECT number FROM request WHERE subject = $1", [subject]);
      expect(rows).toHaveLength(1);
      number = rows[0]!.number;
    }).toPass({ timeout: 15_000 });
    return number;
  } finally {
    await client.end();
  }
}

test("a candidate's e-mail is answered from the console, with a file, and the answer's reply threads back", async ({ page, browser, baseURL }) => {
  const sink = await startSink(Number(process.env.E2E_SMTP_SINK_PORT));
  try {
    const tag = Date.now().toString(36);
    const address = `candidate.${tag}@courriel.exemple`;
    const subject = `Compte Carrières bloqué ${tag}`;
    const sent = await sendTo(Number(process.env.E2E_SMTP_PORT), {
      from: `Claude Poirier <${address}>`,
      to: "carrieres@cspq.gouv.qc.ca",
      subject,
      text: "Bonjour, mon compte est bloqué depuis hier. Que dois-je faire ?\n\nMerci\n-- \nClaude Poirier",
    });
    expect(sent.ok).toBe(true);
    const number = await numberOfSubject(subject);

    await signInToSpace(page, "agent.dotation@cspq.exemple.qc.ca");
    await page.goto(`/console/requetes/${number}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${number} — ${subject}`);
    await expect(page.getByTestId("request-facts")).toContainText("Courriel");
    // A stranger writing to the candidates' mailbox is who is expected: nothing to identify.
    await expect(page.getByTestId("sender-status")).toHaveCount(0);
    const first = page.getByTestId("thread").locator("li").first();
    await expect(first).toContainText("Bonjour, mon compte est bloqué depuis hier.");
    // The signature is folded away, one click from view.
    const quoted = first.locator("details p");
    await expect(quoted).toBeHidden();
    await first.getByText("Historique cité et signature").click();
    await expect(quoted).toBeVisible();
    await expect(quoted).toContainText("Claude Poirier");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Prendre en charge" }).click();
    await expect(page.getByTestId("assignee")).toContainText("(moi)");
    await page.getByLabel("Message").fill("Bonjour, utilisez le lien « Mot de passe oublié » du site Carrières; le guide est joint.");
    await page.getByLabel(/^Pièces jointes/).setInputFiles({ name: "guide-connexion.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByLabel("Après l'envoi").selectOption("resolved");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.getByTestId("form-notice")).toContainText("Réponse envoyée.");
    const answer = page.getByTestId("thread").locator("li", { hasText: "Mot de passe oublié" });
    await expect(answer.getByTestId("attachments")).toContainText("guide-connexion.pdf");
    // The agent downloads what they sent: an attachment, never shown inline.
    const download = await page.request.get(await answer.getByRole("link", { name: /guide-connexion\.pdf/ }).getAttribute("href") as string);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain("attachment");
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

    // The mail cycle sends the outbox through SMTP_URL: the sink captures the answer.
    await expect(async () => {
      expect((await page.request.post("/api/test/notification-cycle")).status()).toBe(200);
      expect(sink.messages.filter((m) => m.envelopeTo.includes(address) && m.parsed.attachments.length > 0)).toHaveLength(1);
    }).toPass({ timeout: 30_000 });
    const toCandidate = sink.messages.filter((m) => m.envelopeTo.includes(address));
    const mail = toCandidate.find((m) => m.parsed.attachments.length > 0)!;
    expect(mail.parsed.subject).toBe(`[${number}] ${subject}`);
    expect(mail.parsed.replyTo?.value[0]?.address).toBe("carrieres@cspq.gouv.qc.ca");
    expect(mail.parsed.text).toContain("Voici la réponse à votre demande");
    expect(mail.parsed.text).toContain("Mot de passe oublié");
    expect(mail.parsed.text).toContain("Votre demande est maintenant résolue");
    expect(mail.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([["guide-connexion.pdf", "application/pdf"]]);
    // The acknowledgement went out before it, with the nominative reminder.
    expect(toCandidate.some((m) => m.parsed.text?.includes("aucune demande de nature nominative"))).toBe(true);

    // The candidate answers the captured message: it threads into the same request, back in progress.
    const back = await sendTo(Number(process.env.E2E_SMTP_PORT), {
      from: address,
      to: "carrieres@cspq.gouv.qc.ca",
      subject: `RE: ${mail.parsed.subject}`,
      text: `Merci, ça fonctionne de nouveau.\n\n> ${mail.parsed.text?.split("\n")[0]}`,
      inReplyTo: mail.parsed.messageId,
      references: [mail.parsed.messageId!],
    });
    expect(back.ok).toBe(true);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("thread").locator("li").last()).toContainText("Merci, ça fonctionne de nouveau.", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId("status")).toHaveText("En traitement");

    // The resolution asked the candidate's satisfaction by a single-use link in the captured e-mail:
    // « pas satisfait » with a comment, once; the managers' dashboard shows it with the comment.
    expect(mail.parsed.text).toContain("êtes-vous satisfait de la réponse reçue ?");
    const avis = new URL(/https?:\/\/\S+\/avis\/[A-Za-z0-9_-]{43}/.exec(mail.parsed.text ?? "")![0]).pathname;
    const requester = await (await browser.newContext({ baseURL })).newPage();
    await requester.goto(avis);
    await expect(requester.getByRole("heading", { level: 1 })).toHaveText("Votre avis");
    await expect(requester.getByTestId("satisfaction-form")).toContainText(`Êtes-vous satisfait de la réponse à votre demande ${number} ?`);
    await expectAccessible(requester);
    // No choice made: refused at the question, the comment kept.
    const comment = `Réponse claire, mais trois jours d'attente pour un compte bloqué ${tag}.`;
    await requester.getByLabel("Un commentaire ? (facultatif)").fill(comment);
    await requester.getByRole("button", { name: "Envoyer mon avis" }).click();
    await expect(requester.locator("#avis-satisfied-error")).toBeVisible();
    await expect(requester.getByLabel("Un commentaire ? (facultatif)")).toHaveValue(comment);
    await requester.getByLabel("Non, pas satisfait").check();
    await requester.getByRole("button", { name: "Envoyer mon avis" }).click();
    await expect(requester.getByTestId("satisfaction-thanks")).toBeVisible();
    // The link does not serve twice.
    await requester.goto(avis);
    await expect(requester.getByTestId("satisfaction-answered")).toContainText("déjà répondu");
    await expect(requester.getByTestId("satisfaction-form")).toHaveCount(0);
    await requester.context().close();
    const manager = await (await browser.newContext({ baseURL })).newPage();
    await signInToSpace(manager, "gestionnaire@cspq.exemple.qc.ca");
    await manager.goto("/gestion/tableau-de-bord/ca-dotation?period=month");
    const row = manager.getByTestId("section-satisfaction-comments").getByRole("row", { name: new RegExp(number) });
    await expect(row).toContainText("Pas satisfait");
    await expect(row).toContainText(comment);
    await expect(manager.getByTestId("section-satisfaction")).toContainText("Agent");
    await expectAccessible(manager);
    await manager.context().close();
  } finally {
    await sink.close();
  }
});

test("a communiqué's e-mail copy is in the language its reader chose, with its file, number and fingerprint", async ({ browser, baseURL }) => {
  const sink = await startSink(Number(process.env.E2E_SMTP_SINK_PORT));
  const reader = await (await browser.newContext({ baseURL })).newPage();
  try {
    const tag = Date.now().toString(36);
    // Julie wants her e-mails in English.
    await signInToSpace(reader, "sagir@mfq.exemple.qc.ca");
    await reader.getByRole("combobox", { name: "Langue de vos courriels" }).selectOption("en");
    await reader.getByTestId("space-communiques").getByRole("button", { name: "Enregistrer" }).click();
    await expect(reader.getByTestId("space-communiques").getByTestId("form-notice")).toHaveText("Langue enregistrée.");

    const agent = await (await browser.newContext({ baseURL })).newPage();
    await signInToSpace(agent, "agent.sagir@cspq.exemple.qc.ca");
    await agent.goto("/communiques/nouveau?service=sagir");
    await agent.getByLabel("Titre (français)").fill(`Clôture de fin d'année ${tag}`);
    await agent.getByLabel("Texte (français)").fill("La clôture débute le 15 décembre.");
    await agent.getByLabel("Titre (anglais)").fill(`Year-end closing ${tag}`);
    await agent.getByLabel("Texte (anglais)").fill("Closing starts on December 15.\n\n<b>not bold</b>");
    await agent.getByLabel("Organisations", { exact: true }).selectOption("adhered");
    await agent.locator("input[type=file]").setInputFiles({ name: "calendrier.pdf", mimeType: "application/pdf", buffer: PDF });
    await agent.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expect(agent).toHaveURL(/\/communiques\/[0-9a-f-]{36}$/);
    await agent.getByRole("button", { name: "Envoyer", exact: true }).click();
    await agent.getByRole("button", { name: "Confirmer" }).click();
    await expect(agent.getByTestId("done-notice")).toBeVisible();
    const number = (await agent.getByTestId("communique-number").textContent())!;
    const fingerprint = (await agent.getByTestId("fingerprint").getAttribute("data-value"))!;

    await expect(async () => {
      expect((await agent.request.post("/api/test/notification-cycle")).status()).toBe(200);
      expect(sink.messages.filter((m) => m.envelopeTo.includes("sagir@mfq.exemple.qc.ca") && m.parsed.subject?.includes(tag))).toHaveLength(1);
    }).toPass({ timeout: 30_000 });
    const mail = sink.messages.find((m) => m.envelopeTo.includes("sagir@mfq.exemple.qc.ca") && m.parsed.subject?.includes(tag))!;
    expect(mail.parsed.subject).toBe(`[${number}] Year-end closing ${tag}`);
    expect(mail.parsed.headers.get("x-guichet-communique")).toBe(number);
    expect(mail.parsed.text).toContain("DGGIR communiqué, forwarded by the Centre d'assistance SAGIR");
    expect(mail.parsed.text).toContain("Closing starts on December 15.");
    expect(mail.parsed.text).toContain(fingerprint);
    // The author's tags are their text: shown as written in the HTML part, never markup.
    expect(mail.parsed.html).toContain("&lt;b&gt;not bold&lt;/b&gt;");
    expect(mail.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([["calendrier.pdf", "application/pdf"]]);
    expect(mail.parsed.attachments[0]!.content.equals(PDF)).toBe(true);
    await agent.reload();
    await expect(agent.getByTestId("figure-emailsSent")).not.toHaveText("0");
    await agent.context().close();
  } finally {
    // Julie's e-mails back in French, for whoever reads them next.
    await reader.goto("/espace");
    await reader.getByRole("combobox", { name: "Langue de vos courriels" }).selectOption("fr");
    await reader.getByTestId("space-communiques").getByRole("button", { name: "Enregistrer" }).click();
    await expect(reader.getByTestId("space-communiques").getByTestId("form-notice")).toHaveText("Langue enregistrée.");
    await reader.context().close();
    await sink.close();
  }
});
