// Guides and satisfaction on the real database: versions kept (service and SQL), publication and
// archiving by a manager only, audited; French full-text search with typos (pg_trgm) and highlighted
// excerpts; suggestions of an audience; an author's script never rendered; a private article "not
// found" to the public; citations from replies; a draft proposed from an answer without personal
// information; the satisfaction question asked once at resolution (a single-use link in the
// e-mail), answered once, figured on the dashboard, its comment erased with the request's data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZReplyInput } from "../../src/schemas/console";
import { ZGuideArticleInput, ZSatisfactionAnswer } from "../../src/schemas/guides";
import { ZCandidateInquiryInput } from "../../src/schemas/inquiry";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { eraseRequest } from "../../src/server/repositories/retention-repository";
import { createCandidateInquiry } from "../../src/server/services/create-candidate-inquiry";
import { readDashboard, readQuarterSatisfaction } from "../../src/server/services/dashboard";
import {
  archiveGuide,
  listDeskArticles,
  proposeGuideFromMessage,
  publishGuide,
  readDeskArticle,
  readGuide,
  readGuideAttachment,
  recordGuideEvents,
  saveGuideVersion,
  searchGuides,
  suggestGuides,
} from "../../src/server/services/guides";
import { changeRequestStatus, replyToRequest } from "../../src/server/services/handle-request";
import { answerSatisfaction, readSatisfaction } from "../../src/server/services/satisfaction";
import { exportPerson } from "../../src/server/services/person-data";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
// Monday 23 November 2026, 10:00 in Québec.
const monday10 = new Date("2026-11-23T15:00:00Z");
const minutes = (n: number) => new Date(monday10.getTime() + n * 60_000);
const as = (email: string) => currentUserFor(db, email);
const agent = () => as("agent.dotation@cspq.exemple.qc.ca");
const manager = () => as("gestionnaire@cspq.exemple.qc.ca");
const article = (values: Record<string, unknown>) =>
  parseInput(ZGuideArticleInput, { audience: "ca-dotation/candidate", category: "Mon compte", titleFr: "Mot de passe oublié", bodyFr: "Pour choisir un nouveau **mot de passe**, ouvrez la page de connexion et suivez le lien « Mot de passe oublié ».", ...values });

