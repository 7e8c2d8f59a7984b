// Next.js starts this once per server process: the background jobs (the notification and mail
// cycle on pg-boss) unless GUICHET_JOBS=off (the end-to-end tests drive the cycle themselves with
// their fixed clock), and the SMTP receiver unless GUICHET_SMTP_PORT=off — both only when a
// database is configured.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startJobs, startMailReceiver } = await import("./server/jobs/start");
  if (process.env.GUICHET_JOBS !== "off") await startJobs();
  await startMailReceiver();
}
