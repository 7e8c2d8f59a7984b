import { LINE_ID } from "@/domain/telephony/lines";
import { z } from "zod";
import { parseDayHours } from "@/domain/catalogue/hours-text";
import { CHANNEL_IDS, CLOCK_IDS, DURATION_UNITS } from "@/domain/catalogue/types";
import { ZEmail, ZUrgent } from "@/schemas/fields";
import { ZIsoDate } from "@/schemas/sagir-request";

// The managers' catalogue editing forms (holidays), shared by the page and its server actions.
// Messages are keys of messages.ts.

const ZSetId = z.string({ error: "choice.invalid" }).trim().min(1, { error: "choice.invalid" }).max(60, { error: "choice.invalid" });
const ZHolidayName = z.string({ error: "holidayName.length" }).trim().min(2, { error: "holidayName.length" }).max(80, { error: "holidayName.length" });

export const ZHolidayAdd = z.object({ holidaySetId: ZSetId, date: ZIsoDate, nameFr: ZHolidayName, nameEn: ZHolidayName });
export type HolidayAdd = z.output<typeof ZHolidayAdd>;
export const ZHolidayMove = z.object({ holidaySetId: ZSetId, date: ZIsoDate, to: ZIsoDate });
export type HolidayMove = z.output<typeof ZHolidayMove>;
export const ZHolidayDelete = z.object({ holidaySetId: ZSetId, date: ZIsoDate });
export type HolidayDelete = z.output<typeof ZHolidayDelete>;
export const ZHolidayYear = z.object({ holidaySetId: ZSetId, year: z.coerce.number({ error: "year.invalid" }).int({ error: "year.invalid" }).min(2000, { error: "year.invalid" }).max(2099, { error: "year.invalid" }) });
export type HolidayYear = z.output<typeof ZHolidayYear>;

/**
 * A calendar's weekly hours: one text per weekday (`d0` Sunday … `d6` Saturday), each parsed by the
 * domain's parseDayHours; `intent` = preview (show the impact) or save.
 */
export const WEEKDAY_FIELDS = ["d1", "d2", "d3", "d4", "d5", "d6", "d0"] as const;
const ZDayHours = z
  .string()
  .max(120, { error: "hours.format" })
  .default("")
  .transform((text, ctx) => {
    const parsed = parseDayHours(text);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.intervals;
  });
export const ZCalendarHours = z
  .object({
    calendarId: ZSetId,
    intent: z.enum(["preview", "save"]).catch("preview"),
    d0: ZDayHours,
    d1: ZDayHours,
    d2: ZDayHours,
    d3: ZDayHours,
    d4: ZDayHours,
    d5: ZDayHours,
    d6: ZDayHours,
  })
  .superRefine((v, ctx) => {
    if ([v.d0, v.d1, v.d2, v.d3, v.d4, v.d5, v.d6].every((d) => Array.isArray(d) && d.length === 0)) {
      ctx.addIssue({ code: "custom", path: ["d1"], message: "hours.none" });
    }
  })
  .transform((v) => ({ calendarId: v.calendarId, intent: v.intent, week: [v.d0, v.d1, v.d2, v.d3, v.d4, v.d5, v.d6] }));
export type CalendarHours = z.output<typeof ZCalendarHours>;

/**
 * A commitment's definition as its editor changes it: the allowed time (a positive whole number of
 * minutes, hours, or business days — days go with the business-days clock, and only they), the
 * clock, the calendar, and the channels it applies to (one checkbox `channel:<id>` each, at least
 * one). `seen` is what the editor started from: a save refuses a target changed meanwhile.
 * Whether the calendar and channels fit the target's audience is checked by the use case.
 */
