import "server-only";
// Guides: a knowledge base per centre and audience. The centre's agents and managers write
// articles in Markdown (each save a numbered version, never changed — a database trigger), a
// manager publishes a version or archives the article (each step audited). Readers find the
// published articles of the audiences they may read (candidates' articles are public), search them
// in French, and see up to three suggested while they type a new request's subject; what they did
// with a suggestion is counted (anonymously). An agent's public reply citing an article's address
// is recorded on the article; an agent may make a draft of an answer (personal information removed).
import { GUIDE_AUDIENCES, canReadAudience, citedSlugs, guidePlainText, isGuideAudience, readableAudiences, renderGuideMarkdown, slugOf, withoutPersonalInformation, type GuideAudience, type GuideEventKind, type GuideReader } from "@/domain/guides/guides";
import type { TGuideArticleInput } from "@/schemas/guides";
import { isAgentOf, isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb, type Db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { forgetPublicPages } from "@/server/http/page-cache";
import { appendAudit } from "@/server/repositories/audit-repository";
import { countGuideEvents, searchGuideArticles, type GuideHitRow } from "@/server/repositories/guide-repository";
import type { Tx } from "@/server/repositories/request-repository";
import type { CheckedFile } from "@/server/storage/attachment-store";
import type { AttachmentFile } from "@/server/services/read-attachment";

export type GuideFile = { id: string; filename: string; size: number };

/** The files of an article's version (those added up to it and not removed before it). */
async function filesOfVersion(db: Db | Tx, articleId: string, version: number): Promise<GuideFile[]> {
  return db.guideAttachment.findMany({
    where: { articleId, firstVersion: { lte: version }, OR: [{ lastVersion: null }, { lastVersion: { gte: version } }] },
    select: { id: true, filename: true, size: true },
    orderBy: [{ createdAt: "asc" }, { filename: "asc" }],
  });
}

/** How many articles are suggested while someone types a request's subject. */
export const MAX_SUGGESTIONS = 3;
/** How many results a search shows. */
export const MAX_SEARCH_RESULTS = 20;
/** The counters of the desk and the dashboard: the last 90 days. */
export const GUIDE_COUNTER_DAYS = 90;

export function guideReaderOf(user: CurrentUser | null): GuideReader {
  return user ? { role: user.role, services: user.services } : null;
}

/** Whether the person writes a service's guides: its agents and managers (the admin, every service's). */
export function writesGuidesOf(user: CurrentUser | null, serviceId: string): user is CurrentUser {
  return isAgentOf(user, serviceId) || isManagerOf(user, serviceId);
}

/** The services whose guides a person writes (the desk's tabs). */
export function guideDeskServices(user: CurrentUser | null): string[] {
  const services = [...new Set(GUIDE_AUDIENCES.map((a) => a.serviceId))];
  return services.filter((s) => writesGuidesOf(user, s));
}

function requireWriter(user: CurrentUser | null, serviceId: string): CurrentUser {
  if (!writesGuidesOf(user, serviceId)) throw new AppError("NOT_FOUND", "not a writer of this service's guides");
  return user;
}

function requirePublisher(user: CurrentUser | null, serviceId: string): CurrentUser {
  if (!isManagerOf(user, serviceId)) {
    throw new AppError("FORBIDDEN", "only a manager publishes", {}, { localized: { fr: "Seul un gestionnaire du service publie ou archive un article.", en: "Only a manager of the service publishes or archives an article." } });
  }
  return user;
}

export type DeskArticle = {
  id: string;
  slug: string;
  serviceId: string;
  audienceId: string;
  status: string;
  category: string;
  title: string;
  lastVersion: number;
  lastSavedAt: Date;
  publishedVersion: number | null;
  publishedAt: Date | null;
  counts: { suggested: number; opened: number; answered: number };
  citations: number;
};

/** A service's articles as its writers see them: every status, the last version's title, the counters. */
export async function listDeskArticles({ user, serviceId, now }: { user: CurrentUser | null; serviceId: string; now: Date }): Promise<DeskArticle[]> {
  requireWriter(user, serviceId);
  return deskArticles({ serviceId }, now);
}

/** The desk's rows of the articles matching `where` (a service's, or one article). */
async function deskArticles(where: { serviceId: string } | { id: string }, now: Date): Promise<DeskArticle[]> {
  const db = getDb();
  const rows = await db.guideArticle.findMany({
    where,
    select: {
      id: true,
      slug: true,
      serviceId: true,
      audienceId: true,
      status: true,
      publishedVersion: true,
      publishedAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, titleFr: true, category: true, createdAt: true } },
      _count: { select: { citations: true } },
    },
    orderBy: [{ createdAt: "desc" }],
  });
  const counts = await countGuideEvents(db, rows.map((r) => r.id), new Date(now.getTime() - GUIDE_COUNTER_DAYS * 86_400_000));
  return rows
    .map((r) => {
      const last = r.versions[0]!;
      return {
        id: r.id,
        slug: r.slug,
        serviceId: r.serviceId,
        audienceId: r.audienceId,
        status: r.status,
        category: last.category,
        title: last.titleFr,
        lastVersion: last.number,
        lastSavedAt: last.createdAt,
        publishedVersion: r.publishedVersion,
        publishedAt: r.publishedAt,
        counts: counts.get(r.id) ?? { suggested: 0, opened: 0, answered: 0 },
        citations: r._count.citations,
      };
    })
    .sort((a, b) => a.category.localeCompare(b.category, "fr") || a.title.localeCompare(b.title, "fr"));
}

