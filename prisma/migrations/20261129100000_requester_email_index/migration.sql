-- A person's access or erasure request (Loi 25) finds their requests by address, whatever its case.
CREATE INDEX "request_requester_email_idx" ON "request" (lower("requester_email")) WHERE "requester_email" IS NOT NULL;
CREATE INDEX "request_requester_user_idx" ON "request" ("requester_user_id") WHERE "requester_user_id" IS NOT NULL;
