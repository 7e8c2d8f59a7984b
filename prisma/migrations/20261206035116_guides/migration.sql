-- CreateTable
CREATE TABLE "guide_article" (
    "id" UUID NOT NULL,
    "service_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "category" TEXT,
    "title_fr" TEXT,
    "title_en" TEXT,
    "body_fr" TEXT,
    "body_en" TEXT,
    "published_version" INTEGER,
    "published_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "search_vector" tsvector,
    "search_text" TEXT,

    CONSTRAINT "guide_article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guide_article_version" (
    "article_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "title_fr" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "body_fr" TEXT NOT NULL,
    "body_en" TEXT NOT NULL,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" UUID,

    CONSTRAINT "guide_article_version_pkey" PRIMARY KEY ("article_id","number")
);

-- CreateTable
CREATE TABLE "guide_event" (
    "id" BIGSERIAL NOT NULL,
    "article_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guide_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guide_citation" (
    "article_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "cited_at" TIMESTAMPTZ(3) NOT NULL,
    "cited_by_id" UUID,

    CONSTRAINT "guide_citation_pkey" PRIMARY KEY ("article_id","request_id")
);

-- CreateTable
CREATE TABLE "request_satisfaction" (
    "request_id" UUID NOT NULL,
    "agent_id" UUID,
    "token_hash" TEXT NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),
    "satisfied" BOOLEAN,
    "comment" TEXT,

    CONSTRAINT "request_satisfaction_pkey" PRIMARY KEY ("request_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "guide_article_slug_key" ON "guide_article"("slug");

-- CreateIndex
CREATE INDEX "guide_article_service_id_audience_id_status_idx" ON "guide_article"("service_id", "audience_id", "status");

-- CreateIndex
CREATE INDEX "guide_event_article_id_kind_at_idx" ON "guide_event"("article_id", "kind", "at");

-- CreateIndex
CREATE INDEX "guide_event_at_idx" ON "guide_event"("at");

-- CreateIndex
CREATE INDEX "guide_citation_request_id_idx" ON "guide_citation"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "request_satisfaction_token_hash_key" ON "request_satisfaction"("token_hash");

-- CreateIndex
CREATE INDEX "request_satisfaction_answered_at_idx" ON "request_satisfaction"("answered_at");

-- AddForeignKey
ALTER TABLE "guide_article_version" ADD CONSTRAINT "guide_article_version_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "guide_article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guide_event" ADD CONSTRAINT "guide_event_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "guide_article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guide_citation" ADD CONSTRAINT "guide_citation_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "guide_article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guide_citation" ADD CONSTRAINT "guide_citation_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_satisfaction" ADD CONSTRAINT "request_satisfaction_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below this line.

-- Search: French full text with accents ignored (the queue's guichet_fr configuration), and
-- trigrams for typos (« mot de pase » finds « mot de passe »). Both columns are kept by a trigger
-- from the published French title and body (never written by the application).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION guide_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_vector" :=
    setweight(to_tsvector('guichet_fr'::regconfig, coalesce(NEW."title_fr", '')), 'A') ||
    setweight(to_tsvector('guichet_fr'::regconfig, coalesce(NEW."body_fr", '')), 'B');
  NEW."search_text" := lower(unaccent(coalesce(NEW."title_fr", '') || ' ' || coalesce(NEW."body_fr", '')));
  RETURN NEW;
END $$;
CREATE TRIGGER "guide_article_search" BEFORE INSERT OR UPDATE OF "title_fr", "body_fr", "search_vector", "search_text" ON "guide_article"
  FOR EACH ROW EXECUTE FUNCTION guide_article_search();
CREATE INDEX "guide_article_search_idx" ON "guide_article" USING gin ("search_vector") WHERE "status" = 'published';
CREATE INDEX "guide_article_trigram_idx" ON "guide_article" USING gin ("search_text" gin_trgm_ops) WHERE "status" = 'published';

-- A saved version's texts never change (its publication instant is set once).
CREATE FUNCTION guide_article_version_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."category", NEW."title_fr", NEW."title_en", NEW."body_fr", NEW."body_en", NEW."author_id", NEW."created_at")
     IS DISTINCT FROM (OLD."category", OLD."title_fr", OLD."title_en", OLD."body_fr", OLD."body_en", OLD."author_id", OLD."created_at") THEN
    RAISE EXCEPTION 'a guide article version is never changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "guide_article_version_kept" BEFORE UPDATE ON "guide_article_version"
  FOR EACH ROW EXECUTE FUNCTION guide_article_version_kept();

-- The satisfaction comment is the requester's words: erased with the request's personal information.
CREATE OR REPLACE FUNCTION "guichet_erase_request"(p_request uuid, p_rule text, p_actor uuid, p_at timestamptz) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_number text;
  v_service text;
  n_messages int;
  n_files int;
  n_inbound int;
  n_outbound int;
  n_notes int;
  v_counts jsonb;
BEGIN
  SELECT "number", "service_id" INTO v_number, v_service FROM "request" WHERE "id" = p_request AND "personal_data_erased_at" IS NULL FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('guichet.erasure', 'on', true);
  UPDATE "message" SET "body" = '', "quoted" = NULL WHERE "request_id" = p_request AND ("body" <> '' OR "quoted" IS NOT NULL);
  GET DIAGNOSTICS n_messages = ROW_COUNT;
  DELETE FROM "attachment" WHERE "request_id" = p_request;
  GET DIAGNOSTICS n_files = ROW_COUNT;
  DELETE FROM "inbound_email" WHERE "request_id" = p_request;
  GET DIAGNOSTICS n_inbound = ROW_COUNT;
  DELETE FROM "email_outbox" WHERE "request_id" = p_request;
  GET DIAGNOSTICS n_outbound = ROW_COUNT;
  DELETE FROM "request_personal_data" WHERE "request_id" = p_request;
  UPDATE "request_satisfaction" SET "comment" = NULL WHERE "request_id" = p_request AND "comment" IS NOT NULL;
  UPDATE "audit_entry" SET "data" = "data" - 'note' WHERE "request_id" = p_request AND "data" ? 'note';
  GET DIAGNOSTICS n_notes = ROW_COUNT;
  UPDATE "request_event" SET "data" = "data" - 'files' WHERE "request_id" = p_request AND "data" ? 'files';
  UPDATE "request" SET
    "subject" = '',
    "requester_name" = NULL,
    "requester_email" = NULL,
    "tracking_token_hash" = NULL,
    "email_failure" = NULL,
    "details" = CASE WHEN "details" ? 'lateNotice' THEN jsonb_build_object('lateNotice', "details" -> 'lateNotice') ELSE '{}'::jsonb END,
    "thread_vector" = NULL,
    "personal_data_erased_at" = p_at,
    "version" = "version" + 1
  WHERE "id" = p_request;
  PERFORM set_config('guichet.erasure', 'off', true);
  v_counts := jsonb_build_object('messages', n_messages, 'attachments', n_files, 'inboundEmails', n_inbound, 'outboundEmails', n_outbound, 'auditNotes', n_notes);
  INSERT INTO "erasure_log" ("at", "rule", "request_id", "number", "service_id", "actor_user_id", "counts")
  VALUES (p_at, p_rule, p_request, v_number, v_service, p_actor, v_counts);
  RETURN v_counts;
END
$$;
