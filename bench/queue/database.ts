// The benchmark's database: DATABASE_URL if set, else an embedded PostgreSQL kept in
// .data/bench-postgres (port GUICHET_BENCH_DB_PORT, default 54339) so that the million rows made
// by `bench:queue:generate` are there for every `bench:queue` run. Migrated and seeded (with the
// demo accounts: the benchmark reads the queue as the demo agent).
import path from "node:path";
import type pg from "pg";
import { startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { prepareDatabase } from "../../src/server/db/prepare-database";

export async function openBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const db = await startEmbeddedPostgres({
      dataDir: path.join(process.cwd(), ".data", "bench-postgres"),
      port: Number(process.env.GUICHET_BENCH_DB_PORT ?? 54339),
      database: "bench",
      ephemeral: false,
      // A database server is given a share of its machine's memory (PostgreSQL's default of
      // 128 MB is for a laptop): the million requests' pages the queue reads stay in its buffers
      // instead of being copied from the system's cache at each reading.
      settings: { shared_buffers: process.env.GUICHET_BENCH_SHARED_BUFFERS ?? "1GB" },
    });
    url = db.url;
    stop = db.stop;
  }
  await prepareDatabase(url, new Date(), { demo: true });
  process.env.DATABASE_URL = url;
  return { url, stop };
}

/**
 * Removes requests (the SQL condition on `request`, e.g. those another benchmark made) and
 * everything that refers to them. Their events and audit entries are append-only: the two
 * guarding triggers are set aside for this transaction only. For the benchmark database alone.
 */
export async function removeRequests(client: pg.Client, condition: string): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query(`CREATE TEMPORARY TABLE doomed ON COMMIT DROP AS SELECT id FROM request WHERE ${condition}`);
    await client.query('ALTER TABLE request_event DISABLE TRIGGER "request_event_append_only"');
    await client.query('ALTER TABLE audit_entry DISABLE TRIGGER "audit_entry_append_only"');
    await client.query("DELETE FROM request_event WHERE request_id IN (SELECT id FROM doomed)");
    await client.query("DELETE FROM audit_entry WHERE request_id IN (SELECT id FROM doomed)");
    const removed = (await client.query("DELETE FROM request WHERE id IN (SELECT id FROM doomed)")).rowCount ?? 0;
    await client.query('ALTER TABLE request_event ENABLE TRIGGER "request_event_append_only"');
    await client.query('ALTER TABLE audit_entry ENABLE TRIGGER "audit_entry_append_only"');
    await client.query("COMMIT");
    return removed;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
