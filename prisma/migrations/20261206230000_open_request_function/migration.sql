-- Opening a request in one statement (src/server/services/open-request.ts, openRequestIn): the
-- request, its targets, its first event and message, its personal data, its acknowledgement
-- (capped per address per day) and its number without gaps. Through the ORM this was a dozen
-- statements and round trips, with the numbering counter's row locked across the last ones: under a
-- burst of inquiries, the round trips were the queue (issue 13's ≥ 300 inquiries/s).
--
-- Everything is computed by the application (the targets and due instants by the catalogue's
-- engine, the acknowledgement's text in the requester's language); this function only writes it, in
-- this order, and numbers the request. The acknowledgement was rendered before its number existed:
-- it names the request `pending-<id>`, replaced here by the number. The counter's row stays locked
-- until the caller's transaction ends, and its increment rolls back with it.
CREATE FUNCTION "guichet_open_request"(p JSONB) RETURNS TABLE ("number" TEXT, "acknowledged" BOOLEAN)
LANGUAGE plpgsql AS $$
DECLARE
  r JSONB := p->'request';
  rid UUID := (r->>'id')::uuid;
  provisional TEXT := 'pending-' || (r->>'id');
  ack JSONB := p->'acknowledgement';
  sequence INTEGER;
  given TEXT;
  automatic_today INTEGER;
  sent BOOLEAN := false;
BEGIN
  INSERT INTO "request_counter" ("prefix", "year", "last")
  VALUES (p->'numbering'->>'prefix', (p->'numbering'->>'year')::int, 1)
  ON CONFLICT ("prefix", "year") DO UPDATE SET "last" = "request_counter"."last" + 1
  RETURNING "last" INTO sequence;
  given := (p->'numbering'->>'head') || lpad(sequence::text, greatest((p->'numbering'->>'width')::int, length(sequence::text)), '0');

  INSERT INTO "request" ("id", "number", "service_id", "audience_id", "channel", "type", "subject", "urgent",
    "requester_name", "requester_email", "requester_user_id", "organization_id", "tracking_token_hash",
    "details", "received_at", "nominative", "language", "sender_status", "next_due_at", "next_risk_at",
    "has_targets", "updated_at")
  SELECT rid, given, x."serviceId", x."audienceId", x."channel", x."type", x."subject", x."urgent",
    x."requesterName", x."requesterEmail", x."requesterUserId", x."organizationId", x."trackingTokenHash",
    COALESCE(x."details", '{}'::jsonb), x."receivedAt", x."nominative", x."language", x."senderStatus",
    x."nextDueAt", x."nextRiskAt", x."hasTargets", CURRENT_TIMESTAMP
  FROM jsonb_to_record(r) AS x("serviceId" TEXT, "audienceId" TEXT, "channel" TEXT, "type" TEXT, "subject" TEXT,
    "urgent" BOOLEAN, "requesterName" TEXT, "requesterEmail" TEXT, "requesterUserId" UUID, "organizationId" UUID,
    "trackingTokenHash" TEXT, "details" JSONB, "receivedAt" TIMESTAMPTZ, "nominative" BOOLEAN, "language" TEXT,
    "senderStatus" TEXT, "nextDueAt" TIMESTAMPTZ, "nextRiskAt" TIMESTAMPTZ, "hasTargets" BOOLEAN);

  INSERT INTO "request_target" ("request_id", "target_id", "metric", "clock", "amount", "unit", "calendar_id", "starts_at", "due_at", "risk_at")
  SELECT rid, t."targetId", t."metric", t."clock", t."amount", t."unit", t."calendarId", t."startsAt", t."dueAt", t."riskAt"
  FROM jsonb_to_recordset(COALESCE(p->'targets', '[]'::jsonb)) AS t("targetId" TEXT, "metric" TEXT, "clock" TEXT,
    "amount" INTEGER, "unit" TEXT, "calendarId" TEXT, "startsAt" TIMESTAMPTZ, "dueAt" TIMESTAMPTZ, "riskAt" TIMESTAMPTZ);

  INSERT INTO "request_event" ("request_id", "kind", "actor_kind", "actor_user_id", "at", "data")
  SELECT rid, 'received', e."actorKind", e."actorUserId", e."at", COALESCE(e."data", '{}'::jsonb)
  FROM jsonb_to_record(p->'event') AS e("actorKind" TEXT, "actorUserId" UUID, "at" TIMESTAMPTZ, "data" JSONB);

  IF jsonb_typeof(p->'message') = 'object' THEN
    INSERT INTO "message" ("id", "request_id", "author_kind", "author_user_id", "visibility", "body", "system_kind", "quoted", "inbound_email_id", "at")
    SELECT gen_random_uuid(), rid, m."authorKind", m."authorUserId", m."visibility", m."body", m."systemKind", m."quoted", m."inboundEmailId", m."at"
    FROM jsonb_to_record(p->'message') AS m("authorKind" TEXT, "authorUserId" UUID, "visibility" TEXT, "body" TEXT,
      "systemKind" TEXT, "quoted" TEXT, "inboundEmailId" BIGINT, "at" TIMESTAMPTZ);
  END IF;

  IF jsonb_typeof(p->'personalData') = 'object' THEN
    INSERT INTO "request_personal_data" ("request_id", "birth_day", "birth_month")
    SELECT rid, d."birthDay", d."birthMonth" FROM jsonb_to_record(p->'personalData') AS d("birthDay" SMALLINT, "birthMonth" SMALLINT);
  END IF;

  IF jsonb_typeof(ack) = 'object' THEN
    -- The day's count of automatic messages to the address (its hash): none past the cap.
    INSERT INTO "rate_limit" ("key", "window_start", "count") VALUES (ack->>'capKey', (ack->>'capDay')::timestamptz, 1)
    ON CONFLICT ("key", "window_start") DO UPDATE SET "count" = "rate_limit"."count" + 1
    RETURNING "count" INTO automatic_today;
    IF automatic_today <= (ack->>'capMax')::int THEN
      INSERT INTO "email_outbox" ("request_id", "kind", "automatic", "locale", "subject", "body", "html", "in_reply_to", "references", "message_id", "created_at", "next_attempt_at")
      SELECT rid, 'acknowledgement', true, a."locale", replace(a."subject", provisional, given), replace(a."body", provisional, given),
        replace(a."html", provisional, given), a."inReplyTo", COALESCE(a."references", ARRAY[]::text[]), a."messageId", a."createdAt", a."createdAt"
      FROM jsonb_to_record(ack) AS a("locale" TEXT, "subject" TEXT, "body" TEXT, "html" TEXT, "inReplyTo" TEXT, "references" TEXT[], "messageId" TEXT, "createdAt" TIMESTAMPTZ);
      sent := true;
    END IF;
  END IF;

  RETURN QUERY SELECT given, sent;
END
$$;
