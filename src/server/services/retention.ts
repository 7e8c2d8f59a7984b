import "server-only";
// Loi 25: personal information kept only as long as needed. Each service has a retention period
// after a request is closed (`service.retention_days`, 730 days unless its managers change it —
// audited). A daily job (pg-boss cron, once whatever the number of instances; see
// src/server/jobs/notification-worker.ts) erases the personal information of the closed requests
// past it, in batches, each in the database function guichet_erase_request: the requester's name
// and address, the subject, every message's text, the files, the e-mails in and out, the typed
// details, the tracking link, identity-validation notes. The anonymous facts stay (service,
// audience, channel, type, status, dates, targets and their outcomes), so every dashboard and report
// shows the same figures before and after. Each erasure is logged (erasure_log): what, when, which rule.
// The same job erases the callers' numbers of the telephone system's calls past the period.
import { isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import type { Db } from "@/server/db/client";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import { claimExpiredRequests, eraseExpiredCallerNumbers, eraseRequest, findRetentionSettings, setRetentionDays } from "@/server/repositories/retention-repository";
import { requireManagerOf } from "@/server/services/dashboard";

const BATCH = 200;

/**
 * One run of the retention job: erases every closed request past its period (batches of 200, up to
 * `budgetMs`), then the callers' numbers of the calls past it.
 */
export async function runRetention(db: Db, now: Date, budgetMs = 10 * 60_000): Promise<{ erased: number; callersErased: number }> {
  const deadline = performance.now() + budgetMs;
  let erased = 0;
  while (performance.now() < deadline) {
    const done = await db.$transaction(
      async (tx) => {
        const ids = await claimExpiredRequests(tx, now, BATCH);
        let n = 0;
        for (const id of ids) if (await eraseRequest(tx, id, "retention", null, now)) n += 1;
        return { claimed: ids.length, erased: n };
      },
      { timeout: 120_000 },
    );
    erased += done.erased;
    if (done.claimed < BATCH) break;
  }
  return { erased, callersErased: await eraseExpiredCallerNumbers(db, now) };
}

export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

/** The retention periods of the services this person manages (all of them for the admin). */
export async function readRetentions(user: CurrentUser | null): Promise<{ serviceId: string; days: number }[]> {
  return (await findRetentionSettings(getDb())).filter((s) => isManagerOf(user, s.id)).map((s) => ({ serviceId: s.id, days: s.retentionDays }));
}

/** A manager sets their service's retention period (days after closing); audited with before and after. */
export async function changeRetention({ user, serviceId, days, now }: { user: CurrentUser | null; serviceId: string; days: number; now: Date }): Promise<void> {
  const manager = requireManagerOf(user, serviceId);
  await getDb().$transaction(async (tx) => {
    const before = await setRetentionDays(tx, serviceId, days);
    if (before === null) throw new AppError("NOT_FOUND", "no such service");
    if (before !== days) await appendAudit(tx, { at: now, actorUserId: manager.id, action: "catalogue_retention_changed", data: { serviceId, from: String(before), to: String(days) } });
  });
}
