// Next.js starts this once per server process: the background jobs (the notification cycle on
// pg-boss) run inside each app instance, unless GUICHET_JOBS=off (the end-to-end tests drive the
// cycle themselves with their fixed clock) or no database is configured.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.GUICHET_JOBS === "off" || !process.env.DATABASE_URL) return;
  const { startJobs } = await import("./server/jobs/start");
  await startJobs();
}
