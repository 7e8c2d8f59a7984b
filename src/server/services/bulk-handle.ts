import "server-only";
// An action on several requests ticked in the queue: each request on its own, in its own
// transaction, checked at the version the agent saw — one already changed by someone else is
// refused (CONFLICT) and reported, the others done. Nothing is done for a request of another
// service (NOT_FOUND, as for one at a time).
import type { TBulkInput } from "@/schemas/console";
import type { CurrentUser } from "@/server/auth/current-user";
import { toAppError } from "@/server/errors";
import { requireAgentOf } from "@/server/services/agent-console";
import { changeRequestStatus, reassignRequest, takeInCharge } from "@/server/services/handle-request";

export type BulkOutcome = { number: string; ok: true } | { number: string; ok: false; code: string; message: { fr: string; en: string } };

const REASONS: Record<string, { fr: string; en: string }> = {
  CONFLICT: { fr: "modifiée entre-temps par quelqu'un d'autre : rouvrez la file et réessayez", en: "changed meanwhile by someone else: reload the queue and try again" },
  NOT_FOUND: { fr: "introuvable dans ce service", en: "not found in this service" },
};

export async function bulkHandle({ user, serviceId, input, now }: { user: CurrentUser | null; serviceId: string; input: TBulkInput; now: Date }): Promise<BulkOutcome[]> {
  // The queue's agents only; a request ticked from another service is then that request's refusal.
  requireAgentOf(user, serviceId);
  const outcomes: BulkOutcome[] = [];
  // One request after the other, each its own transaction: a failure is that request's only.
  for (const { number, expectedVersion } of input.targets) {
    const options = { user, number, expectedVersion, now };
    try {
      if (input.action === "take") await takeInCharge(options);
      else if (input.action === "reassign") await reassignRequest({ ...options, assigneeId: input.assigneeId || null });
      else await changeRequestStatus({ ...options, status: input.status as Exclude<TBulkInput["status"], "" | undefined> });
      outcomes.push({ number, ok: true });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "INTERNAL") throw error;
      outcomes.push({ number, ok: false, code: appError.code, message: REASONS[appError.code] ?? appError.localized ?? { fr: appError.message, en: appError.message } });
    }
  }
  return outcomes;
}
