-- The time a met target took, in its own clock (business-day time, service hours…), derived with
-- met_at by the application (the catalogue engine computes it): the dashboards' medians and 90th
-- percentiles are then one SQL aggregate. Targets met before this migration are filled by
-- prepareDatabase (backfillMetClockTimes), found through the partial index below.
ALTER TABLE "request_target" ADD COLUMN "met_clock_ms" BIGINT;

CREATE INDEX "request_target_met_clock_missing_idx" ON "request_target" ("request_id")
  WHERE "met_at" IS NOT NULL AND "met_clock_ms" IS NULL;