export type DeskArticleDetail = DeskArticle & {
  /** The last version's files. */
  files: GuideFile[];
  versions: { number: number; authorName: string | null; createdAt: Date; publishedAt: Date | null; publishedByName: string | null }[];
  last: { category: string; titleFr: string; titleEn: string; bodyFr: string; bodyEn: string };
  citedBy: { number: string; citedAt: Date }[];
};

/** One article for its writers: every version, the last one's texts, the requests whose replies cited it. */
export async function readDeskArticle({ user, articleId, now }: { user: CurrentUser | null; articleId: string; now: Date }): Promise<DeskArticleDetail> {
  const db = getDb();
  const article = await db.guideArticle.findUnique({ where: { id: articleId }, select: { serviceId: true } }).catch(() => null);
  if (!article) throw new AppError("NOT_FOUND", "no such article");
  requireWriter(user, article.serviceId);
  const [summary, versions, citations] = await Promise.all([
    deskArticles({ id: articleId }, now).then(([one]) => one!),
    db.guideArticleVersion.findMany({ where: { articleId }, orderBy: { number: "desc" } }),
    db.guideCitation.findMany({ where: { articleId }, orderBy: { citedAt: "desc" }, take: 50, select: { citedAt: true, request: { select: { number: true } } } }),
  ]);
  const people = await db.user.findMany({ where: { id: { in: [...new Set(versions.flatMap((v) => [v.authorId, v.publishedById]).filter((id): id is string => id !== null))] } }, select: { id: true, name: true } });
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
  const last = versions[0]!;
  return {
    ...summary,
    files: await filesOfVersion(db, articleId, last.number),
    versions: versions.map((v) => ({ number: v.number, authorName: nameOf(v.authorId), createdAt: v.createdAt, publishedAt: v.publishedAt, publishedByName: nameOf(v.publishedById) })),
    last: { category: last.category, titleFr: last.titleFr, titleEn: last.titleEn, bodyFr: last.bodyFr, bodyEn: last.bodyEn },
    citedBy: citations.map((c) => ({ number: c.request.number, citedAt: c.citedAt })),
  };
}

