-- Typos are corrected word by word against the published articles' words (pg_trgm on a small
-- table of distinct words), then searched in full text: trigram matching on every article's whole
-- text cost hundreds of milliseconds on 5,000 articles (bench:guides).
DROP TRIGGER "guide_article_search" ON "guide_article";
DROP INDEX "guide_article_trigram_idx";

-- AlterTable
ALTER TABLE "guide_article" DROP COLUMN "search_text";

-- CreateTable
CREATE TABLE "guide_word" (
    "word" TEXT NOT NULL,

    CONSTRAINT "guide_word_pkey" PRIMARY KEY ("word")
);

-- Hand-written below this line.

CREATE INDEX "guide_word_trigram_idx" ON "guide_word" USING gin ("word" gin_trgm_ops);

-- The vector of the French title (A) and body (B); a published text's words join the lexicon
-- (never removed: a word no article has any more finds nothing, which is right).
CREATE OR REPLACE FUNCTION guide_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_vector" :=
    setweight(to_tsvector('guichet_fr'::regconfig, coalesce(NEW."title_fr", '')), 'A') ||
    setweight(to_tsvector('guichet_fr'::regconfig, coalesce(NEW."body_fr", '')), 'B');
  IF NEW."status" = 'published' THEN
    INSERT INTO "guide_word" ("word")
      SELECT DISTINCT w FROM regexp_split_to_table(lower(unaccent(coalesce(NEW."title_fr", '') || ' ' || coalesce(NEW."body_fr", ''))), '[^a-z0-9]+') AS w
      WHERE length(w) BETWEEN 3 AND 40
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "guide_article_search" BEFORE INSERT OR UPDATE OF "title_fr", "body_fr", "status", "search_vector" ON "guide_article"
  FOR EACH ROW EXECUTE FUNCTION guide_article_search();

INSERT INTO "guide_word" ("word")
  SELECT DISTINCT w FROM "guide_article" a, regexp_split_to_table(lower(unaccent(coalesce(a."title_fr", '') || ' ' || coalesce(a."body_fr", ''))), '[^a-z0-9]+') AS w
  WHERE a."status" = 'published' AND length(w) BETWEEN 3 AND 40
ON CONFLICT DO NOTHING;
