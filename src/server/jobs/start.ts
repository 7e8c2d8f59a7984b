import "server-only";
// The app's background work, started by src/instrumentation.ts: the jobs on pg-boss and the SMTP receiver.
import { errorFields, log } from "@/server/log";
import { getDb } from "@/server/db/client";
import { databaseUrl } from "@/server/env";
import { startNotificationWorker } from "@/server/jobs/notification-worker";
import { mailBaseUrl } from "@/server/mail/settings";
import { receiverSettingsFromEnv, startSmtpReceiver } from "@/server/mail/smtp-receiver";
import { mailTransportFromEnv } from "@/server/services/notifications";
import { mailauthAuthenticator } from "@/server/services/receive-email";

export async function startJobs(): Promise<void> {
  try {
    // Stopped with the process: a cycle cut short is a job that expires and is retried.
    await startNotificationWorker({ connectionString: databaseUrl(), db: getDb(), transport: mailTransportFromEnv(), baseUrl: mailBaseUrl(), authenticate: mailauthAuthenticator() });
  } catch (error) {
    // The app serves people even when the jobs cannot start; the reason is one line.
    log.error("jobs_not_started", { error: errorFields(error) });
  }
}

export async function startMailReceiver(): Promise<void> {
  try {
    const settings = receiverSettingsFromEnv();
    if (!settings) return;
    const receiver = await startSmtpReceiver({ ...settings, db: getDb(), authenticate: mailauthAuthenticator() });
    log.info("smtp_receiver_started", { port: receiver.port });
  } catch (error) {
    log.error("smtp_receiver_not_started", { error: errorFields(error) });
  }
}
