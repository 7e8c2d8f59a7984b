import "server-only";
// SAGIR's monthly invoices (issue 17, started): made at the start of each month for every MO whose
// agreement covers the month and whose estimate for the fiscal year is known — the month's amount
// is the year's running total (estimate × rate in force ÷ 12 per month, src/domain/billing) less
// what the year's invoices billed already, so a changed estimate is absorbed by the months that
// follow. One invoice per MO and month whatever the number of runs or instances: the (MO, key)
// unique index makes a second insert a no-op.
import { TIME_ZONE } from "@/domain/catalogue/default-catalogue";
import { getZone, isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { agreementMonths, dueDate, fiscalYearLabel, fiscalYearOf, monthlyAmounts, monthlyNumber, rateInForce, type Month, type Rate } from "@/domain/billing/billing";
import { monthLabel } from "@/components/billing/invoice-text";
import { getDb, type Db } from "@/server/db/client";
import { invoiceMail } from "@/server/mail/templates";
import type { Tx } from "@/server/repositories/request-repository";

export type MonthlyRun = { month: Month; issued: number; already: number; withoutEstimate: string[]; withoutRate: boolean };

/** Québec's day of an instant, `YYYY-MM-DD`. */
export function billingToday(now: Date): string {
  return isoDateFromDayNumber(getZone(TIME_ZONE).dayOf(now.getTime()));
}

/** Québec's month of an instant: the month a run bills, the month headcounts may be declared up to. */
export function billingMonth(now: Date): Month {
  return billingToday(now).slice(0, 7) as Month;
}

/** The tariff grid of a service, oldest first. */
export async function readTariff(db: Db, serviceId = "sagir"): Promise<Rate[]> {
  const rows = await db.tariffRate.findMany({ where: { serviceId }, orderBy: { from: "asc" } });
  return rows.map((r) => ({ from: r.from.toISOString().slice(0, 10), centsPerEmployee: r.centsPerEmployee }));
}

/**
 * The month's invoices (issued today, due in 30 days); safe to run again and on several instances.
 * With `mail`, each invoice made goes to its MO's pilots by e-mail (the outbox), in the same
 * transaction: an invoice made once is mailed once.
 */
export async function issueMonthlyInvoices(db: Db, month: Month, now: Date, mail?: { baseUrl: string }): Promise<MonthlyRun> {
  const fiscalYear = fiscalYearOf(month);
  const today = billingToday(now);
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
  const rows: { number: string; organizationId: string; key: string; kind: string; fiscalYear: number; month: string; employees: number; centsPerEmployee: number; amountCents: number; details: { runningTotalCents: number; billedBeforeCents: number; months: number }; issuedOn: Date; dueOn: Date; createdAt: Date }[] = [];
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
  const count = await db.$transaction(async (tx) => {
    const made = await tx.invoice.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, number: true, organizationId: true, kind: true, month: true, fiscalYear: true, amountCents: true, dueOn: true } });
    if (mail) await queueInvoiceMails(tx, made, mail.baseUrl, now);
    return made.length;
  });
  return { month, issued: count, already: rows.length - count, withoutEstimate, withoutRate: false };
}

export type IssuedInvoice = { id: string; number: string; organizationId: string; kind: string; month: string | null; fiscalYear: number; amountCents: number; dueOn: Date };

/** Each new invoice to its MO's active pilots, by e-mail through the outbox (their address read at sending). */
export async function queueInvoiceMails(tx: Tx, invoices: readonly IssuedInvoice[], baseUrl: string, now: Date): Promise<void> {
  if (invoices.length === 0) return;
  const organizationIds = [...new Set(invoices.map((i) => i.organizationId))];
  const pilots = await tx.user.findMany({ where: { role: "mo_pilot", organizationId: { in: organizationIds }, disabledAt: null }, select: { id: true, name: true, organizationId: true } });
  const organizations = await tx.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } });
  const nameOf = new Map(organizations.map((o) => [o.id, o.name]));
  // Users have no language of their own yet: French, the centres' language (as their other notices).
  // Not « automatic »: an invoice is a document the MO must get, not a reply to cap per day.
  const locale = "fr";
  const rows = invoices.flatMap((invoice) =>
    pilots
      .filter((p) => p.organizationId === invoice.organizationId)
      .map((pilot) => {
        const rendered = invoiceMail(
          {
            name: pilot.name,
            organization: nameOf.get(invoice.organizationId) ?? "",
            number: invoice.number,
            kind: invoice.kind === "monthly" ? "monthly" : invoice.amountCents < 0 ? "credit" : "adjustment",
            period: invoice.month ? monthLabel(invoice.month, locale) : `l'exercice ${fiscalYearLabel(invoice.fiscalYear)}`,
            amountCents: invoice.amountCents,
            dueOn: invoice.dueOn.toISOString().slice(0, 10),
            url: `${baseUrl}/factures/${invoice.id}`,
          },
          locale,
        );
        return { userId: pilot.id, kind: "invoice", automatic: false, locale, subject: rendered.subject, body: rendered.text, html: rendered.html, createdAt: now, nextAttemptAt: now };
      }),
  );
  if (rows.length) await tx.emailOutbox.createMany({ data: rows });
}

/** The SAGIR rate in force in the current month (the service's public page), null before the grid's first. */
export async function currentSagirRate(now: Date, db: Db = getDb()): Promise<number | null> {
  return rateInForce(await readTariff(db), billingMonth(now));
}
