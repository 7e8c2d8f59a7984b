// Helpers for the catalogue's unit tests: local wall times → instants without the process zone.
import { getZone, dayNumberFromYmd } from "./zone";

const zone = getZone("America/Toronto");

/** `2026-06-23 15:00` (America/Toronto) → epoch ms. */
export function local(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`bad local time ${text}`);
  const day = dayNumberFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  return zone.wallToUtc(day, Number(m[4]) * 60 + Number(m[5])) + Number(m[6] ?? 0) * 1000;
}

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
