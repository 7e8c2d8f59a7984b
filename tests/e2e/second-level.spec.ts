// Second level, quality review and the managers' side, in Chromium: a manager adds a second-level
// contact; a SAGIR agent forwards a request to them by e-mail (captured by the SMTP sink, without
// the requester's address) and sees it « en attente du second niveau » in the queue; the contact's
// reply by e-mail comes back into the thread as internal and ends the wait; the agent's resolution
// waits for review; a second agent returns it with a comment, then approves the new one, which goes
// out; the manager reads the request read-only and the dashboard's counts; the daily digest goes
// out at the opening (a fixed clock). What the app sends is read from its outbox (the Message-ID is
// fixed when a message is queued): the SMTP sink's port is email.spec.ts's, run in parallel.
import { expect, test, expectAccessible, expectNoHorizontalScroll, setNow, signInToSpace, sql } from "./support";
import { sendTo } from "../support/smtp";

test.describe.configure({ timeout: 180_000 });


test("forward to the second level, its answer by e-mail, the review of the resolution, and the manager's read-only view", async ({ browser }) => {
  const tag = Date.now().toString(36);
  const contactEmail = `pilotes.${tag}@dggir.exemple.qc.ca`;
  const reviewerEmail = `revision.${tag}@cspq.exemple.qc.ca`;
  // A second SAGIR agent (the demo has one), with the demo password.
  await sql(
    `INSERT INTO app_user (id, email, name, password_hash, role) SELECT gen_random_uuid(), $1, 'Lucie Gagnon', password_hash, 'agent' FROM app_user WHERE email = 'agent.sagir@cspq.exemple.qc.ca'`,
    [reviewerEmail],
  );
  await sql(`INSERT INTO user_service (user_id, service_id) SELECT id, 'sagir' FROM app_user WHERE email = $1`, [reviewerEmail]);
  {
    // The manager adds the contact.
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInToSpace(manager, "gestionnaire@cspq.exemple.qc.ca");
    await manager.getByTestId("second-level-link").click();
    await manager.goto("/gestion/second-niveau/sagir");
    await expect(manager.getByRole("heading", { level: 1 })).toContainText("Second niveau et révision — ");
    const add = manager.getByRole("form", { name: "Ajouter un intervenant" });
    await add.getByLabel("Nom").fill(`Pilotes DGGIR ${tag}`);
    await add.getByLabel("Adresse courriel").fill("pas une adresse");
    await add.getByRole("button", { name: "Ajouter" }).click();
    await expect(add.getByLabel("Adresse courriel")).toHaveAttribute("aria-invalid", "true");
    await expect(add.getByLabel("Nom")).toHaveValue(`Pilotes DGGIR ${tag}`);
    await add.getByLabel("Adresse courriel").fill(contactEmail);
    await add.getByLabel(/^Rôle/).fill("Paie et avantages sociaux");
    await add.getByRole("button", { name: "Ajouter" }).click();
    await expect(manager.getByTestId("contacts").locator(`input[type=email][value="${contactEmail}"]`)).toHaveCount(1);
    await expect(manager.getByLabel("Exiger la révision des réponses qui règlent une requête")).toBeChecked();
    await expectAccessible(manager);

    // The SAGIR user's request.
    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    await signInToSpace(user, "sagir@mfq.exemple.qc.ca");
    const created = await user.request.post("/api/v1/requests", {
      data: { form: "sagir", type: "specialised", domain: "RF", subject: `Segment comptable ${tag}`, description: "Quel segment comptable utiliser pour ce projet ?" },
    });
    expect(created.status()).toBe(201);
    const { number } = await created.json();

    // The agent forwards it.
    const agentContext = await browser.newContext();
    const page = await agentContext.newPage();
    await signInToSpace(page, "agent.sagir@cspq.exemple.qc.ca");
    await page.goto(`/console/requetes/${number}`);
    await page.getByRole("button", { name: "Prendre en charge" }).click();
    await expect(page.getByTestId("assignee")).toContainText("(moi)");
    const forward = page.getByRole("region", { name: "Second niveau" });
    await forward.getByLabel(/^Intervenant/).selectOption({ label: `Pilotes DGGIR ${tag} — Paie et avantages sociaux` });
    await forward.getByLabel("Note à l'intervenant").fill("Pouvez-vous confirmer le segment comptable du projet ?");
    await expect(forward.getByLabel("Date de relance")).not.toHaveValue("");
    await forward.getByRole("button", { name: "Faire suivre au second niveau" }).click();
    await expect(page.getByTestId("second-level-badge")).toHaveText("En attente du second niveau");
    await expect(page.getByTestId("second-level-waiting")).toContainText(`Transmise à Pilotes DGGIR ${tag}`);
    await expect(page.getByTestId("thread").locator("li").last()).toContainText("Transmise au second niveau (interne)");
    await expectAccessible(page);

    // The queue shows the wait and filters on it.
    await page.goto("/console/sagir?waiting=second-level");
    const row = page.getByTestId("queue").locator("tr", { hasText: number });
    await expect(row.getByTestId("second-level")).toHaveText("2e niveau");
    // On a wide screen the request opens beside the same view of the queue (not below 1536 px).
    await page.setViewportSize({ width: 1600, height: 900 });
    await row.getByRole("link", { name: number }).click();
    await expect(page).toHaveURL(new RegExp(`/console/requetes/${number}\\?.*waiting=second-level`));
    const beside = page.getByTestId("queue-beside");
    await expect(beside).toBeVisible();
    await expect(beside.locator("a[aria-current=page]")).toContainText(number);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(beside).toBeHidden();

    // The forward is queued for the contact (its address read at sending); the contact answers it.
    const [mail] = await sql<{ subject: string; body: string; message_id: string; email: string }>(
      `SELECT o.subject, o.body, o.message_id, c.email FROM email_outbox o JOIN external_contact c ON c.id = o.contact_id JOIN request r ON r.id = o.request_id WHERE r.number = $1 AND o.kind = 'second_level'`,
      [number],
    );
    expect(mail!.email).toBe(contactEmail);
    expect(mail!.subject).toContain(`[${number}] Demande de suivi`);
    expect(mail!.body).toContain("Pouvez-vous confirmer le segment comptable du projet ?");
    expect(mail!.body).not.toContain("sagir@mfq");
    const back = await sendTo(Number(process.env.E2E_SMTP_PORT), {
      from: contactEmail,
      to: "dgsoa@cspq.gouv.qc.ca",
      subject: `RE: ${mail!.subject}`,
      text: "Utilisez le segment 4200 pour ce projet.",
      inReplyTo: mail!.message_id,
      references: [mail!.message_id],
    });
    expect(back.ok).toBe(true);
    await page.goto(`/console/requetes/${number}`);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("thread").locator("li").last()).toContainText("Utilisez le segment 4200", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("thread").locator("li").last()).toContainText("Réponse du second niveau, par courriel (interne)");
    await expect(page.getByTestId("second-level-badge")).toHaveCount(0);

    // The resolution waits for review.
    await page.getByLabel("Message").fill("Utilisez le segment comptable 4200 pour ce projet.");
    await page.getByLabel("Après l'envoi").selectOption("resolved");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.getByTestId("form-notice").filter({ hasText: "Réponse soumise à la révision" })).toHaveCount(1);
    await expect(page.getByTestId("review-badge")).toHaveText("Réponse à réviser");
    await expect(page.getByRole("region", { name: "Révision de la réponse" })).toContainText("Un autre agent du service doit réviser cette réponse.");
    await expect(page.getByTestId("status")).toHaveText("En traitement");

    // The second agent returns it with a comment.
    const reviewerContext = await browser.newContext();
    const reviewer = await reviewerContext.newPage();
    await signInToSpace(reviewer, reviewerEmail);
    await reviewer.goto("/console/sagir?waiting=review");
    await expect(reviewer.getByTestId("queue").locator("tr", { hasText: number }).getByTestId("review-pending")).toHaveText("À réviser");
    await reviewer.goto(`/console/requetes/${number}`);
    const review = reviewer.getByRole("region", { name: "Révision de la réponse" });
    await review.getByRole("button", { name: "Retourner à l'auteur" }).click();
    await expect(review.getByLabel(/^Commentaire/)).toHaveAttribute("aria-invalid", "true");
    await review.getByLabel(/^Commentaire/).fill("Précisez l'exercice financier visé.");
    await review.getByRole("button", { name: "Retourner à l'auteur" }).click();
    await expect(reviewer.getByTestId("review-comment")).toContainText("Précisez l'exercice financier visé.");
    await expectAccessible(reviewer);

    // The author writes again; the reviewer approves: it goes out, the request is resolved.
    await page.reload();
    await expect(page.getByTestId("review-comment")).toContainText("Retournée par Lucie Gagnon");
    await page.getByLabel("Message").fill("Utilisez le segment comptable 4200 pour l'exercice 2026-2027.");
    await page.getByLabel("Après l'envoi").selectOption("resolved");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.getByTestId("review-badge")).toBeVisible();
    await reviewer.reload();
    await reviewer.getByRole("region", { name: "Révision de la réponse" }).getByRole("button", { name: "Approuver et envoyer" }).click();
    await expect(reviewer.getByTestId("status")).toHaveText("Réglée");
    await expect(reviewer.getByTestId("thread").locator("li[data-visibility=public]").last()).toContainText("l'exercice 2026-2027");

    // The manager reads it, and acts on nothing.
    await manager.goto(`/gestion/requetes/${number}`);
    await expect(manager.getByTestId("read-only")).toContainText("Lecture seule");
    await expect(manager.getByTestId("thread")).toContainText("Utilisez le segment 4200");
    await expect(manager.getByRole("button", { name: "Prendre en charge" })).toHaveCount(0);
    await expectAccessible(manager);
    await manager.goto("/gestion/tableau-de-bord/sagir");
    await expect(manager.getByTestId("section-second-level")).toBeVisible();
    await expect(manager.getByTestId("table-reviews")).toBeVisible();
    await manager.setViewportSize({ width: 390, height: 800 });
    await manager.goto(`/gestion/second-niveau/sagir`);
    await expectNoHorizontalScroll(manager);
    for (const c of [managerContext, userContext, agentContext, reviewerContext]) await c.close();
  }
});

