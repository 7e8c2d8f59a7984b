import "server-only";
// SAGIR's monthly invoices (issue 17, started): made at the start of each month for every MO whose
// agreement covers the month and whose estimate for the fiscal year is known — the month's amount
// is the year's running total (estimate × rate in force ÷ 12 per month, src/domain/billing) less
// what the year's invoices billed already, so a changed estimate is absorbed by the months that
// follow. One invoice per MO and month whatever the number of runs or instances: the (MO, key)
// unique index makes a second insert a no-op.
import { TIME_ZONE } from "@/domain/catalogue/default-catalogue";
import { getZone, isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { agreementMonths, dueDate, fiscalYearOf, monthlyAmounts, monthlyNumber, rateInForce, type Month, type Rate } from "@/domain/billing/billing";
import { getDb, type Db } from "@/server/db/client";

export type MonthlyRun = { month: Month; issued: number; already: number; withoutEstimate: string[]; withoutRate: boolean };

/** The tariff grid of a service, oldest first. */
export async function readTariff(db: Db, serviceId = "sagir"): Promise<Rate[]> {
  const rows = await db.tariffRate.findMany({ where: { serviceId }, orderBy: { from: "asc" } });
  return rows.map((r) => ({ from: r.from.toISOString().slice(0, 10), centsPerEmployee: r.centsPerEmployee }));
}

/** The month's invoices (issued today, due in 30 days); safe to run again and on several instances. */
export async function issueMonthlyInvoices(db: Db, month: Month, now: Date): Promise<MonthlyRun> {
  const fiscalYear = fiscalYearOf(month);
  const today = isoDateFromDayNumber(getZone(TIME_ZONE).dayOf(now.getTime()));
  const [grid, agreements, estimates] = [
    await readTariff(db),
    await db.billingAgreement.findMany({ where: { firstMonth: { lte: month }, OR: [{ lastMonth: null }, { lastMonth: { gte: month } }] } }),
    await db.billingEstimate.findMany({ where: { fiscalYear } }),
  ];
  const organizations = await db.organization.findMany({ where: { id: { in: agreements.map((a) => a.organizationId) } }, select: { id: true, code: true } });
  const billed = await db.invoice.groupBy({ by: ["organizationId"], where: { fiscalYear, kind: "monthly", month: { lt: month } }, _sum: { amountCents: true } });
  const billedOf = new Map(billed.map((b) => [b.organizationId, b._sum.amountCents ?? 0]));
  const estimateOf = new Map(estimates.map((e) => [e.organizationId, e.employees]));
  const codeOf = new Map(organizations.map((o) => [o.id, o.code]));
  const withoutEstimate: string[] = [];
  const rows = [];
  for (const agreement of agreements) {
    const employees = estimateOf.get(agreement.organizationId);
    const code = codeOf.get(agreement.organizationId) ?? agreement.organizationId;
    if (employees === undefined) {
      withoutEstimate.push(code);
      continue;
    }
    const months = agreementMonths(fiscalYear, { firstMonth: agreement.firstMonth as Month, lastMonth: (agreement.lastMonth as Month | null) ?? null }).filter((m) => m <= month);
    let amounts;
    try {
      amounts = monthlyAmounts(employees, grid, months);
    } catch {
      return { month, issued: 0, already: 0, withoutEstimate, withoutRate: true };
    }
    const runningTotal = amounts.reduce((s, a) => s + a.amountCents, 0);
    const last = amounts.at(-1)!;
    rows.push({
      number: monthlyNumber(month, code),
      organizationId: agreement.organizationId,
      key: `monthly:${month}`,
      kind: "monthly",
      fiscalYear,
      month,
      employees,
      centsPerEmployee: last.centsPerEmployee,
      // A lowered estimate is not refunded month by month: the year-end adjustment settles it.
      amountCents: Math.max(0, runningTotal - (billedOf.get(agreement.organizationId) ?? 0)),
      details: { runningTotalCents: runningTotal, billedBeforeCents: billedOf.get(agreement.organizationId) ?? 0, months: months.length },
      issuedOn: new Date(`${today}T00:00:00Z`),
      dueOn: new Date(`${dueDate(today)}T00:00:00Z`),
      createdAt: now,
    });
  }
  const { count } = await db.invoice.createMany({ data: rows, skipDuplicates: true });
  return { month, issued: count, already: rows.length - count, withoutEstimate, withoutRate: false };
}

/** The SAGIR rate in force in the current month (the service's public page), null before the grid's first. */
export async function currentSagirRate(now: Date, db: Db = getDb()): Promise<number | null> {
  const month = isoDateFromDayNumber(getZone(TIME_ZONE).dayOf(now.getTime())).slice(0, 7) as Month;
  return rateInForce(await readTariff(db), month);
}
