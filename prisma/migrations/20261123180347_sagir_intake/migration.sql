-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "invitation_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "invitation_token_hash" TEXT,
ADD COLUMN     "invited_by_id" UUID;

-- CreateTable
CREATE TABLE "request_personal_data" (
    "request_id" UUID NOT NULL,
    "birth_day" SMALLINT NOT NULL,
    "birth_month" SMALLINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_personal_data_pkey" PRIMARY KEY ("request_id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_user_id" UUID,
    "action" TEXT NOT NULL,
    "request_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_entry_request_id_at_idx" ON "audit_entry"("request_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_invitation_token_hash_key" ON "app_user"("invitation_token_hash");

-- AddForeignKey
ALTER TABLE "request_personal_data" ADD CONSTRAINT "request_personal_data_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A day and month that exist in some year (29 February included).
ALTER TABLE "request_personal_data" ADD CONSTRAINT "request_personal_data_birth_check" CHECK (
  "birth_month" BETWEEN 1 AND 12
  AND "birth_day" BETWEEN 1 AND (CASE WHEN "birth_month" = 2 THEN 29 WHEN "birth_month" IN (4, 6, 9, 11) THEN 30 ELSE 31 END)
);

-- Personal information ends with its purpose: closing a request erases it, whatever code path
-- closes it, and records the erasure in the request's history.
CREATE FUNCTION "request_erase_personal_data_on_close"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  erased integer;
BEGIN
  DELETE FROM "request_personal_data" WHERE "request_id" = NEW."id";
  GET DIAGNOSTICS erased = ROW_COUNT;
  IF erased > 0 THEN
    INSERT INTO "request_event" ("request_id", "kind", "actor_kind", "data", "at")
    VALUES (NEW."id", 'personal_data_erased', 'system', '{"fields":["birthDay","birthMonth"]}', COALESCE(NEW."closed_at", now()));
  END IF;
  RETURN NULL;
END
$$;

-- Deferred to the end of the transaction, so the erasure follows the status change in the history.
CREATE CONSTRAINT TRIGGER "request_erase_personal_data_on_close" AFTER UPDATE OF "status" ON "request"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."status" = 'closed' AND OLD."status" IS DISTINCT FROM 'closed')
  EXECUTE FUNCTION "request_erase_personal_data_on_close"();

-- The audit log is append-only, like the event log.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP;
END
$$;

CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();
