import { z } from "zod";
import { MAX_RANGE_DAYS, PERIOD_KINDS } from "@/domain/dashboard/period";
import { dayNumberFromIsoDate } from "@/domain/catalogue/zone";

// The dashboard's and the report's URL parameters (a GET form: bookmarkable, shareable). Unknown
// filter values are ignored; a custom range that cannot be read gets field-level messages (keys
// of messages.ts) and the page shows the month instead, with the form as typed.

const ZOptionalDate = z
  .string()
  .trim()
  .max(10)
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || dayNumberFromIsoDate(v) !== null, { error: "date.invalid" });

export const ZDashboardQuery = z
  .object({
    period: z.enum(PERIOD_KINDS).optional().catch(undefined).transform((v) => v ?? "month"),
    /** The reference date of a day, week or month (default: today in Québec). */
    date: ZOptionalDate.catch(undefined),
    from: ZOptionalDate,
    to: ZOptionalDate,
    audience: z.string().max(40).optional().catch(undefined).transform((v) => v || undefined),
    channel: z.string().max(40).optional().catch(undefined).transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.period !== "range") return;
    if (!v.from) ctx.addIssue({ code: "custom", path: ["from"], message: "required" });
    if (!v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "required" });
    if (!v.from || !v.to) return;
    const [first, last] = [dayNumberFromIsoDate(v.from), dayNumberFromIsoDate(v.to)];
    if (first === null || last === null) return;
    if (last < first) ctx.addIssue({ code: "custom", path: ["to"], message: "range.order" });
    else if (last - first + 1 > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "range.tooLong" });
  });
export type DashboardQuery = z.output<typeof ZDashboardQuery>;

/** The monthly report's month, `YYYY-MM` (default: the month before the current one). */
/** The report's month, `YYYY-MM`; a month that is not one is refused (the page says so), never replaced silently. */
export const ZReportQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});
