import "server-only";
// The guides' searches, in SQL: each unknown word of a query corrected to the nearest word of the
// published articles (pg_trgm on the lexicon guide_word), then French full text (guichet_fr:
// stems, accents ignored) on the partial GIN index of published articles, ranked by ts_rank_cd.
// Only the reader's audiences. Excerpts (ts_headline, the costly part) for the rows returned only.
import { Prisma } from "@/generated/prisma/client";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, type GuideAudience } from "@/domain/guides/guides";
import type { Db } from "@/server/db/client";

export type GuideHitRow = {
  id: string;
  slug: string;
  service_id: string;
  audience_id: string;
  category: string;
  title_fr: string;
  title_en: string;
  published_at: Date;
  excerpt: string;
};

function audienceCondition(audiences: readonly GuideAudience[]): Prisma.Sql {
  if (audiences.length === 0) return Prisma.sql`FALSE`;
  return Prisma.join(
    audiences.map((a) => Prisma.sql`(a."service_id" = ${a.serviceId} AND a."audience_id" = ${a.audienceId})`),
    " OR ",
  );
}

/** A text's words as the lexicon keeps them: lower-case, no accents, letters and digits. */
export function lexiconWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The query's words with each unknown one (4 letters or more) replaced by the nearest word of the
 * published articles (pg_trgm similarity, its GIN index): « mot de pase » → « mot de passe ».
 */
export async function correctedWords(db: Db, words: readonly string[]): Promise<string[]> {
  if (words.length === 0) return [];
  const rows = await db.$queryRaw<{ word: string }[]>`
    SELECT CASE WHEN length(q.w) < 4 THEN q.w ELSE coalesce(
      (SELECT g."word" FROM "guide_word" g WHERE g."word" = q.w),
      (SELECT g."word" FROM "guide_word" g WHERE g."word" % q.w ORDER BY g."word" <-> q.w, g."word" LIMIT 1),
      q.w) END AS word
    FROM unnest(${[...words]}::text[]) WITH ORDINALITY AS q(w, i)
    ORDER BY q.i`;
  return rows.map((r) => r.word);
}

/**
 * Published articles matching a query — its words corrected first (correctedWords) —: `all`, every
 * word (a search: « délai affichage » finds the articles with both); `any`, any word, the most
 * matched first (suggestions while someone types a whole sentence). French full text (guichet_fr:
 * stems, accents ignored), ranked by ts_rank_cd; the excerpts (ts_headline, the costly part) for
 * the rows returned only.
 */
export async function searchGuideArticles(db: Db, { query, audiences, mode, limit }: { query: string; audiences: readonly GuideAudience[]; mode: "all" | "any"; limit: number }): Promise<GuideHitRow[]> {
  const text = (await correctedWords(db, lexiconWords(query).slice(0, 20))).join(" ");
  if (!text) return [];
  const tsquery =
    mode === "all"
      ? Prisma.sql`plainto_tsquery('guichet_fr', ${text})`
      : // plainto_tsquery's lexemes joined by OR instead of AND (its quoted lexemes hold no operator).
        Prisma.sql`replace(plainto_tsquery('guichet_fr', ${text})::text, ' & ', ' | ')::tsquery`;
  const headline = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  return db.$queryRaw<GuideHitRow[]>`
    WITH q AS (SELECT ${tsquery} AS tsq),
    hits AS (
      SELECT a."id", a."slug", a."service_id", a."audience_id", a."category", a."title_fr", a."title_en", a."published_at", a."body_fr",
             ts_rank_cd(a."search_vector", q.tsq, 1) AS rank
      FROM "guide_article" a, q
      WHERE a."status" = 'published' AND (${audienceCondition(audiences)}) AND a."search_vector" @@ q.tsq
      ORDER BY rank DESC, a."published_at" DESC, a."id"
      LIMIT ${limit}
    )
    SELECT h."id", h."slug", h."service_id", h."audience_id", h."category", h."title_fr", h."title_en", h."published_at",
           ts_headline('guichet_fr', regexp_replace(coalesce(h."body_fr", ''), '[#*_\`>~]|\\]\\([^)]*\\)|\\[', ' ', 'g'), (SELECT tsq FROM q), ${headline}) AS "excerpt"
    FROM hits h
    ORDER BY h.rank DESC, h."published_at" DESC, h."id"`;
}

/** Per article, how many times it was suggested, opened from a suggestion and said to answer, since an instant. */
export async function countGuideEvents(db: Db, articleIds: readonly string[], since: Date): Promise<Map<string, { suggested: number; opened: number; answered: number }>> {
  const counts = new Map<string, { suggested: number; opened: number; answered: number }>();
  if (articleIds.length === 0) return counts;
  const rows = await db.guideEvent.groupBy({ by: ["articleId", "kind"], where: { articleId: { in: [...articleIds] }, at: { gte: since } }, _count: { _all: true } });
  for (const row of rows) {
    const entry = counts.get(row.articleId) ?? { suggested: 0, opened: 0, answered: 0 };
    if (row.kind === "suggested" || row.kind === "opened" || row.kind === "answered") entry[row.kind] = row._count._all;
    counts.set(row.articleId, entry);
  }
  return counts;
}