export const TARGET_AMOUNT_MAX = { minutes: 999, hours: 999, days: 60 } as const;
export const ZTargetEdit = z.preprocess(
  (raw) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const values = raw as Record<string, unknown>;
    const channels = Object.keys(values).filter((k) => k.startsWith("channel:") && values[k]).map((k) => k.slice("channel:".length));
    return { ...values, channels };
  },
  z
    .object({
      targetId: ZSetId,
      seen: z.string().max(400).default(""),
      intent: z.enum(["preview", "save"]).catch("preview"),
      amount: z.coerce.number({ error: "target.amount" }).int({ error: "target.amount" }).min(1, { error: "target.amount" }),
      unit: z.enum(DURATION_UNITS, { error: "choice.invalid" }),
      clock: z.enum(CLOCK_IDS, { error: "choice.invalid" }),
      calendarId: ZSetId,
      channels: z.array(z.enum(CHANNEL_IDS, { error: "choice.invalid" })).min(1, { error: "target.channels" }),
    })
    .superRefine((v, ctx) => {
      if ((v.clock === "business-days") !== (v.unit === "days")) ctx.addIssue({ code: "custom", path: ["unit"], message: "target.unitClock" });
      else if (v.amount > TARGET_AMOUNT_MAX[v.unit]) ctx.addIssue({ code: "custom", path: ["amount"], message: `target.amountMax.${v.unit}` });
    }),
);
export type TargetEdit = z.output<typeof ZTargetEdit>;

/** What an editor saw of a target (the hidden `seen` field): a save compares it with the stored one. */
export function targetSignature(t: { amount: number; unit: string; clock: string; calendarId: string; channels: readonly string[] }): string {
  return [t.amount, t.unit, t.clock, t.calendarId, [...t.channels].sort().join(",")].join("|");
}

/** A centre's mailbox: its address, the service and audience it opens requests for (`service/audience`), and whether unknown senders wait to be identified. */
export const ZMailboxEdit = z.object({
  address: ZEmail,
  serviceAudience: z.string({ error: "mailbox.audience" }).regex(/^[a-z0-9-]{1,40}\/[a-z0-9-]{1,40}$/, { error: "mailbox.audience" }),
  identifySenders: ZUrgent,
});
export type MailboxEdit = z.output<typeof ZMailboxEdit>;
export const ZMailboxDelete = z.object({ address: ZEmail });
export type MailboxDelete = z.output<typeof ZMailboxDelete>;

/** A telephone line of the catalogue: its id (the `line` of the events), service and audience, numbers. */
export const ZPhoneLineEdit = z.object({
  id: z.string({ error: "line.id" }).trim().regex(LINE_ID, { error: "line.id" }),
  serviceAudience: z.string({ error: "line.audience" }).regex(/^[a-z0-9-]{1,40}\/[a-z0-9-]{1,40}$/, { error: "line.audience" }),
  numbers: z
    .string({ error: "line.numbers" })
    .optional()
    .transform((v) => (v ?? "").split(/[\n,;]/).map((n) => n.trim().replace(/\s+/g, " ")).filter(Boolean))
    .superRefine((numbers, ctx) => {
      // One message at the field (not at a number of the list): the form has one box for them all.
      if (numbers.length > 10 || numbers.some((n) => !/^\+?[0-9 ()./-]{7,32}$/.test(n))) ctx.addIssue({ code: "custom", message: "line.numbers" });
    }),
});
export type PhoneLineEdit = z.output<typeof ZPhoneLineEdit>;
export const ZPhoneLineDelete = z.object({ id: z.string({ error: "line.id" }).trim().regex(LINE_ID, { error: "line.id" }) });
export type PhoneLineDelete = z.output<typeof ZPhoneLineDelete>;

/** A service's retention period after closing (Loi 25), in days. */
export const ZRetentionEdit = z.object({
  serviceId: z.string({ error: "choice.invalid" }).regex(/^[a-z0-9-]{1,40}$/, { error: "choice.invalid" }),
  days: z.coerce.number({ error: "retention.range" }).int({ error: "retention.range" }).min(30, { error: "retention.range" }).max(3650, { error: "retention.range" }),
});
export type RetentionEdit = z.output<typeof ZRetentionEdit>;
