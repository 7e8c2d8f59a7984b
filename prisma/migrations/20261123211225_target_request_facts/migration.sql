-- The dashboards read the targets of a service's requests received in a period: a month of
-- CA-dotation is ~17 000 requests, and joining each to its targets through the primary key (random
-- uuids) cost ~0.3 s at a million requests. The request's facts that never change (service,
-- audience, channel, receipt) are copied onto its targets, by the database whatever path writes a
-- target, so a period is one range of one index.
ALTER TABLE "request_target"
  ADD COLUMN "service_id" TEXT,
  ADD COLUMN "audience_id" TEXT,
  ADD COLUMN "channel" TEXT,
  ADD COLUMN "received_at" TIMESTAMPTZ(3);

CREATE FUNCTION "request_target_request_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r."service_id", r."audience_id", r."channel", r."received_at"
    INTO NEW."service_id", NEW."audience_id", NEW."channel", NEW."received_at"
    FROM "request" r WHERE r."id" = NEW."request_id";
  RETURN NEW;
END
$$;

CREATE TRIGGER "request_target_request_facts" BEFORE INSERT OR UPDATE OF "request_id" ON "request_target"
  FOR EACH ROW EXECUTE FUNCTION "request_target_request_facts"();

-- Those facts are fixed at receipt: a request's service, audience, channel and receipt never change.
CREATE FUNCTION "request_facts_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a request''s service, audience, channel and receipt never change';
END
$$;

CREATE TRIGGER "request_facts_immutable" BEFORE UPDATE OF "service_id", "audience_id", "channel", "received_at" ON "request"
  FOR EACH ROW WHEN (OLD."service_id" IS DISTINCT FROM NEW."service_id" OR OLD."audience_id" IS DISTINCT FROM NEW."audience_id"
                     OR OLD."channel" IS DISTINCT FROM NEW."channel" OR OLD."received_at" IS DISTINCT FROM NEW."received_at")
  EXECUTE FUNCTION "request_facts_immutable"();

-- The targets written before this migration.
UPDATE "request_target" t
SET "service_id" = r."service_id", "audience_id" = r."audience_id", "channel" = r."channel", "received_at" = r."received_at"
FROM "request" r WHERE r."id" = t."request_id";

CREATE INDEX "request_target_service_received_idx" ON "request_target"("service_id", "received_at");
