-- guichet_receive_call_event (migration 20261129190000), restated whole with one change: the line a
-- call is already on is read through the call's own events (the index on external_id), whatever the
-- table's statistics. PL/pgSQL caches a generic plan; for `ORDER BY id LIMIT 1` it may choose to walk
-- call_event's primary key until an event of the call turns up — for a new call (its first event,
-- none stored yet), the whole index. Seen on the benchmark's database after its events were removed
-- (statistics of a table that had held few calls): 3 ms and 10,000 pages read for each new call.
CREATE OR REPLACE FUNCTION guichet_receive_call_event(
  p_external_id text, p_kind text, p_line_id text, p_service_id text, p_audience_id text, p_at timestamptz,
  p_agent_ref text, p_caller text, p_details jsonb, p_received_at timestamptz,
  p_target_id text, p_target_ms bigint, p_abandon_threshold_ms bigint
) RETURNS TABLE (
  stored boolean, call_id uuid, other_line text, status text, queued_at timestamptz, answered_at timestamptz,
  abandoned_at timestamptz, ended_at timestamptz, wait_ms bigint, due_at timestamptz, met boolean
) LANGUAGE plpgsql AS $$
DECLARE
  r record;
  v_first timestamptz;
  v_answered boolean := false;
  v_rows int;
  v_line text;
  v_queued timestamptz;
  v_settle_kind text;
  v_settle_at timestamptz;
  v_ended timestamptz;
  v_agent_ref text;
  v_caller text;
  v_status text;
  v_wait bigint;
  v_due timestamptz;
  v_counts boolean;
  v_agent uuid;
  v_call uuid;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('call:' || p_external_id, 0));
  -- The call's events first (its index), then the first of them: with `ORDER BY id LIMIT 1` alone,
  -- the cached plan could walk the whole primary key for a new call, which has none.
  WITH mine AS MATERIALIZED (SELECT e.id, e.line_id FROM call_event e WHERE e.external_id = p_external_id)
  SELECT mine.line_id INTO v_line FROM mine ORDER BY mine.id LIMIT 1;
  IF v_line IS NOT NULL AND v_line <> p_line_id THEN
    RETURN QUERY SELECT false, NULL::uuid, v_line, NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::bigint, NULL::timestamptz, NULL::boolean;
    RETURN;
  END IF;
  INSERT INTO call_event (external_id, kind, line_id, at, agent_ref, caller_number, details, received_at)
  VALUES (p_external_id, p_kind, p_line_id, p_at, p_agent_ref, p_caller, p_details, p_received_at)
  ON CONFLICT (external_id, kind) DO NOTHING;
  GET DIAGNOSTICS v_rows = ROW_COUNT;

  -- The events in the order a call goes through them: by instant, then queued, answered,
  -- abandoned / voicemail, ended, then as received; the first of each kind decides.
  FOR r IN
    SELECT e.kind, e.at, e.agent_ref, e.caller_number FROM call_event e WHERE e.external_id = p_external_id
    ORDER BY e.at, CASE e.kind WHEN 'queued' THEN 0 WHEN 'answered' THEN 1 WHEN 'ended' THEN 3 ELSE 2 END, e.id
  LOOP
    v_first := coalesce(v_first, r.at);
    IF r.kind = 'queued' AND v_queued IS NULL THEN v_queued := r.at; END IF;
    IF r.kind IN ('answered', 'abandoned', 'voicemail') AND v_settle_kind IS NULL THEN v_settle_kind := r.kind; v_settle_at := r.at; END IF;
    IF r.kind = 'ended' AND v_ended IS NULL THEN v_ended := r.at; END IF;
    IF r.kind = 'answered' AND NOT v_answered THEN v_answered := true; v_agent_ref := r.agent_ref; END IF;
    IF v_caller IS NULL AND r.caller_number <> '' THEN v_caller := r.caller_number; END IF;
  END LOOP;
  v_queued := coalesce(v_queued, v_first);

  v_status := CASE WHEN v_settle_kind IS NULL THEN 'waiting' WHEN v_settle_kind = 'answered' THEN 'answered' WHEN v_settle_kind = 'abandoned' THEN 'abandoned' ELSE 'voicemail' END;
  v_wait := CASE WHEN v_settle_at IS NULL THEN NULL ELSE greatest(0, round(extract(epoch FROM v_settle_at - v_queued) * 1000))::bigint END;
  v_due := v_queued + coalesce(p_target_ms, 0) * interval '1 millisecond';
  v_counts := p_target_ms IS NOT NULL AND (v_status = 'answered' OR (v_status = 'abandoned' AND v_wait >= p_abandon_threshold_ms));

  -- Who answered, when the system names a Guichet agent of the line's service by their e-mail.
  IF v_agent_ref LIKE '%@%' THEN
    SELECT u.id INTO v_agent FROM app_user u JOIN user_service s ON s.user_id = u.id AND s.service_id = p_service_id
    WHERE u.email = lower(v_agent_ref) AND u.role = 'agent' AND u.disabled_at IS NULL;
  END IF;

  INSERT INTO phone_call AS c (id, external_id, channel, outcome, service_id, audience_id, line_id, received_at, answered_at, abandoned_at, ended_at,
                               call_status, target_id, due_at, agent_id, agent_ref, caller_number)
  VALUES (gen_random_uuid(), p_external_id, 'phone', v_status, p_service_id, p_audience_id, p_line_id, v_queued,
          CASE WHEN v_status = 'answered' THEN v_settle_at END, CASE WHEN v_status = 'abandoned' THEN v_settle_at END, v_ended,
          v_status, CASE WHEN v_counts THEN p_target_id END, CASE WHEN v_counts THEN v_due END, v_agent, v_agent_ref, v_caller)
  ON CONFLICT (external_id) DO UPDATE SET
    outcome = CASE WHEN c.outcome IN ('settled', 'request_opened') THEN c.outcome ELSE EXCLUDED.outcome END,
    service_id = EXCLUDED.service_id, audience_id = EXCLUDED.audience_id, line_id = EXCLUDED.line_id,
    received_at = EXCLUDED.received_at, answered_at = EXCLUDED.answered_at, abandoned_at = EXCLUDED.abandoned_at, ended_at = EXCLUDED.ended_at,
    call_status = EXCLUDED.call_status, target_id = EXCLUDED.target_id, due_at = EXCLUDED.due_at,
    agent_id = EXCLUDED.agent_id, agent_ref = EXCLUDED.agent_ref, caller_number = EXCLUDED.caller_number
  RETURNING c.id INTO v_call;

  RETURN QUERY SELECT v_rows = 1, v_call, NULL::text, v_status, v_queued,
    CASE WHEN v_status = 'answered' THEN v_settle_at END, CASE WHEN v_status = 'abandoned' THEN v_settle_at END, v_ended, v_wait,
    CASE WHEN v_counts THEN v_due END,
    CASE WHEN v_counts THEN v_status = 'answered' AND v_settle_at <= v_due END;
END
$$;
