-- The queue over every status (a search, "tous les statuts") reads an index in queue order too:
-- without it, a million requests were sorted at each page (≈ 0.65 s p95 in bench:queue).
CREATE INDEX "request_queue_all_idx" ON "request"
  ("service_id", (NOT "urgent"), (COALESCE("next_due_at", 'infinity'::timestamptz)), "received_at", "number");
