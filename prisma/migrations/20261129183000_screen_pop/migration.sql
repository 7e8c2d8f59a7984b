-- The screen pop (« Appel en cours »): the caller's past requests are found by their number, as a
-- key that survives the ways a number is written — the digits before any extension (« poste »,
-- « ext. », « # », a comma), the last ten of them (a leading 1 or +1 dropped); null under seven digits.
CREATE FUNCTION guichet_phone_key(number text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT CASE WHEN length(d) >= 7 THEN right(d, 10) END
    FROM (SELECT regexp_replace(regexp_replace(number, '(,|poste|ext|#).*$', '', 'i'), '[^0-9]', '', 'g') AS d) AS digits
  $$;

-- Calls of that number that opened requests (or voicemails), and requests giving it as their contact.
CREATE INDEX "phone_call_caller_key_idx" ON "phone_call" (guichet_phone_key("caller_number")) WHERE "caller_number" IS NOT NULL;
CREATE INDEX "request_contact_phone_key_idx" ON "request" ("service_id", guichet_phone_key("details" ->> 'contactPhone')) WHERE "details" ? 'contactPhone';

-- An agent's calls answered and not yet settled, polled by their console every few seconds.
CREATE INDEX "phone_call_agent_idx" ON "phone_call" ("agent_id", "received_at") WHERE "external_id" IS NOT NULL;
