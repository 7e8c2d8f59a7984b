-- CreateTable
CREATE TABLE "notification_dispatch" (
    "request_id" UUID NOT NULL,
    "target_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "deliver_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "handled_at" TIMESTAMPTZ(3),
    "outcome" TEXT,

    CONSTRAINT "notification_dispatch_pkey" PRIMARY KEY ("request_id","target_id","state")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "target_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "message_id" TEXT,
    "last_error" TEXT,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_user_id_created_at_idx" ON "notification"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_request_id_target_id_state_user_id_key" ON "notification"("request_id", "target_id", "state", "user_id");

-- CreateIndex
CREATE INDEX "email_outbox_sent_at_id_idx" ON "email_outbox"("sent_at", "id");

-- AddForeignKey
ALTER TABLE "notification_dispatch" ADD CONSTRAINT "notification_dispatch_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the scan reads the unmet targets whose risk or due instant has just passed; the
-- delivery reads the pending dispatches by instant; the header counts a person's unread ones.
CREATE INDEX "request_target_unmet_risk_idx" ON "request_target" ("risk_at") WHERE "met_at" IS NULL;
CREATE INDEX "request_target_unmet_due_idx" ON "request_target" ("due_at") WHERE "met_at" IS NULL;
CREATE INDEX "notification_dispatch_pending_idx" ON "notification_dispatch" ("deliver_at") WHERE "handled_at" IS NULL;
CREATE INDEX "notification_unread_idx" ON "notification" ("user_id") WHERE "read_at" IS NULL;
