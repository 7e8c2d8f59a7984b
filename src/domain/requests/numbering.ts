// Request numbers: CAD-2026-000123, SAG-2026-000045 — per service, per year, without gaps.
// The year is the Québec local year of receipt (a request received on 31 December at 20:00 is
// numbered in that year, although it is already 1 January in UTC).
import { getZone } from "../catalogue/zone";

export const NUMBER_PREFIX: Record<string, string> = { "ca-dotation": "CAD", sagir: "SAG" };

export function numberingYear(receivedAt: number, timeZone = "America/Toronto"): number {
  return getZone(timeZone).yearOf(receivedAt);
}

export function formatRequestNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, "0")}`;
}

const NUMBER = /^(CAD|SAG)-(\d{4})-(\d{6,})$/;

export function isRequestNumber(text: string): boolean {
  return NUMBER.test(text);
}
