import { z } from "zod";
import { isMonth, parseDollars, type Month } from "@/domain/billing/billing";

/** A month typed as `YYYY-MM` (the browser's month field). */
const ZMonth = z
  .string({ error: "month.invalid" })
  .trim()
  .refine((v) => isMonth(v) && v >= "2000-01" && v <= "2099-12", { error: "month.invalid" })
  .transform((v) => v as Month);
const ZOptionalMonth = z
  .string({ error: "month.invalid" })
  .trim()
  .refine((v) => v === "" || (isMonth(v) && v >= "2000-01" && v <= "2099-12"), { error: "month.invalid" })
  .transform((v) => (v === "" ? null : (v as Month)));
const ZEmployees = z.coerce.number({ error: "employees.range" }).int({ error: "employees.range" }).min(0, { error: "employees.range" }).max(1_000_000, { error: "employees.range" });
const ZFiscalYear = z.coerce.number({ error: "text.invalid" }).int({ error: "text.invalid" }).min(2000, { error: "text.invalid" }).max(2098, { error: "text.invalid" });
const ZOrganization = z.uuid({ error: "choice.invalid" });

/** A rate of the SAGIR tariff grid: in force from the first day of a month, in dollars per employee a year. */
export const ZTariffRateInput = z.object({
  from: ZMonth,
  rate: z
    .string({ error: "money.invalid" })
    .transform((v) => parseDollars(v))
    .refine((v): v is number => v !== null && v > 0, { error: "money.invalid" }),
});
export type TariffRateInput = z.output<typeof ZTariffRateInput>;

/** A rate of the grid removed before any invoice uses it. */
export const ZTariffRateDelete = z.object({ from: ZMonth });

/** An MO's service agreement and its estimated average number of employees for a fiscal year. */
export const ZAgreementInput = z
  .object({ organizationId: ZOrganization, firstMonth: ZMonth, lastMonth: ZOptionalMonth, fiscalYear: ZFiscalYear, employees: ZEmployees })
  .refine((v) => v.lastMonth === null || v.lastMonth >= v.firstMonth, { error: "lastMonth.beforeFirst", path: ["lastMonth"] });
export type AgreementInput = z.output<typeof ZAgreementInput>;

/** The number of employees of an MO for a month (its pilot: their own MO; the centre: any). */
export const ZHeadcountInput = z.object({ organizationId: ZOrganization, month: ZMonth, employees: ZEmployees });
export type HeadcountInput = z.output<typeof ZHeadcountInput>;

/** A payment recorded by the centre (an empty date cancels one recorded by mistake). */
export const ZPaymentInput = z.object({
  invoiceId: z.uuid({ error: "choice.invalid" }),
  paidOn: z
    .string({ error: "date.invalid" })
    .trim()
    .refine((v) => v === "" || /^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v), { error: "date.invalid" })
    .transform((v) => (v === "" ? null : v)),
});
export type PaymentInput = z.output<typeof ZPaymentInput>;

/** The year-end adjustment of an MO for a fiscal year. */
export const ZAdjustmentInput = z.object({ organizationId: ZOrganization, fiscalYear: ZFiscalYear });
export type AdjustmentInput = z.output<typeof ZAdjustmentInput>;

/** `?annee=2026` on the billing pages and the CSV: a fiscal year (April 2026 – March 2027). */
export const ZBillingYear = z.object({ annee: ZFiscalYear.optional() });