test("the managers' daily digest goes out at the opening, once a day", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Monday 4 October 2027: 8:29 (closed), then 8:30 in Québec. (A day no other test uses.)
  await setNow(context, baseURL!, "2027-10-04T12:29:00.000Z");
  expect((await (await page.request.post("/api/test/notification-cycle")).json()).digests).toBe(0);
  await setNow(context, baseURL!, "2027-10-04T12:30:00.000Z");
  expect((await (await page.request.post("/api/test/notification-cycle")).json()).digests).toBe(2);
  expect((await (await page.request.post("/api/test/notification-cycle")).json()).digests).toBe(0);
  const digests = await sql<{ subject: string; body: string }>(
    `SELECT o.subject, o.body FROM email_outbox o JOIN app_user u ON u.id = o.user_id WHERE o.kind = 'digest' AND u.email = 'gestionnaire@cspq.exemple.qc.ca' AND o.created_at = $1`,
    ["2027-10-04T12:30:00.000Z"],
  );
  expect(digests).toHaveLength(2);
  for (const d of digests) {
    expect(d.subject).toContain("sommaire quotidien / daily digest");
    expect(d.body).toContain("Sommaire du lundi 4 octobre 2027");
    expect(d.body).toContain("Engagements dépassés depuis le sommaire précédent");
    expect(d.body).toContain("Digest of Monday, October 4, 2027");
  }
  await context.close();
});
