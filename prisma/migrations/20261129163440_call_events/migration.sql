-- AlterTable
ALTER TABLE "phone_call" ADD COLUMN     "abandoned_at" TIMESTAMPTZ(3),
ADD COLUMN     "agent_ref" TEXT,
ADD COLUMN     "call_status" TEXT,
ADD COLUMN     "caller_number" TEXT,
ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "line_id" TEXT;

-- CreateTable
CREATE TABLE "call_event" (
    "id" BIGSERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "agent_ref" TEXT,
    "caller_number" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "call_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "call_event_external_id_kind_key" ON "call_event"("external_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "phone_call_external_id_key" ON "phone_call"("external_id");

-- CreateIndex
CREATE INDEX "phone_call_line_id_call_status_idx" ON "phone_call"("line_id", "call_status");