async function published(values: Record<string, unknown>): Promise<string> {
  const { articleId, version } = await saveGuideVersion({ user: await agent(), input: article(values), now: minutes(0) });
  await publishGuide({ user: await manager(), articleId, version, now: minutes(1) });
  return articleId;
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, monday10);
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("guides: writing, versions and publication", () => {
  it("keeps each save as a version; only a manager's publication changes what readers see; each step audited", async () => {
    const { articleId, version } = await saveGuideVersion({ user: await agent(), input: article({ titleFr: "Délai d'affichage des offres" , bodyFr: "Une offre d'emploi est affichée au moins dix jours ouvrables." }), now: minutes(0) });
    expect(version).toBe(1);
    const { slug } = await db.guideArticle.findUniqueOrThrow({ where: { id: articleId } });
    expect(slug).toBe("delai-d-affichage-des-offres");
    await expect(readGuide({ user: null, slug, locale: "fr" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An agent writes; only a manager publishes.
    await expect(publishGuide({ user: await agent(), articleId, version: 1, now: minutes(1) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await publishGuide({ user: await manager(), articleId, version: 1, now: minutes(2) });
    expect((await readGuide({ user: null, slug, locale: "fr" })).html).toContain("dix jours ouvrables");
    // A second version is a draft until published: readers still see the first.
    const second = await saveGuideVersion({ user: await agent(), input: article({ articleId, titleFr: "Délai d'affichage des offres", bodyFr: "Une offre d'emploi est affichée au moins quinze jours ouvrables." }), now: minutes(3) });
    expect(second.version).toBe(2);
    expect((await readGuide({ user: null, slug, locale: "fr" })).html).toContain("dix jours");
    await publishGuide({ user: await manager(), articleId, version: 2, now: minutes(4) });
    const shown = await readGuide({ user: null, slug, locale: "fr" });
    expect(shown.html).toContain("quinze jours");
    expect(shown.publishedAt).toEqual(minutes(4));
    const detail = await readDeskArticle({ user: await agent(), articleId, now: minutes(5) });
    const agentName = (await agent()).name;
    expect(detail.versions.map((v) => [v.number, v.authorName, v.publishedByName])).toEqual([[2, agentName, (await manager()).name], [1, agentName, (await manager()).name]]);
    const actions = (await db.auditEntry.findMany({ where: { action: { startsWith: "guide_" } }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["guide_version_saved", "guide_published", "guide_version_saved", "guide_published"]);
  });

  it("never changes a saved version, at the database too", async () => {
    const { articleId } = await saveGuideVersion({ user: await agent(), input: article({ titleFr: "Version gardée", bodyFr: "Ce texte est la première version et ne doit jamais changer." }), now: minutes(0) });
    await expect(db.guideArticleVersion.update({ where: { articleId_number: { articleId, number: 1 } }, data: { bodyFr: "Texte remplacé en douce, sans nouvelle version." } })).rejects.toThrow(/never changed/);
  });

  it("renders an author's Markdown without any of their HTML: a script is neither rendered nor executable, a javascript: link is refused", async () => {
    const articleId = await published({ titleFr: "Article piégé", bodyFr: 'Bonjour <script>alert("x")</script> <img src=x onerror=alert(1)> [clic](javascript:alert(1)) et [site](https://www.quebec.ca).' });
    const { slug } = await db.guideArticle.findUniqueOrThrow({ where: { id: articleId } });
    const { html } = await readGuide({ user: null, slug, locale: "fr" });
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('href="https://www.quebec.ca" rel="noopener noreferrer nofollow"');
  });

  it("is its service's writers' only: another service's agent, a requester and the public get « not found »", async () => {
    for (const email of ["agent.sagir@cspq.exemple.qc.ca", "specialiste@mfq.exemple.qc.ca"]) {
      await expect(saveGuideVersion({ user: await as(email), input: article({ titleFr: "Intrusion" }), now: minutes(0) })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listDeskArticles({ user: await as(email), serviceId: "ca-dotation", now: minutes(0) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(saveGuideVersion({ user: null, input: article({}), now: minutes(0) })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("guides: search, suggestions and readers", () => {
  it("finds the password article in French, accents and typos tolerated, with the matched words marked", async () => {
    await published({});
    const hits = await searchGuides({ user: null, query: "mot de passe oublie", locale: "fr" });
    expect(hits[0]?.title).toBe("Mot de passe oublié");
    expect(hits[0]?.excerpt).toMatch(/\u0002passe\u0003/);
    // « mot de pase »: no French word matches, the trigrams do.
    expect((await searchGuides({ user: null, query: "mot de pase", locale: "fr" }))[0]?.title).toBe("Mot de passe oublié");
    expect(await searchGuides({ user: null, query: "hippopotame", locale: "fr" })).toEqual([]);
    // A typo among several words: no article has them all, the one with most of them comes first.
    expect((await searchGuides({ user: null, query: "mot de pase oublié portail", locale: "fr" }))[0]?.title).toBe("Mot de passe oublié");
  });

  it("suggests up to three articles of the request's audience, any word of a sentence; counts what readers do", async () => {
    const found = await suggestGuides({ user: null, audience: { serviceId: "ca-dotation", audienceId: "candidate" }, subject: "J'ai oublié mon mot de passe du portail", locale: "fr" });
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    expect(found[0]!.title).toBe("Mot de passe oublié");
    // Another audience's suggestions need a reader who may read them.
    expect(await suggestGuides({ user: null, audience: { serviceId: "sagir", audienceId: "sagir-user" }, subject: "mot de passe", locale: "fr" })).toEqual([]);
    await recordGuideEvents({ articleIds: [found[0]!.id], kind: "suggested", now: minutes(10) });
    await recordGuideEvents({ articleIds: [found[0]!.id], kind: "answered", now: minutes(11) });
    const row = (await listDeskArticles({ user: await manager(), serviceId: "ca-dotation", now: minutes(12) })).find((a) => a.id === found[0]!.id)!;
    expect(row.counts).toEqual({ suggested: 1, opened: 0, answered: 1 });
  });

  it("keeps an MO specialists' article from the public and from SAGIR users, not from specialists", async () => {
    const articleId = await published({ audience: "ca-dotation/mo-specialist", titleFr: "Créer un processus de qualification", bodyFr: "Le processus de qualification se crée dans le système de dotation en ligne, onglet Processus." });
    const { slug } = await db.guideArticle.findUniqueOrThrow({ where: { id: articleId } });
    await expect(readGuide({ user: null, slug, locale: "fr" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readGuide({ user: await as("sagir@mfq.exemple.qc.ca"), slug, locale: "fr" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await readGuide({ user: await as("specialiste@mfq.exemple.qc.ca"), slug, locale: "fr" })).title).toBe("Créer un processus de qualification");
    expect(await searchGuides({ user: null, query: "processus de qualification", locale: "fr" })).toEqual([]);
  });

  it("takes an archived article out of the guides, the search and the suggestions; its events are refused", async () => {
    const articleId = await published({ titleFr: "Consulter ses candidatures", bodyFr: "Vos candidatures se consultent dans votre dossier du portail Carrières, section Mes candidatures." });
    expect((await searchGuides({ user: null, query: "candidatures", locale: "fr" })).map((h) => h.id)).toContain(articleId);
    await expect(archiveGuide({ user: await agent(), articleId, now: minutes(20) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await archiveGuide({ user: await manager(), articleId, now: minutes(20) });
    expect((await searchGuides({ user: null, query: "candidatures", locale: "fr" })).map((h) => h.id)).not.toContain(articleId);
    expect((await suggestGuides({ user: null, audience: { serviceId: "ca-dotation", audienceId: "candidate" }, subject: "mes candidatures", locale: "fr" })).map((h) => h.id)).not.toContain(articleId);
    await expect(recordGuideEvents({ articleIds: [articleId], kind: "opened", now: minutes(21) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEntry.count({ where: { action: "guide_archived" } })).toBe(1);
  });
});

describe("guides in replies, and satisfaction", () => {
  let number: string;
  const version = async () => (await db.request.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;

  beforeAll(async () => {
    const input = ZCandidateInquiryInput.parse({ name: "Geneviève Tremblay", email: "genevieve@exemple.ca", subject: "Mot de passe perdu", topic: "online-systems", message: "Je ne peux plus entrer dans mon dossier." });
    number = (await createCandidateInquiry({ input, receivedAt: minutes(30) })).number;
  });

  it("records the article a reply cites by its address, shown on the article", async () => {
    const { id, slug } = await db.guideArticle.findFirstOrThrow({ where: { titleFr: "Mot de passe oublié", status: "published" } });
    const body = `Bonjour Geneviève Tremblay, voyez notre guide : http://localhost:3000/guides/${slug} ou écrivez à genevieve@exemple.ca, 418 555-1234.`;
    await replyToRequest({ user: await agent(), number, now: minutes(40), input: ZReplyInput.parse({ kind: "answer", body, expectedVersion: await version() }) });
    const detail = await readDeskArticle({ user: await agent(), articleId: id, now: minutes(41) });
    expect(detail.citedBy.map((c) => c.number)).toEqual([number]);
  });

  it("proposes a draft from an answer without the requester's name, address or telephone", async () => {
    const message = await db.message.findFirstOrThrow({ where: { request: { number }, authorKind: "agent", replyKind: "answer" } });
    const { articleId } = await proposeGuideFromMessage({ user: await agent(), number, messageId: message.id, now: minutes(42) });
    const draft = await readDeskArticle({ user: await agent(), articleId, now: minutes(43) });
    expect(draft.status).toBe("draft");
    expect(draft.last.bodyFr).not.toMatch(/Geneviève|Tremblay|genevieve@|555-1234/);
    expect(draft.last.bodyFr).toMatch(/^Bonjour, voyez notre guide/);
    expect(await db.auditEntry.count({ where: { action: "guide_proposed", request: { number } } })).toBe(1);
    // Another service's agent cannot.
    await expect(proposeGuideFromMessage({ user: await as("agent.sagir@cspq.exemple.qc.ca"), number, messageId: message.id, now: minutes(42) })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks once at resolution, by a single-use link in the e-mail; answered once; on the dashboard; the comment erased with the request's data", async () => {
    await changeRequestStatus({ user: await agent(), number, expectedVersion: await version(), now: minutes(50), status: "resolved" });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { request: { number }, kind: "resolved" } });
    const token = /\/avis\/([A-Za-z0-9_-]{43})/.exec(mail.body)?.[1];
    expect(token).toBeDefined();
    expect((await readSatisfaction({ link: token! })).state).toEqual({ asked: true, answered: false });
    // Reopened and resolved again: not asked a second time.
    await changeRequestStatus({ user: await agent(), number, expectedVersion: await version(), now: minutes(51), status: "in_progress" });
    await changeRequestStatus({ user: await agent(), number, expectedVersion: await version(), now: minutes(52), status: "resolved" });
    expect(await db.requestSatisfaction.count({ where: { request: { number } } })).toBe(1);
    const second = await db.emailOutbox.findMany({ where: { request: { number }, kind: "resolved" }, orderBy: { id: "asc" } });
    expect(second.at(-1)!.body).not.toContain("/avis/");

    const answer = parseInput(ZSatisfactionAnswer, { satisfied: "no", comment: "La réponse est arrivée, mais trop tard pour ma candidature." });
    await answerSatisfaction({ key: { link: token! }, input: answer, now: minutes(60) });
    await expect(answerSatisfaction({ key: { link: token! }, input: parseInput(ZSatisfactionAnswer, { satisfied: "yes" }), now: minutes(61) })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(answerSatisfaction({ key: { link: "x".repeat(43) }, input: answer, now: minutes(61) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(() => parseInput(ZSatisfactionAnswer, { comment: "sans choix" })).toThrow(expect.objectContaining({ fields: { satisfied: expect.objectContaining({ fr: expect.stringContaining("satisfait") }) } }));

    const dashboard = await readDashboard({ user: await manager(), serviceId: "ca-dotation", query: { period: "month", date: "2026-11-01", from: undefined, to: undefined, audience: undefined, channel: undefined }, now: minutes(70) });
    expect(dashboard.satisfaction.overall).toMatchObject({ asked: 1, answered: 1, satisfied: 0, unsatisfied: 1, shareSatisfied: 0 });
    expect(dashboard.satisfaction.byAgent).toEqual([expect.objectContaining({ name: (await agent()).name, unsatisfied: 1 })]);
    expect(dashboard.satisfaction.comments).toEqual([expect.objectContaining({ number, satisfied: false, comment: "La réponse est arrivée, mais trop tard pour ma candidature." })]);
    expect(dashboard.guides.find((g) => g.title === "Mot de passe oublié")).toMatchObject({ suggested: 1, answered: 1 });
    const quarter = await readQuarterSatisfaction({ user: await manager(), serviceId: "ca-dotation", year: 2026, month: 11 });
    expect(quarter.quarter).toMatchObject({ quarter: 3, fiscalYear: 2026, first: { month: 10 }, last: { month: 12 } });
    expect(quarter.figures.overall.answered).toBe(1);
    await expect(readQuarterSatisfaction({ user: await agent(), serviceId: "ca-dotation", year: 2026, month: 11 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A person's access request (Loi 25) includes their answer.
    const exported = await exportPerson({ user: await as("admin@cspq.exemple.qc.ca"), email: "genevieve@exemple.ca", now: minutes(75) });
    expect(exported.requests.find((r) => r.number === number)?.satisfaction).toMatchObject({ satisfied: false, comment: "La réponse est arrivée, mais trop tard pour ma candidature." });
    const { id } = await db.request.findUniqueOrThrow({ where: { number } });
    expect(await db.$transaction((tx) => eraseRequest(tx, id, "retention", null, minutes(80)))).toBe(true);
    expect(await db.requestSatisfaction.findUniqueOrThrow({ where: { requestId: id } })).toMatchObject({ satisfied: false, comment: null });
  });
});

describe("guides: files", () => {
  const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const file = (filename: string) => ({ filename, contentType: "application/pdf", content: PDF, sha256: "0".repeat(64) });

  it("keeps each version's files: readers get the published version's, writers any version's, others nothing", async () => {
    const { articleId } = await saveGuideVersion({ user: await agent(), input: article({ titleFr: "Formulaire d'accès", bodyFr: "Le formulaire d'accès est joint : remplissez-le et joignez-le à votre requête." }), now: minutes(0), files: [file("acces-v1.pdf")] });
    await publishGuide({ user: await manager(), articleId, version: 1, now: minutes(1) });
    const { slug } = await db.guideArticle.findUniqueOrThrow({ where: { id: articleId } });
    const first = (await readGuide({ user: null, slug, locale: "fr" })).files;
    expect(first.map((f) => f.filename)).toEqual(["acces-v1.pdf"]);
    expect((await readGuideAttachment({ user: null, id: first[0]!.id })).content.equals(PDF)).toBe(true);
    // Version 2 replaces the file; until it is published, readers keep version 1's.
    await saveGuideVersion({ user: await agent(), input: article({ articleId, titleFr: "Formulaire d'accès", bodyFr: "Le nouveau formulaire d'accès est joint : remplissez-le et joignez-le." }), now: minutes(2), files: [file("acces-v2.pdf")], removeAttachmentIds: [first[0]!.id] });
    expect((await readGuide({ user: null, slug, locale: "fr" })).files.map((f) => f.filename)).toEqual(["acces-v1.pdf"]);
    const draftFile = (await readDeskArticle({ user: await agent(), articleId, now: minutes(3) })).files;
    expect(draftFile.map((f) => f.filename)).toEqual(["acces-v2.pdf"]);
    await expect(readGuideAttachment({ user: null, id: draftFile[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await readGuideAttachment({ user: await agent(), id: draftFile[0]!.id })).filename).toBe("acces-v2.pdf");
    await publishGuide({ user: await manager(), articleId, version: 2, now: minutes(4) });
    expect((await readGuide({ user: null, slug, locale: "fr" })).files.map((f) => f.filename)).toEqual(["acces-v2.pdf"]);
    await expect(readGuideAttachment({ user: null, id: first[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readGuideAttachment({ user: await as("agent.sagir@cspq.exemple.qc.ca"), id: first[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