async function uniqueSlug(db: Db | Tx, title: string): Promise<string> {
  const base = slugOf(title);
  const taken = new Set((await db.guideArticle.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Saves an article's text as its next version (a new article: version 1, a draft). What is
 * published does not change until a manager publishes a version. Returns the article and version.
 */
export async function saveGuideVersion({
  user,
  input,
  now,
  files = [],
  removeAttachmentIds = [],
}: {
  user: CurrentUser | null;
  input: TGuideArticleInput;
  now: Date;
  /** Files added with this version (checked: src/server/http/form-files.ts). */
  files?: readonly CheckedFile[];
  /** Files of the previous version this one no longer has. */
  removeAttachmentIds?: readonly string[];
}): Promise<{ articleId: string; version: number }> {
  return getDb().$transaction(async (tx) => {
    let articleId = input.articleId;
    let serviceId: string;
    let number = 1;
    if (articleId) {
      const article = await tx.guideArticle.findUnique({ where: { id: articleId }, select: { serviceId: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } } }).catch(() => null);
      if (!article) throw new AppError("NOT_FOUND", "no such article");
      serviceId = article.serviceId;
      requireWriter(user, serviceId);
      // A concurrent save of the same article fails on the version's primary key: nothing is lost, the writer saves again.
      number = (article.versions[0]?.number ?? 0) + 1;
    } else {
      const [service, audienceId] = (input.audience ?? "").split("/") as [string, string];
      serviceId = service;
      if (!isGuideAudience({ serviceId, audienceId })) throw new AppError("INVALID_PARAMETER", "no such audience", { audience: { fr: "Choisissez un public.", en: "Choose an audience." } });
      requireWriter(user, serviceId);
      const created = await tx.guideArticle.create({ data: { serviceId, audienceId, slug: await uniqueSlug(tx, input.titleFr), createdAt: now }, select: { id: true } });
      articleId = created.id;
    }
    await tx.guideArticleVersion.create({
      data: { articleId, number, category: input.category, titleFr: input.titleFr, titleEn: input.titleEn, bodyFr: input.bodyFr, bodyEn: input.bodyEn, authorId: user!.id, createdAt: now },
    });
    // The files: the previous version's carry on unless removed (they stay the earlier versions'); the new ones start here.
    if (removeAttachmentIds.length) {
      await tx.guideAttachment.updateMany({ where: { articleId, id: { in: [...removeAttachmentIds] }, lastVersion: null, firstVersion: { lt: number } }, data: { lastVersion: number - 1 } });
    }
    if (files.length) {
      await tx.guideAttachment.createMany({
        data: files.map((f) => ({ articleId: articleId!, firstVersion: number, filename: f.filename, contentType: f.contentType, size: f.content.length, sha256: f.sha256, data: new Uint8Array(f.content), createdAt: now })),
      });
    }
    await appendAudit(tx, { at: now, actorUserId: user!.id, action: "guide_version_saved", data: { serviceId, articleId, name: input.titleFr, version: number, filesAdded: files.map((f) => f.filename), filesRemoved: removeAttachmentIds.length } });
    return { articleId, version: number };
  });
}

/** Publishes a version of an article (a first publication, a new version, or an archived article again). */
export async function publishGuide({ user, articleId, version, now }: { user: CurrentUser | null; articleId: string; version: number; now: Date }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const article = await tx.guideArticle.findUnique({ where: { id: articleId }, select: { serviceId: true } }).catch(() => null);
    if (!article || !writesGuidesOf(user, article.serviceId)) throw new AppError("NOT_FOUND", "no such article");
    const manager = requirePublisher(user, article.serviceId);
    const v = await tx.guideArticleVersion.findUnique({ where: { articleId_number: { articleId, number: version } } });
    if (!v) throw new AppError("NOT_FOUND", "no such version");
    await tx.guideArticle.update({
      where: { id: articleId },
      data: { status: "published", category: v.category, titleFr: v.titleFr, titleEn: v.titleEn || null, bodyFr: v.bodyFr, bodyEn: v.bodyEn || null, publishedVersion: version, publishedAt: now, archivedAt: null },
    });
    if (!v.publishedAt) await tx.guideArticleVersion.update({ where: { articleId_number: { articleId, number: version } }, data: { publishedAt: now, publishedById: manager.id } });
    await appendAudit(tx, { at: now, actorUserId: manager.id, action: "guide_published", data: { serviceId: article.serviceId, articleId, name: v.titleFr, version } });
  });
  // The public guides' pages show it at their next visit (page-cache.ts).
  forgetPublicPages();
}

