import "server-only";
// Whether this instance can serve: the database answers a trivial query within two seconds (a
// failure also turns the process's database state down, see db/availability.ts) and the jobs'
// worker runs, unless switched off (GUICHET_JOBS=off).
import { databaseAvailable, reportDatabaseError } from "@/server/db/availability";
import { getDb } from "@/server/db/client";
import { jobsHealth, type JobsHealth } from "@/server/jobs/heartbeat";

export type Readiness = { status: "ready" | "not_ready"; checks: { database: "ok" | "unavailable"; jobs: JobsHealth } };

const TIMEOUT_MS = 2_000;

async function databaseAnswers(): Promise<boolean> {
  if (!databaseAvailable()) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`select 1`,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("no answer within 2 s")), TIMEOUT_MS))),
    ]);
    return true;
  } catch (error) {
    reportDatabaseError(error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(): Promise<Readiness> {
  const database = (await databaseAnswers()) ? "ok" : "unavailable";
  const jobs = jobsHealth(process.env.GUICHET_JOBS !== "off" && Boolean(process.env.DATABASE_URL));
  const ready = database === "ok" && (jobs === "ok" || jobs === "off");
  return { status: ready ? "ready" : "not_ready", checks: { database, jobs } };
}
