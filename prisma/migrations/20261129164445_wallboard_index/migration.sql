-- DropIndex
DROP INDEX "phone_call_line_id_call_status_idx";

-- CreateIndex
CREATE INDEX "phone_call_line_id_received_at_idx" ON "phone_call"("line_id", "received_at");
