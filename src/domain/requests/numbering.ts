// Request numbers: CAD-2026-000123, SAG-2026-000045 — per service, per year, without gaps.
// The year is the Québec local year of receipt (a request received on 31 December at 20:00 is
// numbered in that year, although it is already 1 January in UTC).
import { getZone } from "../catalogue/zone";

export const NUMBER_PREFIX: Record<string, string> = { "ca-dotation": "CAD", sagir: "SAG" };

export function numberingYear(receivedAt: number, timeZone = "America/Toronto"): number {
  return getZone(timeZone).yearOf(receivedAt);
}

/** A number is its head (`CAD-2026-`) and its sequence, zero-padded to `width` digits. */
export function numberParts(prefix: string, year: number): { head: string; width: number } {
  return { head: `${prefix}-${year}-`, width: 6 };
}

export function formatRequestNumber(prefix: string, year: number, sequence: number): string {
  const { head, width } = numberParts(prefix, year);
  return `${head}${String(sequence).padStart(width, "0")}`;
}

const NUMBER = /^(CAD|SAG)-(\d{4})-(\d{6,})$/;

export function isRequestNumber(text: string): boolean {
  return NUMBER.test(text);
}