/** Archives a published article: it leaves the guides, the search and the suggestions; its versions stay. */
export async function archiveGuide({ user, articleId, now }: { user: CurrentUser | null; articleId: string; now: Date }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const article = await tx.guideArticle.findUnique({ where: { id: articleId }, select: { serviceId: true, status: true, titleFr: true } }).catch(() => null);
    if (!article || !writesGuidesOf(user, article.serviceId)) throw new AppError("NOT_FOUND", "no such article");
    const manager = requirePublisher(user, article.serviceId);
    if (article.status !== "published") {
      throw new AppError("CONFLICT", "not published", {}, { localized: { fr: "Seul un article publié peut être archivé.", en: "Only a published article can be archived." } });
    }
    await tx.guideArticle.update({ where: { id: articleId }, data: { status: "archived", archivedAt: now } });
    await appendAudit(tx, { at: now, actorUserId: manager.id, action: "guide_archived", data: { serviceId: article.serviceId, articleId, name: article.titleFr } });
  });
  forgetPublicPages();
}

/** An article's published texts in the reader's language: English where it has an English version (title and text), else French. */
function textsIn(row: { titleFr: string | null; titleEn: string | null; bodyFr: string | null; bodyEn: string | null }, locale: "fr" | "en"): { lang: "fr" | "en"; title: string; body: string } {
  const english = locale === "en" && Boolean(row.titleEn && row.bodyEn);
  return english ? { lang: "en", title: row.titleEn!, body: row.bodyEn! } : { lang: "fr", title: row.titleFr ?? "", body: row.bodyFr ?? "" };
}

export type PublicGuide = {
  id: string;
  slug: string;
  serviceId: string;
  audienceId: string;
  category: string;
  title: string;
  /** The language the text is in: English only where the article has an English version. */
  lang: "fr" | "en";
  html: string;
  publishedAt: Date;
  public: boolean;
  files: GuideFile[];
};

/** A published article the reader may read, rendered in their language when it has it; anything else is "not found". */
export async function readGuide({ user, slug, locale }: { user: CurrentUser | null; slug: string; locale: "fr" | "en" }): Promise<PublicGuide> {
  const article = await getDb().guideArticle.findUnique({ where: { slug } });
  if (!article || article.status !== "published" || !canReadAudience(guideReaderOf(user), article)) throw new AppError("NOT_FOUND", "no such guide");
  const texts = textsIn(article, locale);
  return {
    id: article.id,
    slug: article.slug,
    serviceId: article.serviceId,
    audienceId: article.audienceId,
    category: article.category ?? "",
    title: texts.title,
    lang: texts.lang,
    html: renderGuideMarkdown(texts.body),
    publishedAt: article.publishedAt!,
    public: GUIDE_AUDIENCES.some((a) => a.public && a.serviceId === article.serviceId && a.audienceId === article.audienceId),
    files: await filesOfVersion(getDb(), article.id, article.publishedVersion ?? 0),
  };
}

/**
 * A file of an article: the published version's, to whoever may read the article; any version's,
 * to the service's writers. Anything else is "not found".
 */
export async function readGuideAttachment({ user, id }: { user: CurrentUser | null; id: string }): Promise<AttachmentFile> {
  const row = await getDb().guideAttachment.findUnique({
    where: { id },
    select: { filename: true, contentType: true, data: true, firstVersion: true, lastVersion: true, article: { select: { serviceId: true, audienceId: true, status: true, publishedVersion: true } } },
  }).catch(() => null);
  if (!row) throw new AppError("NOT_FOUND", "no such file");
  const { article } = row;
  const published = article.status === "published" && article.publishedVersion !== null && row.firstVersion <= article.publishedVersion && (row.lastVersion === null || row.lastVersion >= article.publishedVersion);
  if (!writesGuidesOf(user, article.serviceId) && !(published && canReadAudience(guideReaderOf(user), article))) throw new AppError("NOT_FOUND", "no such file");
  return { filename: row.filename, contentType: row.contentType, content: Buffer.from(row.data) };
}

export type GuideListItem = { slug: string; serviceId: string; audienceId: string; category: string; title: string; summary: string; publishedAt: Date };

