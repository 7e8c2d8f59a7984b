// Which "Duration" message names a target's allowed time: minutes, hours (elapsed), hours of
// business days, or business days. The public service pages and the dashboards say it alike.
import type { ClockId, DurationUnit } from "@/domain/catalogue/types";

export type DurationMessage = "minutes" | "hours" | "businessHours" | "days";

export function durationMessage(target: { unit: DurationUnit; clock: ClockId }): DurationMessage {
  if (target.unit === "minutes") return "minutes";
  if (target.unit === "days") return "days";
  return target.clock === "elapsed" ? "hours" : "businessHours";
}
