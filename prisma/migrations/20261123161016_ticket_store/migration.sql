-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('mo_specialist', 'sagir_user', 'mo_pilot', 'agent', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "request_status" AS ENUM ('new', 'in_progress', 'waiting_requester', 'resolved', 'closed');

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "emergency_phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_service" (
    "organization_id" UUID NOT NULL,
    "service_id" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_service_pkey" PRIMARY KEY ("organization_id","service_id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "user_role" NOT NULL,
    "organization_id" UUID,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_service" (
    "user_id" UUID NOT NULL,
    "service_id" TEXT NOT NULL,

    CONSTRAINT "user_service_pkey" PRIMARY KEY ("user_id","service_id")
);

-- CreateTable
CREATE TABLE "request_counter" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "request_counter_pkey" PRIMARY KEY ("prefix","year")
);

-- CreateTable
CREATE TABLE "request" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" "request_status" NOT NULL DEFAULT 'new',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "subject" TEXT NOT NULL,
    "requester_name" TEXT,
    "requester_email" TEXT,
    "requester_user_id" UUID,
    "organization_id" UUID,
    "assignee_id" UUID,
    "tracking_token_hash" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_target" (
    "request_id" UUID NOT NULL,
    "target_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "clock" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "met_at" TIMESTAMPTZ(3),

    CONSTRAINT "request_target_pkey" PRIMARY KEY ("request_id","target_id")
);

-- CreateTable
CREATE TABLE "request_event" (
    "id" BIGSERIAL NOT NULL,
    "request_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor_user_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "author_kind" TEXT NOT NULL,
    "author_user_id" UUID,
    "visibility" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phone_call" (
    "id" UUID NOT NULL,
    "service_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT NOT NULL,
    "request_id" UUID,
    "agent_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "phone_call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_code_key" ON "organization"("code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_organization_id_idx" ON "app_user"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "request_number_key" ON "request"("number");

-- CreateIndex
CREATE UNIQUE INDEX "request_tracking_token_hash_key" ON "request"("tracking_token_hash");

-- CreateIndex
CREATE INDEX "request_service_id_status_received_at_idx" ON "request"("service_id", "status", "received_at");

-- CreateIndex
CREATE INDEX "request_organization_id_received_at_idx" ON "request"("organization_id", "received_at");

-- CreateIndex
CREATE INDEX "request_target_due_at_idx" ON "request_target"("due_at");

-- CreateIndex
CREATE INDEX "request_event_request_id_at_idx" ON "request_event"("request_id", "at");

-- CreateIndex
CREATE INDEX "message_request_id_at_idx" ON "message"("request_id", "at");

-- CreateIndex
CREATE INDEX "phone_call_service_id_received_at_idx" ON "phone_call"("service_id", "received_at");

-- AddForeignKey
ALTER TABLE "organization_service" ADD CONSTRAINT "organization_service_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_service" ADD CONSTRAINT "user_service_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_target" ADD CONSTRAINT "request_target_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message" ADD CONSTRAINT "message_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The event log is append-only: history is never rewritten (TRUNCATE, used by tests, is not a row operation).
CREATE FUNCTION "request_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'request_event is append-only (% refused)', TG_OP;
END
$$;

CREATE TRIGGER "request_event_append_only" BEFORE UPDATE OR DELETE ON "request_event"
  FOR EACH ROW EXECUTE FUNCTION "request_event_append_only"();