/** The published articles a reader may read, by audience and category (the guides' index). */
export async function listGuides({ user, locale }: { user: CurrentUser | null; locale: "fr" | "en" }): Promise<GuideListItem[]> {
  const audiences = readableAudiences(guideReaderOf(user));
  const rows = await getDb().guideArticle.findMany({
    where: { status: "published", OR: audiences.map((a) => ({ serviceId: a.serviceId, audienceId: a.audienceId })) },
    select: { slug: true, serviceId: true, audienceId: true, category: true, titleFr: true, titleEn: true, bodyFr: true, bodyEn: true, publishedAt: true },
    orderBy: [{ serviceId: "asc" }, { audienceId: "asc" }, { category: "asc" }, { titleFr: "asc" }],
    take: 500,
  });
  return rows.map((r) => {
    const texts = textsIn(r, locale);
    const text = guidePlainText(texts.body);
    return {
      slug: r.slug,
      serviceId: r.serviceId,
      audienceId: r.audienceId,
      category: r.category ?? "",
      title: texts.title,
      summary: text.length > 180 ? `${text.slice(0, 177).replace(/\s+\S*$/, "")} …` : text,
      publishedAt: r.publishedAt!,
    };
  });
}

export type GuideHit = { id: string; slug: string; serviceId: string; audienceId: string; category: string; title: string; excerpt: string; publishedAt: Date };

function hitOf(row: GuideHitRow, locale: "fr" | "en"): GuideHit {
  return {
    id: row.id,
    slug: row.slug,
    serviceId: row.service_id,
    audienceId: row.audience_id,
    category: row.category,
    title: locale === "en" && row.title_en ? row.title_en : row.title_fr,
    excerpt: row.excerpt,
    publishedAt: row.published_at,
  };
}

/** A search of the articles the reader may read (every word; a typo within a few letters still matches; else most of the words), best first. */
export async function searchGuides({ user, query, locale, db = getDb() }: { user: CurrentUser | null; query: string; locale: "fr" | "en"; db?: Db }): Promise<GuideHit[]> {
  const audiences = readableAudiences(guideReaderOf(user));
  let rows = await searchGuideArticles(db, { query, audiences, mode: "all", limit: MAX_SEARCH_RESULTS });
  // No article has every word (a typo in one of several: « mot de pase tournesol »): the articles
  // with most of them, best first, rather than nothing.
  if (rows.length === 0) rows = await searchGuideArticles(db, { query, audiences, mode: "any", limit: MAX_SEARCH_RESULTS });
  return rows.map((r) => hitOf(r, locale));
}

/**
 * Up to three articles for the subject someone is typing in a new request of a service and
 * audience: any of its words, of that audience's articles (and only if the person may read them).
 */
export async function suggestGuides({ user, audience, subject, locale, db = getDb() }: { user: CurrentUser | null; audience: GuideAudience; subject: string; locale: "fr" | "en"; db?: Db }): Promise<GuideHit[]> {
  if (!isGuideAudience(audience) || !canReadAudience(guideReaderOf(user), audience)) return [];
  const rows = await searchGuideArticles(db, { query: subject, audiences: [audience], mode: "any", limit: MAX_SUGGESTIONS });
  return rows.map((r) => hitOf(r, locale));
}

/**
 * Counts what a reader did with a suggested article: shown, opened, « cet article a répondu à ma
 * question ». Anonymous (no person, no address kept); only a published article counts.
 */
export async function recordGuideEvents({ articleIds, kind, now }: { articleIds: readonly string[]; kind: GuideEventKind; now: Date }): Promise<number> {
  const db = getDb();
  const published = await db.guideArticle.findMany({ where: { id: { in: [...new Set(articleIds)] }, status: "published" }, select: { id: true } });
  if (published.length === 0) throw new AppError("NOT_FOUND", "no such guide");
  await db.guideEvent.createMany({ data: published.map((a) => ({ articleId: a.id, kind, at: now })) });
  return published.length;
}

