// npm run -s bench:queue:generate [-- <count>]   (default 1,000,000)
// Fills the benchmark database with requests shaped like years of the two centres' traffic: ~2 %
// still open (recent), the rest resolved or closed; 60 % CA-dotation, 40 % SAGIR; 3 % urgent;
// 200 MOs; targets with due and at-risk instants; some met late; each with the requester's first
// message, whose words follow a long-tailed distribution (40 help-desk words found in one message
// in ten, and "terme<n>" words whose frequency falls as 1/n: terme100 in about one message in 200,
// terme5000 in one in 5 000), so searches meet common, uncommon and rare words. Made by
// PostgreSQL itself (INSERT … SELECT generate_series), so a million rows take a few minutes.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openBenchDatabase, removeRequests } from "./database";

const count = Number(process.argv[2] ?? 1_000_000);
const VOCABULARY = [
  "candidature", "concours", "dossier", "inscription", "admissibilité", "examen", "résultat", "offre", "emploi", "poste",
  "classement", "bassin", "qualification", "dotation", "affectation", "mutation", "promotion", "sélection", "entrevue", "courriel",
  "téléphone", "formulaire", "paiement", "congé", "salaire", "facture", "fournisseur", "commande", "approbation", "rapport",
  "habilitation", "profil", "compte", "ministère", "organisme", "gestionnaire", "employé", "arrivée", "départ", "rémunération",
];
const WORDS = VOCABULARY.map((w) => `'${w}'`).join(", ");
const WORD_COUNT = VOCABULARY.length;
const { url, stop } = await openBenchDatabase();
const client = new pg.Client({ connectionString: url });
await client.connect();
const started = performance.now();
try {
  await client.query("SET synchronous_commit = off");
  // The database holds the generated requests only: those other benchmarks made (bench:mail's,
  // all new) would swell the open queue the figures are quoted for.
  const others = await removeRequests(client, "number NOT LIKE 'B%'");
  if (others > 0) console.log(`Removed ${others.toLocaleString("fr-CA")} requests made by other benchmarks.`);
  const existing = Number((await client.query("SELECT count(*) AS n FROM request WHERE number LIKE 'B%'")).rows[0].n);
  const threads = Number((await client.query("SELECT count(*) AS n FROM (SELECT 1 FROM request WHERE number LIKE 'B%' AND thread_vector IS NOT NULL LIMIT 1) t")).rows[0].n);
  if (existing >= count && threads > 0) {
    console.log(`The benchmark database already has ${existing.toLocaleString("fr-CA")} generated requests.`);
  } else {
    await client.query("DELETE FROM request_target WHERE request_id IN (SELECT id FROM request WHERE number LIKE 'B%')");
    await client.query("DELETE FROM message WHERE request_id IN (SELECT id FROM request WHERE number LIKE 'B%')");
    await client.query("DELETE FROM request WHERE number LIKE 'B%'");
    await client.query("DELETE FROM phone_call WHERE agent_id IS NULL");
    // The trigger that appends a message's words to its request would rewrite each request row
    // once more; the generator writes the same vector with the request instead.
    await client.query('ALTER TABLE message DISABLE TRIGGER "request_thread_vector"');
    await client.query(`INSERT INTO organization (id, code, name) SELECT gen_random_uuid(), 'BENCH' || i, 'Organisme de banc d''essai ' || i FROM generate_series(1, 200) i ON CONFLICT (code) DO NOTHING`);
    await client.query(`INSERT INTO organization_service (organization_id, service_id) SELECT o.id, s FROM organization o, unnest(ARRAY['ca-dotation', 'sagir']) s WHERE o.code LIKE 'BENCH%' ON CONFLICT DO NOTHING`);
    const agents = (await client.query("SELECT id FROM app_user WHERE role = 'agent'")).rows.map((r) => r.id as string);
    console.log(`Generating ${count.toLocaleString("fr-CA")} requests…`);
    const batch = 100_000;
    for (let from = 1; from <= count; from += batch) {
      const to = Math.min(count, from + batch - 1);
      await client.query(
        `WITH g AS (
           SELECT i,
             CASE WHEN i % 5 < 3 THEN 'ca-dotation' ELSE 'sagir' END AS service_id,
             now() - ((i::double precision / $3) * interval '3 years') - (i % 97) * interval '1 minute' AS received_at,
             (i % 33 = 0) AS urgent,
             gen_random_uuid() AS id,
             (SELECT string_agg(CASE WHEN random() < 0.5
                                     THEN (ARRAY[${WORDS}])[1 + floor(random() * ${WORD_COUNT})::int]
                                     ELSE 'terme' || floor(exp(random() * ln(20000)))::int END, ' ')
              FROM generate_series(1, 8 + i % 5)) AS words
           FROM generate_series($1::int, $2::int) i)
         , message_ins AS (INSERT INTO message (id, request_id, author_kind, visibility, body, at)
           SELECT gen_random_uuid(), g.id, 'requester', 'public', 'Bonjour, ' || g.words || '. Merci.', g.received_at FROM g)
         , ins AS (INSERT INTO request (id, number, service_id, audience_id, channel, type, status, urgent, subject, requester_name, requester_email,
                              organization_id, assignee_id, received_at, closed_at, version, has_targets, next_due_at, next_risk_at, missed, details, updated_at, thread_vector)
         SELECT g.id,
           'B' || CASE WHEN g.service_id = 'sagir' THEN 'SA' ELSE 'CA' END || '-' || lpad((g.i / 1000000)::text, 4, '0') || '-' || lpad((g.i % 1000000)::text, 6, '0'),
           g.service_id,
           CASE WHEN g.service_id = 'sagir' THEN 'sagir-user' WHEN g.i % 3 = 0 THEN 'mo-specialist' ELSE 'candidate' END,
           CASE WHEN g.service_id = 'sagir' THEN (ARRAY['request-tool','request-tool','email','phone','fax','voicemail'])[1 + g.i % 6]
                WHEN g.i % 3 = 0 THEN (ARRAY['request-form','email'])[1 + g.i % 2]
                ELSE (ARRAY['web','email','phone'])[1 + g.i % 3] END,
           CASE WHEN g.service_id = 'sagir' THEN (ARRAY['access','self-service','specialised','training','arrival','departure','parametrization'])[1 + g.i % 7]
                WHEN g.i % 3 = 0 THEN (ARRAY['how-to','malfunction','access-change','other'])[1 + g.i % 4]
                ELSE (ARRAY['online-systems','qualification-process','staffing-general'])[1 + g.i % 3] END,
           (CASE WHEN g.i <= $3 * 0.02 THEN (ARRAY['new','in_progress','waiting_requester'])[1 + g.i % 3]
                 WHEN g.i % 10 = 0 THEN 'resolved' ELSE 'closed' END)::request_status,
           g.urgent,
           (ARRAY['Mot de passe oublié','Accès au module','Problème de connexion','Question sur un processus de qualification','Formation SGA','Délai de traitement','Erreur à la saisie'])[1 + g.i % 7] || ' ' || g.i,
           CASE WHEN g.service_id = 'ca-dotation' AND g.i % 3 <> 0 THEN 'Personne ' || g.i ELSE NULL END,
           CASE WHEN g.service_id = 'ca-dotation' AND g.i % 3 <> 0 THEN 'p' || g.i || '@exemple.ca' ELSE NULL END,
           CASE WHEN g.service_id = 'sagir' OR g.i % 3 = 0 THEN (SELECT id FROM organization WHERE code = 'BENCH' || (1 + g.i % 200)) ELSE NULL END,
           CASE WHEN g.i % 4 = 0 THEN NULL ELSE ($4::uuid[])[1 + g.i % cardinality($4::uuid[])] END,
           g.received_at,
           CASE WHEN g.i > $3 * 0.02 AND g.i % 10 <> 0 THEN g.received_at + interval '3 days' ELSE NULL END,
           0, true,
           CASE WHEN g.i <= $3 * 0.02 AND g.i % 5 <> 0 THEN g.received_at + interval '2 days' ELSE NULL END,
           CASE WHEN g.i <= $3 * 0.02 AND g.i % 5 <> 0 THEN g.received_at + interval '36 hours' ELSE NULL END,
           (g.i % 12 = 0),
           '{}'::jsonb,
           now(),
           to_tsvector('guichet_fr', 'Bonjour, ' || g.words || '. Merci.')
         FROM g
         RETURNING id, service_id, audience_id, received_at, next_due_at, missed)
         INSERT INTO request_target (request_id, target_id, metric, clock, amount, unit, calendar_id, starts_at, due_at, risk_at, met_at)
         SELECT r.id,
           CASE WHEN r.service_id = 'sagir' THEN 'sagir-written-take-charge' WHEN r.audience_id = 'mo-specialist' THEN 'cad-mo-first-reply' ELSE 'cad-candidate-reply' END,
           CASE WHEN r.service_id = 'sagir' THEN 'take-in-charge' WHEN r.audience_id = 'mo-specialist' THEN 'first-reply' ELSE 'reply-or-delay-notice' END,
           'business-day-time', 48, 'hours',
           CASE WHEN r.service_id = 'sagir' THEN 'sagir' WHEN r.audience_id = 'mo-specialist' THEN 'cad-mo' ELSE 'cad-candidates' END,
           r.received_at, r.received_at + interval '2 days', r.received_at + interval '36 hours',
           CASE WHEN r.next_due_at IS NULL THEN r.received_at + CASE WHEN r.missed THEN interval '3 days' ELSE interval '5 hours' END ELSE NULL END
         FROM ins r`,
        [from, to, count, agents],
      );
      console.log(`  ${to.toLocaleString("fr-CA")} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    await client.query("ANALYZE request");
    await client.query("ANALYZE message");
    await client.query("ANALYZE request_target");
  }
  // The dashboards' other rows (bench:dashboard): logged phone calls (about one per three requests,
  // answered in 0 to 12 minutes against their 5- or 15-minute target, some never answered) and an
  // avis de délai with its promise on one request in twenty.
  const calls = Number((await client.query("SELECT count(*) AS n FROM (SELECT 1 FROM phone_call WHERE agent_id IS NULL LIMIT 1) c")).rows[0].n);
  if (calls === 0) {
    console.log("Generating phone calls and promises…");
    await client.query(`
      INSERT INTO phone_call (id, service_id, audience_id, channel, received_at, answered_at, target_id, due_at, urgent, outcome)
      SELECT gen_random_uuid(), s.service_id, s.audience_id, s.channel, s.received_at,
             CASE WHEN s.channel = 'phone' AND i % 25 <> 0 THEN s.received_at + (i % 13) * interval '1 minute' ELSE NULL END,
             CASE WHEN s.channel <> 'phone' THEN NULL WHEN s.service_id = 'sagir' THEN 'sagir-phone-take-charge' ELSE 'cad-candidate-phone-answer' END,
             CASE WHEN s.channel <> 'phone' THEN NULL WHEN s.service_id = 'sagir' THEN s.received_at + interval '15 minutes' ELSE s.received_at + interval '5 minutes' END,
             false, 'settled'
      FROM (SELECT i,
                   CASE WHEN i % 5 < 3 THEN 'ca-dotation' ELSE 'sagir' END AS service_id,
                   CASE WHEN i % 5 < 3 THEN 'candidate' ELSE 'sagir-user' END AS audience_id,
                   CASE WHEN i % 5 >= 3 AND i % 10 = 3 THEN 'voicemail' WHEN i % 5 >= 3 AND i % 20 = 4 THEN 'fax' ELSE 'phone' END AS channel,
                   now() - ((i::double precision / ($1 / 3)) * interval '3 years') AS received_at
            FROM generate_series(1, ($1 / 3)::int) i) s`, [count]);
    await client.query(`
      INSERT INTO request_target (request_id, target_id, metric, clock, amount, unit, calendar_id, starts_at, due_at, risk_at, met_at)
      SELECT r.id, 'promise-1', 'promised-reply', 'business-days', 5, 'days', t.calendar_id,
             r.received_at + interval '1 day', r.received_at + interval '8 days', r.received_at + interval '6 days',
             CASE WHEN r.status IN ('resolved', 'closed') THEN r.received_at + CASE WHEN r.missed THEN interval '9 days' ELSE interval '5 days' END ELSE NULL END
      FROM request r JOIN request_target t ON t.request_id = r.id
      WHERE r.number LIKE 'B%' AND right(r.number, 2)::int % 20 = 0
      ON CONFLICT DO NOTHING`);
    await client.query("ANALYZE phone_call");
    await client.query("ANALYZE request_target");
  }
  // The second level and the review (issue 15), run again on a database generated before them: a
  // few contacts; one request in 60 forwarded over the years (answered after 1 to 72 hours), the
  // open ones forwarded in 1 in 5 (waiting); one open SAGIR request in 10 with an answer to review.
  const referrals = Number((await client.query("SELECT count(*) AS n FROM (SELECT 1 FROM referral LIMIT 1) f")).rows[0].n);
  if (referrals === 0) {
    console.log("Generating second-level forwards and reviews…");
    await client.query(`
      INSERT INTO external_contact (id, service_id, name, email, role)
      SELECT gen_random_uuid(), s, 'Intervenant ' || i, 'intervenant' || i || '@' || s || '.exemple.qc.ca', ''
      FROM unnest(ARRAY['ca-dotation', 'sagir']) s, generate_series(1, 5) i
      ON CONFLICT DO NOTHING`);
    await client.query(`
      INSERT INTO referral (id, request_id, contact_id, sent_at, follow_up_at, answered_at, answered_via)
      SELECT gen_random_uuid(), r.id, (SELECT c.id FROM external_contact c WHERE c.service_id = r.service_id ORDER BY c.email LIMIT 1),
             r.received_at + interval '2 hours', r.received_at + interval '3 days',
             CASE WHEN r.status IN ('resolved', 'closed') THEN r.received_at + interval '2 hours' + (right(r.number, 2)::int % 72 + 1) * interval '1 hour' END,
             CASE WHEN r.status IN ('resolved', 'closed') THEN 'email' END
      FROM request r
      WHERE r.number LIKE 'B%' AND (right(r.number, 3)::int % 60 = 7 OR (r.status IN ('new', 'in_progress', 'waiting_requester') AND right(r.number, 1)::int % 5 = 1))`);
    await client.query(`
      INSERT INTO message (id, request_id, author_kind, visibility, reply_kind, body, at)
      SELECT gen_random_uuid(), r.id, 'agent', 'review', 'answer', 'Réponse à réviser.', r.received_at + interval '1 day'
      FROM request r
      WHERE r.number LIKE 'B%' AND r.service_id = 'sagir' AND r.status IN ('new', 'in_progress', 'waiting_requester') AND right(r.number, 2)::int % 10 = 3`);
    await client.query(`
      INSERT INTO resolution_review (id, request_id, message_id, submitted_at, reply_kind, status_after)
      SELECT gen_random_uuid(), m.request_id, m.id, m.at, 'answer', 'resolved' FROM message m WHERE m.visibility = 'review'`);
    await client.query("ANALYZE referral");
    await client.query("ANALYZE resolution_review");
  }
  const total = Number((await client.query("SELECT count(*) AS n FROM request")).rows[0].n);
  console.log(`Done: ${total.toLocaleString("fr-CA")} requests in the database (${((performance.now() - started) / 1000).toFixed(0)} s).`);
} finally {
  await client.query('ALTER TABLE message ENABLE TRIGGER "request_thread_vector"');
  await client.end();
  await stop();
}
