import "server-only";
// The notification cycle on pg-boss (PostgreSQL-backed jobs): every instance of the app schedules
// the same cron (every minute, Québec time) and works the same queue; pg-boss creates one job per
// minute for all instances and hands each job to one worker. The queue is "stately": at most one
// cycle waiting and one running, so a slow cycle never piles up others. Jobs, schedules, dispatches
// and the outbox are rows in PostgreSQL, so a restart loses none of them; and should two cycles
// ever overlap, the dispatches' key and SKIP LOCKED still send each notification once.
import { errorFields, log } from "@/server/log";
import PgBoss from "pg-boss";
import type { Db } from "@/server/db/client";
import { jobsStarted } from "@/server/jobs/heartbeat";
import { runNotificationCycle, type MailTransport } from "@/server/services/notifications";
import { processPendingInbound, type SenderAuthenticator } from "@/server/services/receive-email";
import { runRetention } from "@/server/services/retention";
import { billingMonth, issueMonthlyInvoices } from "@/server/services/billing";
import { appendAudit } from "@/server/repositories/audit-repository";
import { onCommuniqueKick, runCommuniqueCycle } from "@/server/services/communiques";
import { sendAllEmails } from "@/server/services/notifications";

export const NOTIFICATION_QUEUE = "guichet-notification-cycle";
/** The Loi 25 retention job (src/server/services/retention.ts): once a day, at 2:30 in Québec. */
export const RETENTION_QUEUE = "guichet-retention";
/** SAGIR's monthly invoices (src/server/services/billing.ts): the 1st of each month, at 6:00 in Québec. */
export const BILLING_QUEUE = "guichet-sagir-invoices";
/** Communiqués (src/server/services/communiques.ts): every minute, and at once when one is sent now. */
export const COMMUNIQUE_QUEUE = "guichet-communiques";

export type WorkerOptions = {
  connectionString: string;
  db: Db;
  transport: MailTransport;
  /** The origin of the links in e-mails. */
  baseUrl: string;
  /** Checks senders of stored e-mails processed again (those whose first processing failed). */
  authenticate?: SenderAuthenticator;
  /** The cycle's "now" (the real clock but in tests). */
  clock?: () => Date;
  /** Whether this instance also schedules the cron (tests send jobs themselves). */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
};

export async function startNotificationWorker(options: WorkerOptions): Promise<{ boss: PgBoss; stop: () => Promise<void> }> {
  const boss = new PgBoss({ connectionString: options.connectionString, schema: "pgboss", application_name: "guichet-jobs", max: 3 });
  // Errors carry SQL or connection facts, never personal information; one line each.
  boss.on("error", (error: Error) => log.error("jobs_error", { error: errorFields(error) }));
  await boss.start();
  await boss.createQueue(NOTIFICATION_QUEUE, { name: NOTIFICATION_QUEUE, policy: "stately", retryLimit: 3, retryDelay: 20, expireInSeconds: 300 });
  if (options.schedule ?? true) await boss.schedule(NOTIFICATION_QUEUE, "* * * * *", {}, { tz: "America/Toronto" });
  const clock = options.clock ?? (() => new Date());
  jobsStarted(new Date());
  await boss.work(NOTIFICATION_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async () => {
    const now = clock();
    if (options.authenticate) await processPendingInbound(options.db, now, { authenticate: options.authenticate });
    const result = await runNotificationCycle(options.db, now, options.transport, options.baseUrl);
    if (result.dispatched || result.notified || result.emails.sent || result.emails.failed) {
      log.info("jobs_cycle", { dispatched: result.dispatched, notified: result.notified, emailsSent: result.emails.sent, emailsFailed: result.emails.failed });
    }
    return result;
  });
  await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: "stately", retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 });
  if (options.schedule ?? true) await boss.schedule(RETENTION_QUEUE, "30 2 * * *", {}, { tz: "America/Toronto" });
  await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const result = await runRetention(options.db, clock());
    if (result.erased || result.callersErased) log.info("jobs_retention", { erased: result.erased, callersErased: result.callersErased });
    return result;
  });
  await boss.createQueue(BILLING_QUEUE, { name: BILLING_QUEUE, policy: "stately", retryLimit: 5, retryDelay: 600, expireInSeconds: 3600 });
  if (options.schedule ?? true) await boss.schedule(BILLING_QUEUE, "0 6 1 * *", {}, { tz: "America/Toronto" });
  await boss.work(BILLING_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 }, async () => {
    const now = clock();
    const month = billingMonth(now);
    const result = await issueMonthlyInvoices(options.db, month, now, { baseUrl: options.baseUrl });
    log.info("jobs_invoices", { month, issued: result.issued, already: result.already, withoutEstimate: result.withoutEstimate.length, withoutRate: result.withoutRate });
    // The managers' log shows the invoices the job issued, as it shows those a manager issues.
    if (result.issued > 0) await appendAudit(options.db, { at: now, actorUserId: null, action: "billing_invoices_issued", data: { month, issued: result.issued, already: result.already, withoutEstimate: result.withoutEstimate } });
    return result;
  });
  // Planned communiqués released, fan-out in batches of short transactions, then their e-mails sent
  // batch after batch: a communiqué to 50,000 people runs here, never in a person's request.
  await boss.createQueue(COMMUNIQUE_QUEUE, { name: COMMUNIQUE_QUEUE, policy: "stately", retryLimit: 3, retryDelay: 30, expireInSeconds: 600 });
  if (options.schedule ?? true) await boss.schedule(COMMUNIQUE_QUEUE, "* * * * *", {}, { tz: "America/Toronto" });
  await boss.work(COMMUNIQUE_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
    const now = clock();
    const result = await runCommuniqueCycle(options.db, now);
    const emails = result.delivered > 0 || result.released > 0 ? await sendAllEmails(options.db, options.transport, now) : { sent: 0, failed: 0 };
    if (result.released || result.delivered || emails.sent) log.info("jobs_communiques", { released: result.released, delivered: result.delivered, emailsSent: emails.sent, emailsFailed: emails.failed });
    return { ...result, emails };
  });
  onCommuniqueKick(async () => {
    await boss.send(COMMUNIQUE_QUEUE, {});
  });
  return {
    boss,
    stop: async () => {
      onCommuniqueKick(null);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
