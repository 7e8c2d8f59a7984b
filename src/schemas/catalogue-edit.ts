import { z } from "zod";
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