/** Records the published articles a public reply cites by address (a request shown on each article). */
export async function recordGuideCitations(tx: Tx, { requestId, body, agentId, now }: { requestId: string; body: string; agentId: string; now: Date }): Promise<void> {
  const slugs = citedSlugs(body);
  if (slugs.length === 0) return;
  const articles = await tx.guideArticle.findMany({ where: { slug: { in: slugs }, status: "published" }, select: { id: true } });
  if (articles.length === 0) return;
  await tx.guideCitation.createMany({ data: articles.map((a) => ({ articleId: a.id, requestId, citedAt: now, citedById: agentId })), skipDuplicates: true });
}

/** Published articles an agent may insert in a reply to a request of a service (its audiences'), searched or the latest. */
export async function guidesForReply({ user, serviceId, query, locale }: { user: CurrentUser | null; serviceId: string; query: string; locale: "fr" | "en" }): Promise<(GuideHit & { text: string })[]> {
  if (!writesGuidesOf(user, serviceId)) throw new AppError("NOT_FOUND", "not an agent of this service");
  const audiences = GUIDE_AUDIENCES.filter((a) => a.serviceId === serviceId).map(({ serviceId: s, audienceId }) => ({ serviceId: s, audienceId }));
  const db = getDb();
  const ids = query.trim().length >= 2 ? (await searchGuideArticles(db, { query, audiences, mode: "any", limit: 8 })).map((r) => r.id) : null;
  const rows = await db.guideArticle.findMany({
    where: { status: "published", serviceId, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true, slug: true, serviceId: true, audienceId: true, category: true, titleFr: true, titleEn: true, bodyFr: true, bodyEn: true, publishedAt: true },
    orderBy: { publishedAt: "desc" },
    take: 8,
  });
  const order = ids ? new Map(ids.map((id, i) => [id, i])) : null;
  if (order) rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return rows.map((r) => {
    const texts = textsIn(r, locale);
    return { id: r.id, slug: r.slug, serviceId: r.serviceId, audienceId: r.audienceId, category: r.category ?? "", title: texts.title, excerpt: "", publishedAt: r.publishedAt!, text: guidePlainText(texts.body) };
  });
}

/**
 * An agent's public answer to a request made into a new article's first draft, for the request's
 * audience (or the service's first), with the personal information removed (the requester's and
 * the agent's names, addresses, numbers). Audited with the request it came from.
 */
export async function proposeGuideFromMessage({ user, number, messageId, now }: { user: CurrentUser | null; number: string; messageId: string; now: Date }): Promise<{ articleId: string; serviceId: string }> {
  const db = getDb();
  const request = await db.request.findUnique({ where: { number }, select: { id: true, serviceId: true, audienceId: true, type: true, subject: true, requesterName: true, requesterUser: { select: { name: true } } } });
  if (!request || !isAgentOf(user, request.serviceId)) throw new AppError("NOT_FOUND", "no such request for this agent");
  const message = await db.message.findFirst({ where: { id: messageId, requestId: request.id, authorKind: "agent", visibility: "public", systemKind: null }, select: { body: true } }).catch(() => null);
  if (!message || message.body.trim().length < 20) throw new AppError("NOT_FOUND", "no such answer");
  const names = [request.requesterName, request.requesterUser?.name, user.name].filter((n): n is string => Boolean(n));
  const body = withoutPersonalInformation(message.body, names);
  const subject = withoutPersonalInformation(request.subject, names).replace(/\[…\]/g, "").replace(/\s+/g, " ").trim();
  const audience = GUIDE_AUDIENCES.find((a) => a.serviceId === request.serviceId && a.audienceId === request.audienceId) ?? GUIDE_AUDIENCES.find((a) => a.serviceId === request.serviceId)!;
  const titleFr = (subject.length >= 5 ? subject : "Nouvel article").slice(0, 120);
  const saved = await saveGuideVersion({
    user,
    now,
    input: { articleId: null, audience: `${audience.serviceId}/${audience.audienceId}`, category: "À classer", titleFr, titleEn: "", bodyFr: body.length >= 20 ? body.slice(0, 20_000) : `${body}\n\n…`, bodyEn: "" },
  });
  await appendAudit(db, { at: now, actorUserId: user.id, requestId: request.id, action: "guide_proposed", data: { serviceId: request.serviceId, articleId: saved.articleId } });
  return { articleId: saved.articleId, serviceId: request.serviceId };
}
