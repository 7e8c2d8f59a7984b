// npm run -s bench:communiques — a communiqué to 100,000 people in the benchmark database of a
// million requests (bench:queue:generate): the time its fan-out takes (one worker's cycle: each
// person gets it in the app and an e-mail copy queued in the outbox, 5,000 per transaction), then a
// recipient's list of communiqués (the page's service function, 20 newest) and unread count (the
// header's badge, on every page) p95. The 100,000 people (sagir_user in 40 bench MOs that adhered
// to SAGIR) and a history of 20 earlier communiqués to all of them (2 million rows) are made once
// and kept; each run's communiqué is removed at the end. Issue 16's targets: fan-out ≤ 60 s,
// list p95 ≤ 50 ms. Prints the machine, the figures, and the verdicts last.
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { measure } from "../measure";
import { openBenchDatabase } from "../queue/database";

const PEOPLE = 100_000;
const ORGANIZATIONS = 40;
const HISTORY = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const FANOUT_TARGET_S = 60;
const LIST_TARGET_MS = 50;

const { url, stop } = await openBenchDatabase();
const client = new pg.Client({ connectionString: url });
await client.connect();
const requests = Number((await client.query("SELECT count(*) AS n FROM request")).rows[0].n);

/** Removes communiqués (SQL condition on `communique`) with their recipients and e-mails; a sent one is frozen, so its guard is set aside here only. */
async function removeCommuniques(condition: string): Promise<void> {
  await client.query("BEGIN");
  await client.query('ALTER TABLE communique DISABLE TRIGGER "communique_frozen"');
  await client.query(`DELETE FROM email_outbox WHERE communique_id IN (SELECT id FROM communique WHERE ${condition})`);
  await client.query(`DELETE FROM communique WHERE ${condition}`);
  await client.query('ALTER TABLE communique ENABLE TRIGGER "communique_frozen"');
  await client.query("COMMIT");
}
// A run stopped halfway leaves its communiqué: removed before this one.
await removeCommuniques("title_fr = 'bench:communiques — envoi mesuré'");

