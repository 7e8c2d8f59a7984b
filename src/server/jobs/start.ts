import "server-only";
// The app's background jobs, started by src/instrumentation.ts.
import { getDb } from "@/server/db/client";
import { databaseUrl } from "@/server/env";
import { startNotificationWorker } from "@/server/jobs/notification-worker";
import { mailTransportFromEnv } from "@/server/services/notifications";

export async function startJobs(): Promise<void> {
  const baseUrl = (process.env.GUICHET_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  try {
    // Stopped with the process: a cycle cut short is a job that expires and is retried.
    await startNotificationWorker({ connectionString: databaseUrl(), db: getDb(), transport: mailTransportFromEnv(), baseUrl });
  } catch (error) {
    // The app serves people even when the jobs cannot start; the reason is one line.
    console.error(`guichet jobs: not started: ${(error as Error).message.split("\n")[0]}`);
  }
}
