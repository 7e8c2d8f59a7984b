-- AlterTable
ALTER TABLE "message" ADD COLUMN     "reply_kind" TEXT;

-- AlterTable
ALTER TABLE "phone_call" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'phone',
ADD COLUMN     "due_at" TIMESTAMPTZ(3),
ADD COLUMN     "target_id" TEXT;

-- AlterTable
ALTER TABLE "request" ADD COLUMN     "identity_validated_at" TIMESTAMPTZ(3),
ADD COLUMN     "merged_into_id" UUID,
ADD COLUMN     "has_targets" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "missed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "next_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_risk_at" TIMESTAMPTZ(3),
ADD COLUMN     "nominative" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable (hand-edited: existing rows are backfilled before the columns become NOT NULL; the
-- at-risk instant of an existing row is approximated as 75 % of its elapsed span — new rows get the
-- engine's instant in the target's own clock)
ALTER TABLE "request_target" ADD COLUMN     "risk_at" TIMESTAMPTZ(3),
ADD COLUMN     "starts_at" TIMESTAMPTZ(3);
UPDATE "request_target" t SET "starts_at" = r."received_at" FROM "request" r WHERE r."id" = t."request_id";
UPDATE "request_target" SET "risk_at" = "starts_at" + ("due_at" - "starts_at") * 0.75;
ALTER TABLE "request_target" ALTER COLUMN "risk_at" SET NOT NULL, ALTER COLUMN "starts_at" SET NOT NULL;

-- CreateTable
CREATE TABLE "request_viewer" (
    "request_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_viewer_pkey" PRIMARY KEY ("request_id","user_id")
);

-- CreateTable
CREATE TABLE "canned_reply" (
    "id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title_fr" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "body_fr" TEXT NOT NULL,
    "body_en" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "canned_reply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "canned_reply_service_id_position_idx" ON "canned_reply"("service_id", "position");

-- CreateIndex
CREATE INDEX "request_merged_into_id_idx" ON "request"("merged_into_id");

-- Hand-written below this line.

-- The queue's derived columns for existing requests.
UPDATE "request" r SET
  "next_due_at" = (SELECT min(t."due_at") FROM "request_target" t WHERE t."request_id" = r."id" AND t."met_at" IS NULL),
  "next_risk_at" = (SELECT min(t."risk_at") FROM "request_target" t WHERE t."request_id" = r."id" AND t."met_at" IS NULL),
  "has_targets" = EXISTS (SELECT 1 FROM "request_target" t WHERE t."request_id" = r."id"),
  "missed" = EXISTS (SELECT 1 FROM "request_target" t WHERE t."request_id" = r."id" AND t."met_at" > t."due_at");

-- French full-text search with accents ignored: "delai", "délai" and "délais" find each other.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION guichet_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION guichet_fr
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

ALTER TABLE "request" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('guichet_fr'::regconfig, coalesce("subject", '')), 'A') ||
  setweight(to_tsvector('guichet_fr'::regconfig, coalesce("requester_name", '') || ' ' || coalesce("requester_email", '')), 'B')
) STORED;
ALTER TABLE "message" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  to_tsvector('guichet_fr'::regconfig, "body")
) STORED;
CREATE INDEX "request_search_idx" ON "request" USING gin ("search_vector");
CREATE INDEX "message_search_idx" ON "message" USING gin ("search_vector");

-- The agents' queue: urgent first, then the earliest due instant of a target not met yet (none
-- last), then the oldest, then the number. The same four expressions are in the queue's SQL
-- (src/server/repositories/queue-repository.ts) so that every filter reads an index in order.
CREATE INDEX "request_queue_open_idx" ON "request"
  ("service_id", (NOT "urgent"), (COALESCE("next_due_at", 'infinity'::timestamptz)), "received_at", "number")
  WHERE "status" IN ('new', 'in_progress', 'waiting_requester');
CREATE INDEX "request_queue_status_idx" ON "request"
  ("service_id", "status", (NOT "urgent"), (COALESCE("next_due_at", 'infinity'::timestamptz)), "received_at", "number");
CREATE INDEX "request_queue_organization_idx" ON "request"
  ("organization_id", "service_id", (NOT "urgent"), (COALESCE("next_due_at", 'infinity'::timestamptz)), "received_at", "number");
CREATE INDEX "request_queue_assignee_idx" ON "request"
  ("assignee_id", "service_id", (NOT "urgent"), (COALESCE("next_due_at", 'infinity'::timestamptz)), "received_at", "number");

-- Calls by service and time (dashboards) already indexed; the viewers' heartbeat is pruned by age.
CREATE INDEX "request_viewer_seen_idx" ON "request_viewer" ("seen_at");