// The people, once: 40 MOs that adhered to SAGIR and subscribe to it; 2,500 SAGIR users each.
const made = Number((await client.query("SELECT count(*) AS n FROM app_user WHERE email LIKE 'banc-com-%'")).rows[0].n);
if (made < PEOPLE) {
  const t0 = performance.now();
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO organization (id, code, name, sagir_implemented_on, sagir_adhered_on)
     SELECT gen_random_uuid(), 'BANC-COM-' || i, 'Organisation du banc ' || i, DATE '2024-04-01', DATE '2024-04-01'
     FROM generate_series(1, $1) i ON CONFLICT (code) DO NOTHING`,
    [ORGANIZATIONS],
  );
  await client.query(
    `INSERT INTO organization_service (organization_id, service_id)
     SELECT id, 'sagir' FROM organization WHERE code LIKE 'BANC-COM-%' ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO app_user (id, email, name, password_hash, role, organization_id, locale)
     SELECT gen_random_uuid(), 'banc-com-' || i || '@banc.exemple.qc.ca', 'Personne du banc ' || i, 'banc', 'sagir_user',
            (SELECT id FROM organization WHERE code = 'BANC-COM-' || (1 + i % $2)), CASE WHEN i % 10 = 0 THEN 'en' ELSE 'fr' END
     FROM generate_series(1, $1) i ON CONFLICT (email) DO NOTHING`,
    [PEOPLE, ORGANIZATIONS],
  );
  await client.query(`INSERT INTO user_service (user_id, service_id) SELECT id, 'sagir' FROM app_user WHERE email LIKE 'banc-com-%' ON CONFLICT DO NOTHING`);
  await client.query("COMMIT");
  console.log(`bench:communiques — ${PEOPLE.toLocaleString("fr-CA")} personnes créées en ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const agentId = (await client.query("SELECT id FROM app_user WHERE email = 'agent.sagir@cspq.exemple.qc.ca'")).rows[0].id as string;

// Their history, once: 20 communiqués sent over the past months, each to all of them, a third read.
const history = Number((await client.query("SELECT count(*) AS n FROM communique WHERE title_fr LIKE 'bench:communiques — historique%'")).rows[0].n);
if (history < HISTORY) {
  const t0 = performance.now();
  await removeCommuniques("title_fr LIKE 'bench:communiques — historique%'");
  await client.query("SET synchronous_commit = off");
  for (let i = 0; i < HISTORY; i += 1) {
    const sentAt = new Date(Date.now() - (HISTORY - i) * 7 * 86_400_000);
    const { rows } = await client.query(
      `INSERT INTO communique (id, number, service_id, source, title_fr, body_fr, audience, status, fingerprint, author_id, sent_at, fanned_out_at, recipient_count, created_at, updated_at)
       VALUES (gen_random_uuid(), 'COM-SAG-BANC-' || lpad($1::text, 3, '0'), 'sagir', 'dggir', 'bench:communiques — historique ' || $1, 'Texte du communiqué.',
               '{"organizations":"adhered","organizationIds":[],"roles":["sagir_user"],"groups":[]}', 'sent', repeat('0', 64), $2, $3, $3, $4, $3, $3)
       RETURNING id`,
      [i + 1, agentId, sentAt, PEOPLE],
    );
    await client.query(
      `INSERT INTO communique_recipient (communique_id, user_id, delivered_at, read_at, email_status)
       SELECT $1, id, $2, CASE WHEN random() < 0.33 THEN $2::timestamptz + interval '2 hours' END, 'sent' FROM app_user WHERE email LIKE 'banc-com-%'`,
      [rows[0].id, sentAt],
    );
  }
  await client.query("ANALYZE communique_recipient");
  console.log(`bench:communiques — historique de ${HISTORY} communiqués (${(HISTORY * PEOPLE).toLocaleString("fr-CA")} destinataires) créé en ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const { getDb } = await import("../../src/server/db/client");
const { sendCommunique, runCommuniqueCycle, listReceivedCommuniques, unreadCommuniques } = await import("../../src/server/services/communiques");
const { toCurrentUser } = await import("../../src/server/auth/session-user");
const { findSessionUser } = await import("../../src/server/repositories/user-repository");
const db = getDb();
const asUser = async (id: string) => toCurrentUser((await findSessionUser(db, id))!)!;
const agent = await asUser(agentId);

// The measured communiqué: written as a draft, sent by the agent through the service, fanned out by one worker's cycle.
const now = new Date();
const draft = await db.communique.create({
  data: {
    serviceId: "sagir",
    source: "dggir",
    titleFr: "bench:communiques — envoi mesuré",
    bodyFr: "Un communiqué à toutes les personnes du banc.",
    audience: { organizations: "list", organizationIds: (await db.organization.findMany({ where: { code: { startsWith: "BANC-COM-" } }, select: { id: true } })).map((o) => o.id), roles: ["sagir_user"], groups: [] },
    status: "draft",
    authorId: agentId,
    createdAt: now,
    updatedAt: now,
  },
});
let fanOutSeconds = Number.NaN;
let reached = 0;
let list = { result: 0, p50: Number.NaN, p95: Number.NaN };
let unread = { result: 0, p50: Number.NaN, p95: Number.NaN };
try {
  const sent = await sendCommunique({ user: agent, id: draft.id, send: { when: "now", sendAt: null }, now });
  const t0 = performance.now();
  let cycles = 0;
  for (;;) {
    cycles += 1;
    reached += (await runCommuniqueCycle(db, now, { budgetMs: 600_000 })).delivered;
    const row = await db.communique.findUniqueOrThrow({ where: { id: draft.id }, select: { fannedOutAt: true } });
    if (row.fannedOutAt) break;
  }
  fanOutSeconds = (performance.now() - t0) / 1000;
  const outbox = Number((await client.query("SELECT count(*) AS n FROM email_outbox WHERE communique_id = $1", [draft.id])).rows[0].n);
  console.log(`bench:communiques — ${sent.number} : ${reached.toLocaleString("fr-CA")} personnes jointes, ${outbox.toLocaleString("fr-CA")} courriels mis en file, en ${cycles} cycle(s)`);

  // A recipient's list and unread count: 50 people of the bench in turn (21 communiqués each).
  const sample = (await client.query("SELECT id FROM app_user WHERE email LIKE 'banc-com-%' ORDER BY random() LIMIT 50")).rows.map((r) => r.id as string);
  const readers = await Promise.all(sample.map(asUser));
  let k = 0;
  list = await measure(async () => (await listReceivedCommuniques({ user: readers[k++ % readers.length]!, locale: "fr" })).items.length, RUNS);
  unread = await measure(async () => unreadCommuniques(readers[k++ % readers.length]!), RUNS);
} finally {
  await db.$disconnect();
  await removeCommuniques(`id = '${draft.id}'`);
  await client.end();
  await stop();
}

const recipients = HISTORY * PEOPLE + reached;
console.log(
  `bench:communiques — ${requests.toLocaleString("fr-CA")} requêtes dans la base${requests < 1_000_000 ? " (moins d'un million : lancez d'abord npm run -s bench:queue:generate)" : ""}; ` +
    `${recipients.toLocaleString("fr-CA")} destinataires de communiqués; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}; Node ${process.version}; ${RUNS} mesures`,
);
console.log("mesure                                      | résultat | p50 (ms) | p95 (ms)");
console.log(`${"liste des communiqués reçus (20 récents)".padEnd(43)} | ${String(list.result).padStart(8)} | ${list.p50.toFixed(1).padStart(8)} | ${list.p95.toFixed(1).padStart(8)}`);
console.log(`${"non lus (pastille de l'en-tête)".padEnd(43)} | ${String(unread.result).padStart(8)} | ${unread.p50.toFixed(1).padStart(8)} | ${unread.p95.toFixed(1).padStart(8)}`);
console.log(`Diffusion à ${reached.toLocaleString("fr-CA")} personnes : ${fanOutSeconds.toFixed(1)} s (${fanOutSeconds <= FANOUT_TARGET_S ? "objectif ≤ 60 s atteint" : "objectif ≤ 60 s manqué"}), soit ${Math.round(reached / fanOutSeconds).toLocaleString("fr-CA")} personnes/s.`);
console.log(`Liste des communiqués reçus p95 : ${list.p95.toFixed(1)} ms (${list.p95 <= LIST_TARGET_MS ? "objectif ≤ 50 ms atteint" : "objectif ≤ 50 ms manqué"}).`);
