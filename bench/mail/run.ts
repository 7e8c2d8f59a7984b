// npm run -s bench:mail [-- <messages> <connections>]   (default 10,000 over 20 connections)
// The SMTP receiver under a day's worst hour, on the benchmark database (a million requests from
// `npm run -s bench:queue:generate`): N messages sent over real SMTP from C concurrent connections
// (nodemailer, one connection each, reused), half to the candidates' mailbox and half to SAGIR's,
// each from its own address (so every one is a new request with its acknowledgement). Measures
// the receiver's rate of stored messages (answered 250), the p50/p95 time from the start of a
// sendMail to its 250, then the rate at which they become requests, and counts in the database
// that none was lost. The senders run in a process of their own (bench/mail/sender.mjs). Senders are unknown (no account): no DNS is asked (this machine has none).
// The requests made are removed at the end (they would swell bench:queue's open queue). Prints the figures last.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { percentile } from "../measure";
import pg from "pg";
import { openBenchDatabase, removeRequests } from "../queue/database";

const TOTAL = Number(process.argv[2] ?? 10_000);
const CONNECTIONS = Number(process.argv[3] ?? 20);
const TARGET_PER_SECOND = 200;
const { url, stop } = await openBenchDatabase();
const { getDb } = await import("../../src/server/db/client");
const { startSmtpReceiver } = await import("../../src/server/mail/smtp-receiver");

const db = getDb();
const existing = await db.request.count();
if (existing < 100_000) console.warn(`Only ${existing} requests: run \`npm run -s bench:queue:generate\` first for the million.`);
const run = Date.now().toString(36);
const receiver = await startSmtpReceiver({ db, port: 0, host: "127.0.0.1", authenticate: async () => false, log: (line) => console.error(line), processInline: process.env.BENCH_STORE_ONLY !== "1", ...(process.env.BENCH_PROCESS_CONCURRENCY ? { processConcurrency: Number(process.env.BENCH_PROCESS_CONCURRENCY) } : {}) });
const started = performance.now();
const sender = spawn(process.execPath, [path.join(import.meta.dirname, "sender.mjs"), String(receiver.port), String(TOTAL), String(CONNECTIONS), run], { stdio: ["ignore", "pipe", "inherit"] });
let output = "";
sender.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
await new Promise((resolve) => sender.on("exit", resolve));
const { latencies, failures } = JSON.parse(output) as { latencies: number[]; failures: number };
const sentMs = performance.now() - started;
await receiver.idle();
const processedMs = performance.now() - started;
await receiver.close();

const like = `<bench-${run}-%`;
const [counts] = await db.$queryRaw<{ stored: bigint; processed: bigint; requests: bigint; acks: bigint }[]>`
  SELECT count(*) AS stored,
         count(*) FILTER (WHERE processed_at IS NOT NULL) AS processed,
         count(DISTINCT request_id) AS requests,
         (SELECT count(*) FROM email_outbox o WHERE o.kind = 'acknowledgement' AND o.request_id IN (SELECT request_id FROM inbound_email WHERE message_id LIKE ${like})) AS acks
  FROM inbound_email WHERE message_id LIKE ${like}`;
await db.$disconnect();
const client = new pg.Client({ connectionString: url });
await client.connect();
await removeRequests(client, `id IN (SELECT request_id FROM inbound_email WHERE message_id LIKE '<bench-${run}-%')`);
await client.end();
await stop();

latencies.sort((a, b) => a - b);
const rank = (p: number) => (latencies.length ? percentile(latencies, p / 100) : NaN);
const stored = Number(counts!.stored);
const lost = TOTAL - failures - stored;
const perSecond = (stored / sentMs) * 1000;
console.log(`bench:mail — ${existing.toLocaleString("fr-CA")} requêtes dans la base; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}; Node ${process.version}`);
console.log(`${TOTAL.toLocaleString("fr-CA")} messages, ${CONNECTIONS} connexions SMTP simultanées`);
console.log(`refusés par le récepteur (4xx/5xx) : ${failures}`);
console.log(`stockés (250) : ${stored.toLocaleString("fr-CA")} en ${(sentMs / 1000).toFixed(1)} s → ${perSecond.toFixed(0)} messages/s (objectif ≥ ${TARGET_PER_SECOND})`);
console.log(`délai jusqu'au 250 : p50 ${rank(50).toFixed(1)} ms, p95 ${rank(95).toFixed(1)} ms, max ${rank(100).toFixed(1)} ms`);
console.log(`devenus requêtes : ${Number(counts!.requests).toLocaleString("fr-CA")} (traités ${Number(counts!.processed).toLocaleString("fr-CA")}) en ${(processedMs / 1000).toFixed(1)} s → ${((Number(counts!.processed) / processedMs) * 1000).toFixed(0)} requêtes/s; accusés de réception en file : ${Number(counts!.acks).toLocaleString("fr-CA")}`);
console.log(`perdus (acceptés mais absents de la base) : ${lost}`);
process.exit(lost !== 0 || Number(counts!.processed) !== stored ? 1 : 0);
