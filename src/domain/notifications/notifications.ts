// Notifications of commitments about to slip (at risk) or slipped (breached): when one goes out,
// whether it still should, and to whom. Pure; the scan and the delivery (server) apply these.
import type { OpenStatus } from "@/domain/catalogue/types";

export const NOTIFIED_STATES = ["at-risk", "breached"] as const;
export type NotifiedState = (typeof NOTIFIED_STATES)[number];

/**
 * A state entered longer ago than this is not notified when first seen (the dashboards list it):
 * after a long outage of the scan, people get the recent ones, not a flood of old news.
 */
export const SCAN_WINDOW_MS = 7 * 86_400_000;

/** Notifications go out only while the service is open: now when its calendar is, else at its next opening. */
export function deliveryInstant(status: OpenStatus, now: number): number {
  return status.open ? now : (status.nextOpening ?? now);
}

export type DeliveryOutcome = "sent" | "met" | "superseded";

/**
 * At delivery, what to do with a notification decided earlier: not sent when its target was met
 * or its request ended meanwhile ("met"), nor an at-risk one once the target is breached — the
 * breach's own notification says more ("superseded"); otherwise sent.
 */
export function deliveryOutcome(
  dispatch: { state: NotifiedState },
  target: { metAt: number | null; dueAt: number },
  requestOpen: boolean,
  now: number,
): DeliveryOutcome {
  if (!requestOpen || (target.metAt !== null && target.metAt <= now)) return "met";
  if (dispatch.state === "at-risk" && target.dueAt <= now) return "superseded";
  return "sent";
}

/** The assigned agent when they still work in the service; otherwise every agent of the service (the team). */
export function recipientsOf(assigneeId: string | null, serviceAgents: readonly string[]): string[] {
  if (assigneeId !== null && serviceAgents.includes(assigneeId)) return [assigneeId];
  return [...serviceAgents];
}
