import { z } from "zod";

// ISO 8601 instant with an explicit offset (`Z` or ±hh:mm): a local time without one would be
// ambiguous. Years 2000–2099: the span the catalogue is meant for (and a guard against typos).
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of an ISO 8601 instant with offset, or null if malformed or not a real date/time. */
export function parseIsoInstant(text: string): number | null {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [
    number, number, number, number, number, number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = new Date(Date.UTC(year, month - 1, day));
  if (asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day) return null;
  const offset = m[8]!;
  if (offset !== "Z" && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(-2)) > 59)) return null;
  const ms = Date.parse(text.replace(/(\.\d{3})\d+/, "$1"));
  return Number.isFinite(ms) ? ms : null;
}

export const ZInstant = z
  .string({ error: "required" })
  .min(1, { error: "required" })
  .transform((text, ctx) => {
    const ms = parseIsoInstant(text.trim());
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: "instant.invalid" });
      return z.NEVER;
    }
    const year = new Date(ms).getUTCFullYear();
    if (year < 2000 || year > 2099) {
      ctx.addIssue({ code: "custom", message: "instant.range" });
      return z.NEVER;
    }
    return new Date(ms);
  });
