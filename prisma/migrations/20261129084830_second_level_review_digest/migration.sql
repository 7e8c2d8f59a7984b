-- AlterTable
ALTER TABLE "email_outbox" ADD COLUMN     "contact_id" UUID;

-- AlterTable
ALTER TABLE "service" ADD COLUMN     "review_resolutions" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "external_contact" (
    "id" UUID NOT NULL,
    "service_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT '',
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "sent_by_id" UUID,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "follow_up_at" TIMESTAMPTZ(3) NOT NULL,
    "reminded_at" TIMESTAMPTZ(3),
    "answered_at" TIMESTAMPTZ(3),
    "answered_via" TEXT,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resolution_review" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "author_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "reply_kind" TEXT NOT NULL,
    "status_after" TEXT NOT NULL,
    "reviewer_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision" TEXT,
    "comment" TEXT,

    CONSTRAINT "resolution_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_run" (
    "service_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "digest_run_pkey" PRIMARY KEY ("service_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "external_contact_service_id_email_key" ON "external_contact"("service_id", "email");

-- CreateIndex
CREATE INDEX "referral_request_id_idx" ON "referral"("request_id");

-- CreateIndex
CREATE INDEX "referral_sent_at_idx" ON "referral"("sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "resolution_review_message_id_key" ON "resolution_review"("message_id");

-- CreateIndex
CREATE INDEX "resolution_review_request_id_idx" ON "resolution_review"("request_id");

-- CreateIndex
CREATE INDEX "resolution_review_submitted_at_idx" ON "resolution_review"("submitted_at");

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "external_contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_contact" ADD CONSTRAINT "external_contact_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "external_contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resolution_review" ADD CONSTRAINT "resolution_review_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resolution_review" ADD CONSTRAINT "resolution_review_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resolution_review" ADD CONSTRAINT "resolution_review_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What the cycle and the queue look for: the referrals still waiting (few), the reviews pending.
CREATE INDEX "referral_waiting_idx" ON "referral" ("follow_up_at") WHERE "answered_at" IS NULL;
CREATE INDEX "resolution_review_pending_idx" ON "resolution_review" ("request_id") WHERE "decided_at" IS NULL;

-- SAGIR's seed asks for a quality review before the return to the client (its managers may change it).
UPDATE "service" SET "review_resolutions" = true WHERE "id" = 'sagir';
