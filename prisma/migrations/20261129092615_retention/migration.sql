-- AlterTable
ALTER TABLE "request" ADD COLUMN     "personal_data_erased_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "service" ADD COLUMN     "retention_days" INTEGER NOT NULL DEFAULT 730;

-- CreateTable
CREATE TABLE "erasure_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "rule" TEXT NOT NULL,
    "request_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "actor_user_id" UUID,
    "counts" JSONB NOT NULL,

    CONSTRAINT "erasure_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "erasure_log_request_id_key" ON "erasure_log"("request_id");

-- CreateIndex
CREATE INDEX "erasure_log_at_idx" ON "erasure_log"("at");

-- The retention job's candidates: closed requests whose personal information is still held.
CREATE INDEX "request_retention_idx" ON "request" ("closed_at") WHERE "status" = 'closed' AND "personal_data_erased_at" IS NULL;

-- The event log and the audit log stay append-only, with one exception: an erasure (Loi 25), run by
-- guichet_erase_request below with `guichet.erasure` set for its transaction, may rewrite the
-- `data` of a row (dropping what identifies a person: an identity validation's note, refused files'
-- names) — never who, what or when.
CREATE OR REPLACE FUNCTION "request_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('guichet.erasure', true) = 'on'
     AND NEW."id" = OLD."id" AND NEW."request_id" = OLD."request_id" AND NEW."kind" = OLD."kind" AND NEW."at" = OLD."at"
     AND NEW."actor_kind" = OLD."actor_kind" AND NEW."actor_user_id" IS NOT DISTINCT FROM OLD."actor_user_id" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'request_event is append-only (% refused)', TG_OP;
END
$$;

CREATE OR REPLACE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('guichet.erasure', true) = 'on'
     AND NEW."id" = OLD."id" AND NEW."request_id" IS NOT DISTINCT FROM OLD."request_id" AND NEW."action" = OLD."action" AND NEW."at" = OLD."at"
     AND NEW."actor_user_id" IS NOT DISTINCT FROM OLD."actor_user_id" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP;
END
$$;

-- Erases a request's personal information, once (null when it already was): the requester's name
-- and address, the subject, every message's text and quoted history, the files, the e-mails in and
-- out, the typed details (a late notice's flag kept), the tracking link, the notes of identity
-- validations and the names of refused files; keeps the anonymous facts — service, audience,
-- channel, type, status, dates, targets and their outcomes, events — so figures do not move.
CREATE FUNCTION "guichet_erase_request"(p_request uuid, p_rule text, p_actor uuid, p_at timestamptz) RETURNS jsonb LANGUAGE plpgsql AS $$
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
