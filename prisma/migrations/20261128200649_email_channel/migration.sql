-- AlterTable
ALTER TABLE "email_outbox" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "html" TEXT,
ADD COLUMN     "in_reply_to" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'notification',
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr',
ADD COLUMN     "message_ref" UUID,
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "references" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "request_id" UUID,
ALTER COLUMN "user_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "message" ADD COLUMN     "inbound_email_id" BIGINT,
ADD COLUMN     "quoted" TEXT;

-- AlterTable
ALTER TABLE "request" ADD COLUMN     "email_failed_at" TIMESTAMPTZ(3),
ADD COLUMN     "email_failure" TEXT,
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'fr',
ADD COLUMN     "sender_status" TEXT;

-- CreateTable
CREATE TABLE "mailbox" (
    "address" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "identify_senders" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mailbox_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "inbound_email" (
    "id" BIGSERIAL NOT NULL,
    "mailbox" TEXT NOT NULL,
    "envelope_from" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "remote_address" TEXT NOT NULL,
    "helo_name" TEXT,
    "raw" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "processed_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "request_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "inbound_email_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "message_id" UUID,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA,
    "storage_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "inbound_email_processed_at_id_idx" ON "inbound_email"("processed_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_email_message_id_envelope_from_key" ON "inbound_email"("message_id", "envelope_from");

-- CreateIndex
CREATE INDEX "attachment_request_id_idx" ON "attachment"("request_id");

-- CreateIndex
CREATE INDEX "attachment_message_id_idx" ON "attachment"("message_id");

-- CreateIndex
CREATE INDEX "email_outbox_message_id_idx" ON "email_outbox"("message_id");

-- CreateIndex
CREATE INDEX "email_outbox_request_id_idx" ON "email_outbox"("request_id");

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_email" ADD CONSTRAINT "inbound_email_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
