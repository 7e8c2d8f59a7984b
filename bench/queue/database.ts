// The benchmark's database: DATABASE_URL if set, else an embedded PostgreSQL kept in
// .data/bench-postgres (port GUICHET_BENCH_DB_PORT, default 54339) so that the million rows made
// by `bench:queue:generate` are there for every `bench:queue` run. Migrated and seeded (with the
// demo accounts: the benchmark reads the queue as the demo agent).
import path from "node:path";
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
    });
    url = db.url;
    stop = db.stop;
  }
  await prepareDatabase(url, new Date(), { demo: true });
  process.env.DATABASE_URL = url;
  return { url, stop };
}
