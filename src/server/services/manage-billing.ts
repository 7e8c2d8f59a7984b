import "server-only";
// SAGIR billing's use cases (issue 17): the tariff grid, the MOs' agreements and estimates, the
// month's invoices run by a manager, payments, headcount declarations and the year-end adjustment;
// and what the pages read. Who may do what:
// - the managers of SAGIR and the admin: everything, for every MO;
// - an MO's pilot: reads their own MO's invoices and declares its headcounts;
// - anyone else, or another MO's invoice: NOT_FOUND (a page does not tell what exists).
// Each change is audited (the managers' log), with what it was before.
//
// Decisions where the issue is silent:
// - A new rate applies from the first day of a month that has no invoice yet (past invoices keep
//   theirs, and a running total is never recomputed at another rate for months already billed).
// - An MO's headcount may be declared for a month its agreement covers, from that month on, until
//   the year's adjustment is made; it may be corrected until then.
// - The adjustment is made by a manager once the year is over and every month is declared; an MO
//   whose pilot has not declared them all is listed as such.
import {
  adjustmentNumber,
  agreementMonths,
  balances,
  dueDate,
  fiscalMonths,
  fiscalYearEnd,
  fiscalYearOf,
  invoiceState,
  rateInForce,
  yearEndAdjustment,
  yearTotal,
  type Balances,
  type InvoiceState,
  type Month,
  type Rate,
  type YearEndAdjustment,
} from "@/domain/billing/billing";
import type { AdjustmentInput, AgreementInput, HeadcountInput, PaymentInput, TariffRateInput } from "@/schemas/billing";
import { isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb, type Db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/validate";
import { appendAudit } from "@/server/repositories/audit-repository";
import type { Tx } from "@/server/repositories/request-repository";
import { billingMonth, billingToday, issueMonthlyInvoices, queueInvoiceMails, readTariff, type MonthlyRun } from "@/server/services/billing";

const SERVICE = "sagir";

export const mayManageBilling = (user: CurrentUser | null): user is CurrentUser => isManagerOf(user, SERVICE);
const isPilotOf = (user: CurrentUser | null, organizationId: string) => user?.role === "mo_pilot" && user.organization?.id === organizationId;
const notFound = () => new AppError("NOT_FOUND", "no such billing record for this user");
const invalid = (field: string, fr: string, en: string) => new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } });

function requireManager(user: CurrentUser | null): CurrentUser {
  if (!mayManageBilling(user)) throw notFound();
  return user;
}

/** The fiscal year a page asked for (`?annee=`), or the one of the current month. */
export function fiscalYearShown(asked: number | undefined, now: Date): number {
  return asked ?? fiscalYearOf(billingMonth(now));
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

export type InvoiceView = {
  id: string;
  number: string;
  kind: "monthly" | "adjustment";
  fiscalYear: number;
  month: Month | null;
  employees: number;
  centsPerEmployee: number | null;
  amountCents: number;
  issuedOn: string;
  dueOn: string;
  paidOn: string | null;
  state: InvoiceState;
  details: Record<string, unknown>;
};

type InvoiceRow = {
  id: string;
  number: string;
  kind: string;
  fiscalYear: number;
  month: string | null;
  employees: number;
  centsPerEmployee: number | null;
  amountCents: number;
  issuedOn: Date;
  dueOn: Date;
  paidOn: Date | null;
  details: unknown;
};

const INVOICE_SELECT = { id: true, number: true, kind: true, fiscalYear: true, month: true, employees: true, centsPerEmployee: true, amountCents: true, issuedOn: true, dueOn: true, paidOn: true, details: true } as const;

function invoiceView(row: InvoiceRow, today: string): InvoiceView {
  const dates = { dueOn: iso(row.dueOn), paidOn: row.paidOn ? iso(row.paidOn) : null };
  return {
    id: row.id,
    number: row.number,
    kind: row.kind === "adjustment" ? "adjustment" : "monthly",
    fiscalYear: row.fiscalYear,
    month: (row.month as Month | null) ?? null,
    employees: row.employees,
    centsPerEmployee: row.centsPerEmployee,
    amountCents: row.amountCents,
    issuedOn: iso(row.issuedOn),
    ...dates,
    state: invoiceState({ ...dates, amountCents: row.amountCents }, today),
    details: (row.details ?? {}) as Record<string, unknown>,
  };
}

/** The last month any monthly invoice was issued for (rates before it may no longer change). */
async function lastInvoicedMonth(db: Db | Tx): Promise<Month | null> {
  const last = await db.invoice.findFirst({ where: { kind: "monthly" }, orderBy: { month: "desc" }, select: { month: true } });
  return (last?.month as Month | undefined) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Reading

export type BillingOverviewRow = {
  organization: { id: string; code: string; name: string; adheredOn: string | null };
  agreement: { firstMonth: Month; lastMonth: Month | null } | null;
  estimate: number | null;
  invoices: number;
  balances: Balances;
  /** Months of the year the agreement covers up to now, and those of them with a declared headcount. */
  declarable: number;
  declared: number;
  adjustment: { amountCents: number; number: string } | null;
};

export type BillingOverview = {
  fiscalYear: number;
  today: string;
  currentMonth: Month;
  grid: Rate[];
  lastInvoicedMonth: Month | null;
  rows: BillingOverviewRow[];
  totals: Balances & { estimatedCents: number };
};

/** Every MO's agreement, estimate, invoices, balances and declarations for a fiscal year (five queries). */
export async function readBillingOverview({ user, fiscalYear, now }: { user: CurrentUser | null; fiscalYear: number; now: Date }): Promise<BillingOverview> {
  requireManager(user);
  const db = getDb();
  const today = billingToday(now);
  const currentMonth = billingMonth(now);
  const months = fiscalMonths(fiscalYear);
  const grid = await readTariff(db, SERVICE);
  const organizations = await db.organization.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true, sagirAdheredOn: true } });
  const agreements = await db.billingAgreement.findMany();
  const estimates = await db.billingEstimate.findMany({ where: { fiscalYear } });
  const invoices = await db.invoice.findMany({ where: { fiscalYear }, select: { ...INVOICE_SELECT, organizationId: true } });
  const declared = await db.headcountDeclaration.groupBy({ by: ["organizationId"], where: { month: { in: months } }, _count: { month: true } });
  const agreementOf = new Map(agreements.map((a) => [a.organizationId, { firstMonth: a.firstMonth as Month, lastMonth: (a.lastMonth as Month | null) ?? null }]));
  const estimateOf = new Map(estimates.map((e) => [e.organizationId, e.employees]));
  const declaredOf = new Map(declared.map((d) => [d.organizationId, d._count.month]));
  const invoicesOf = new Map<string, typeof invoices>();
  for (const invoice of invoices) invoicesOf.set(invoice.organizationId, [...(invoicesOf.get(invoice.organizationId) ?? []), invoice]);
  const rows = organizations
    .filter((o) => agreementOf.has(o.id) || o.sagirAdheredOn !== null)
    .map((o): BillingOverviewRow => {
      const agreement = agreementOf.get(o.id) ?? null;
      const own = invoicesOf.get(o.id) ?? [];
      const adjustment = own.find((i) => i.kind === "adjustment");
      return {
        organization: { id: o.id, code: o.code, name: o.name, adheredOn: o.sagirAdheredOn ? iso(o.sagirAdheredOn) : null },
        agreement,
        estimate: estimateOf.get(o.id) ?? null,
        invoices: own.length,
        balances: balances(own.map((i) => ({ amountCents: i.amountCents, dueOn: iso(i.dueOn), paidOn: i.paidOn ? iso(i.paidOn) : null })), today),
        declarable: agreement ? agreementMonths(fiscalYear, agreement).filter((m) => m <= currentMonth).length : 0,
        declared: declaredOf.get(o.id) ?? 0,
        adjustment: adjustment ? { amountCents: adjustment.amountCents, number: adjustment.number } : null,
      };
    });
  const totals = rows.reduce(
    (t, r) => {
      for (const key of ["billedCents", "paidCents", "balanceCents", "overdueCents", "overdueCount"] as const) t[key] += r.balances[key];
      if (r.agreement && r.estimate !== null) t.estimatedCents += yearTotal(r.estimate, grid, agreementMonths(fiscalYear, r.agreement)) ?? 0;
      return t;
    },
    { billedCents: 0, paidCents: 0, balanceCents: 0, overdueCents: 0, overdueCount: 0, estimatedCents: 0 },
  );
  return { fiscalYear, today, currentMonth, grid, lastInvoicedMonth: await lastInvoicedMonth(db), rows, totals };
}

export type MonthLine = {
  month: Month;
  /** The agreement covers it. */
  covered: boolean;
  invoice: InvoiceView | null;
  declared: { employees: number; at: Date } | null;
  /** A headcount may be declared (or corrected) for it now. */
  declarable: boolean;
};

export type OrganizationBilling = {
  organization: { id: string; code: string; name: string; adheredOn: string | null };
  fiscalYear: number;
  today: string;
  currentMonth: Month;
  agreement: { firstMonth: Month; lastMonth: Month | null } | null;
  estimate: number | null;
  /** What the year's monthly invoices sum to with this estimate (null without one). */
  estimatedCents: number | null;
  grid: Rate[];
  months: MonthLine[];
  invoices: InvoiceView[];
  balances: Balances;
  adjustment: {
    computation: YearEndAdjustment;
    months: Month[];
    invoice: InvoiceView | null;
    /** The year is over (from 1 April). */
    yearEnded: boolean;
    /** It may be made now: the year is over, every month declared, not made yet. */
    ready: boolean;
  };
};

/** One MO's year: for the managers of SAGIR and the admin, or that MO's pilot; NOT_FOUND for anyone else. */
export async function readOrganizationBilling({ user, organizationId, fiscalYear, now }: { user: CurrentUser | null; organizationId: string; fiscalYear: number; now: Date }): Promise<OrganizationBilling> {
  if (!mayManageBilling(user) && !isPilotOf(user, organizationId)) throw notFound();
  const db = getDb();
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, code: true, name: true, sagirAdheredOn: true } });
  if (!organization) throw notFound();
  const today = billingToday(now);
  const currentMonth = billingMonth(now);
  const months = fiscalMonths(fiscalYear);
  const grid = await readTariff(db, SERVICE);
  const agreementRow = await db.billingAgreement.findUnique({ where: { organizationId } });
  const estimate = await db.billingEstimate.findUnique({ where: { organizationId_fiscalYear: { organizationId, fiscalYear } } });
  const rows = await db.invoice.findMany({ where: { organizationId, fiscalYear }, orderBy: [{ kind: "desc" }, { month: "asc" }], select: INVOICE_SELECT });
  const declarations = await db.headcountDeclaration.findMany({ where: { organizationId, month: { in: months } }, select: { month: true, employees: true, declaredAt: true } });
  const agreement = agreementRow ? { firstMonth: agreementRow.firstMonth as Month, lastMonth: (agreementRow.lastMonth as Month | null) ?? null } : null;
  const invoices = rows.map((r) => invoiceView(r, today));
  const adjustmentInvoice = invoices.find((i) => i.kind === "adjustment") ?? null;
  const covered = agreement ? agreementMonths(fiscalYear, agreement) : [];
  const declaredOf = new Map(declarations.map((d) => [d.month, { employees: d.employees, at: d.declaredAt }]));
  const billedCents = invoices.filter((i) => i.kind === "monthly").reduce((s, i) => s + i.amountCents, 0);
  let computation: YearEndAdjustment;
  try {
    computation = yearEndAdjustment(new Map([...declaredOf].map(([m, d]) => [m as Month, d.employees])), grid, covered, billedCents);
  } catch {
    computation = { missing: [], averageEmployees: null, actualCents: null, billedCents, adjustmentCents: null };
  }
  const yearEnded = today >= fiscalYearEnd(fiscalYear);
  return {
    organization: { id: organization.id, code: organization.code, name: organization.name, adheredOn: organization.sagirAdheredOn ? iso(organization.sagirAdheredOn) : null },
    fiscalYear,
    today,
    currentMonth,
    agreement,
    estimate: estimate?.employees ?? null,
    estimatedCents: estimate ? (yearTotal(estimate.employees, grid, covered) ?? 0) : null,
    grid,
    months: months.map((month) => ({
      month,
      covered: covered.includes(month),
      invoice: invoices.find((i) => i.kind === "monthly" && i.month === month) ?? null,
      declared: declaredOf.get(month) ?? null,
      declarable: covered.includes(month) && month <= currentMonth && adjustmentInvoice === null,
    })),
    invoices,
    balances: balances(invoices, today),
    adjustment: { computation, months: covered, invoice: adjustmentInvoice, yearEnded, ready: yearEnded && adjustmentInvoice === null && computation.adjustmentCents !== null },
  };
}

export type InvoiceDocument = InvoiceView & { organization: { id: string; code: string; name: string } };

/** One invoice, for the managers of SAGIR and the admin or its MO's pilot; NOT_FOUND otherwise (another MO's too). */
export async function readInvoice({ user, invoiceId, now }: { user: CurrentUser | null; invoiceId: string; now: Date }): Promise<InvoiceDocument> {
  if (!isUuid(invoiceId)) throw notFound();
  const row = await getDb().invoice.findUnique({ where: { id: invoiceId }, select: { ...INVOICE_SELECT, organization: { select: { id: true, code: true, name: true } } } });
  if (!row || (!mayManageBilling(user) && !isPilotOf(user, row.organization.id))) throw notFound();
  return { ...invoiceView(row, billingToday(now)), organization: row.organization };
}

/** The pilot's own MO (NOT_FOUND for anyone else). */
export function pilotOrganization(user: CurrentUser | null): { id: string; code: string; name: string } {
  if (user?.role !== "mo_pilot" || !user.organization) throw notFound();
  return user.organization;
}

// ---------------------------------------------------------------------------------------------
// The tariff grid

export type RatePreview = {
  from: string;
  centsPerEmployee: number;
  before: Rate[];
  after: Rate[];
  /** For each MO billed that month: its monthly amount at the rate in force before, and with this one. */
  effects: { code: string; name: string; employees: number; beforeCents: number | null; afterCents: number }[];
};

async function checkRateDate(db: Db | Tx, from: Month, now: Date): Promise<void> {
  const currentMonth = billingMonth(now);
  const last = await lastInvoicedMonth(db);
  if (from < currentMonth || (last !== null && from <= last)) {
    throw invalid(
      "from",
      `Un nouveau tarif s'applique à partir d'un mois sans facture : ${last !== null && last >= currentMonth ? `après ${last}` : `à partir de ${currentMonth}`}. Les factures émises gardent leur tarif.`,
      `A new rate applies from a month without invoices: ${last !== null && last >= currentMonth ? `after ${last}` : `from ${currentMonth}`}. Issued invoices keep their rate.`,
    );
  }
}

/** What a rate would change, without changing anything. */
export async function previewTariffRate({ user, input, now }: { user: CurrentUser | null; input: TariffRateInput; now: Date }): Promise<RatePreview> {
  requireManager(user);
  const db = getDb();
  await checkRateDate(db, input.from, now);
  const from = `${input.from}-01`;
  const before = await readTariff(db, SERVICE);
  const after = [...before.filter((r) => r.from !== from), { from, centsPerEmployee: input.rate }].sort((a, b) => a.from.localeCompare(b.from));
  const fiscalYear = fiscalYearOf(input.from);
  const agreements = await db.billingAgreement.findMany({ where: { firstMonth: { lte: input.from }, OR: [{ lastMonth: null }, { lastMonth: { gte: input.from } }] }, select: { organizationId: true } });
  const estimates = await db.billingEstimate.findMany({ where: { fiscalYear, organizationId: { in: agreements.map((a) => a.organizationId) } }, select: { organizationId: true, employees: true, organization: { select: { code: true, name: true } } } });
  const previous = rateInForce(before, input.from);
  const share = (employees: number, cents: number) => Math.round((employees * cents) / 12);
  return {
    from,
    centsPerEmployee: input.rate,
    before,
    after,
    effects: estimates
      .map((e) => ({ code: e.organization.code, name: e.organization.name, employees: e.employees, beforeCents: previous === null ? null : share(e.employees, previous), afterCents: share(e.employees, input.rate) }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** Records a rate in force from a month's first day (replacing one of the same date), audited. */
export async function saveTariffRate({ user, input, now }: { user: CurrentUser | null; input: TariffRateInput; now: Date }): Promise<void> {
  const actor = requireManager(user);
  const db = getDb();
  await db.$transaction(async (tx) => {
    await checkRateDate(tx, input.from, now);
    const from = new Date(`${input.from}-01T00:00:00Z`);
    const before = await tx.tariffRate.findUnique({ where: { serviceId_from: { serviceId: SERVICE, from } }, select: { centsPerEmployee: true } });
    await tx.tariffRate.upsert({ where: { serviceId_from: { serviceId: SERVICE, from } }, create: { serviceId: SERVICE, from, centsPerEmployee: input.rate, createdAt: now }, update: { centsPerEmployee: input.rate } });
    await appendAudit(tx, { at: now, actorUserId: actor.id, action: "billing_rate_saved", data: { serviceId: SERVICE, from: `${input.from}-01`, before: before?.centsPerEmployee ?? null, after: input.rate } });
  });
}

/** Removes a rate no invoice used yet, audited. */
export async function deleteTariffRate({ user, from, now }: { user: CurrentUser | null; from: Month; now: Date }): Promise<void> {
  const actor = requireManager(user);
  const db = getDb();
  await db.$transaction(async (tx) => {
    await checkRateDate(tx, from, now);
    const day = new Date(`${from}-01T00:00:00Z`);
    const before = await tx.tariffRate.findUnique({ where: { serviceId_from: { serviceId: SERVICE, from: day } }, select: { centsPerEmployee: true } });
    if (!before) throw notFound();
    await tx.tariffRate.delete({ where: { serviceId_from: { serviceId: SERVICE, from: day } } });
    await appendAudit(tx, { at: now, actorUserId: actor.id, action: "billing_rate_deleted", data: { serviceId: SERVICE, from: `${from}-01`, before: before.centsPerEmployee } });
  });
}

// ---------------------------------------------------------------------------------------------
// Agreements, invoices, payments

/** Creates or changes an MO's agreement and its estimate for a fiscal year, audited with before and after. */
export async function saveAgreement({ user, input, now }: { user: CurrentUser | null; input: AgreementInput; now: Date }): Promise<void> {
  const actor = requireManager(user);
  await getDb().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { code: true } });
    if (!organization) throw notFound();
    // Months already billed stay inside the agreement: their invoices were issued under it.
    const outside = await tx.invoice.findFirst({
      where: { organizationId: input.organizationId, kind: "monthly", OR: [{ month: { lt: input.firstMonth } }, ...(input.lastMonth ? [{ month: { gt: input.lastMonth } }] : [])] },
      orderBy: { month: "asc" },
      select: { month: true },
    });
    if (outside) {
      const field = outside.month! < input.firstMonth ? "firstMonth" : "lastMonth";
      throw invalid(field, `Le mois ${outside.month} est déjà facturé : l'entente doit le couvrir.`, `Month ${outside.month} is already billed: the agreement must cover it.`);
    }
    const before = await tx.billingAgreement.findUnique({ where: { organizationId: input.organizationId }, select: { firstMonth: true, lastMonth: true } });
    const estimateBefore = await tx.billingEstimate.findUnique({ where: { organizationId_fiscalYear: { organizationId: input.organizationId, fiscalYear: input.fiscalYear } }, select: { employees: true } });
    await tx.billingAgreement.upsert({
      where: { organizationId: input.organizationId },
      create: { organizationId: input.organizationId, firstMonth: input.firstMonth, lastMonth: input.lastMonth, createdAt: now },
      update: { firstMonth: input.firstMonth, lastMonth: input.lastMonth, updatedAt: now },
    });
    await tx.billingEstimate.upsert({
      where: { organizationId_fiscalYear: { organizationId: input.organizationId, fiscalYear: input.fiscalYear } },
      create: { organizationId: input.organizationId, fiscalYear: input.fiscalYear, employees: input.employees },
      update: { employees: input.employees },
    });
    await appendAudit(tx, {
      at: now,
      actorUserId: actor.id,
      action: "billing_agreement_saved",
      data: {
        organization: organization.code,
        fiscalYear: input.fiscalYear,
        before: before ? { firstMonth: before.firstMonth, lastMonth: before.lastMonth, employees: estimateBefore?.employees ?? null } : null,
        after: { firstMonth: input.firstMonth, lastMonth: input.lastMonth, employees: input.employees },
      },
    });
  });
}

/** The current month's invoices, issued now by a manager (the job does the same on the 1st): safe to run again; with `mail`, e-mailed to the MOs' pilots. */
export async function runMonthlyInvoices({ user, now, mail }: { user: CurrentUser | null; now: Date; mail?: { baseUrl: string } }): Promise<MonthlyRun> {
  const actor = requireManager(user);
  const db = getDb();
  const month = billingMonth(now);
  const run = await issueMonthlyInvoices(db, month, now, mail);
  await appendAudit(db, { at: now, actorUserId: actor.id, action: "billing_invoices_issued", data: { month, issued: run.issued, already: run.already, withoutEstimate: run.withoutEstimate } });
  return run;
}

/** Records (or, with no date, cancels) an invoice's payment, audited. */
export async function recordPayment({ user, input, now }: { user: CurrentUser | null; input: PaymentInput; now: Date }): Promise<void> {
  const actor = requireManager(user);
  const today = billingToday(now);
  await getDb().$transaction(async (tx) => {
    const invoice = await tx.invoice.findUnique({ where: { id: input.invoiceId }, select: { number: true, issuedOn: true, paidOn: true } });
    if (!invoice) throw notFound();
    if (input.paidOn !== null && (input.paidOn < iso(invoice.issuedOn) || input.paidOn > today)) {
      throw invalid("paidOn", `La date du paiement doit être entre l'émission (${iso(invoice.issuedOn)}) et aujourd'hui.`, `The payment date must be between the issue date (${iso(invoice.issuedOn)}) and today.`);
    }
    await tx.invoice.update({ where: { id: input.invoiceId }, data: { paidOn: input.paidOn === null ? null : new Date(`${input.paidOn}T00:00:00Z`) } });
    await appendAudit(tx, { at: now, actorUserId: actor.id, action: "billing_payment_recorded", data: { invoice: invoice.number, before: invoice.paidOn ? iso(invoice.paidOn) : null, after: input.paidOn } });
  });
}

/** An MO's headcount for a month: its pilot (their MO only) or a manager; audited. */
export async function declareHeadcount({ user, input, now }: { user: CurrentUser | null; input: HeadcountInput; now: Date }): Promise<void> {
  if (!mayManageBilling(user) && !isPilotOf(user, input.organizationId)) throw notFound();
  const currentMonth = billingMonth(now);
  await getDb().$transaction(async (tx) => {
    const agreement = await tx.billingAgreement.findUnique({ where: { organizationId: input.organizationId } });
    const fiscalYear = fiscalYearOf(input.month);
    const covered = agreement ? agreementMonths(fiscalYear, { firstMonth: agreement.firstMonth as Month, lastMonth: (agreement.lastMonth as Month | null) ?? null }) : [];
    if (!covered.includes(input.month)) throw invalid("month", "L'entente de services ne couvre pas ce mois.", "The service agreement does not cover this month.");
    if (input.month > currentMonth) throw invalid("month", "Ce mois n'est pas commencé : déclarez-le quand il le sera.", "This month has not begun: declare it once it has.");
    if (await tx.invoice.findUnique({ where: { organizationId_key: { organizationId: input.organizationId, key: `adjustment:${fiscalYear}` } }, select: { id: true } })) {
      throw invalid("month", "L'ajustement de fin d'année de cet exercice est fait : ses effectifs ne changent plus.", "This fiscal year's adjustment is made: its headcounts no longer change.");
    }
    const before = await tx.headcountDeclaration.findUnique({ where: { organizationId_month: { organizationId: input.organizationId, month: input.month } }, select: { employees: true } });
    await tx.headcountDeclaration.upsert({
      where: { organizationId_month: { organizationId: input.organizationId, month: input.month } },
      create: { organizationId: input.organizationId, month: input.month, employees: input.employees, declaredById: user!.id, declaredAt: now },
      update: { employees: input.employees, declaredById: user!.id, declaredAt: now },
    });
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { code: true } });
    await appendAudit(tx, { at: now, actorUserId: user!.id, action: "billing_headcount_declared", data: { organization: organization.code, month: input.month, before: before?.employees ?? null, after: input.employees } });
  });
}

/**
 * The year-end adjustment of an MO (with `mail`, e-mailed to its pilots): an invoice (or a credit note, negative) of the real consumption —
 * each month's declared headcount at its rate ÷ 12 — less the year's monthly invoices. Made once the
 * year is over and every month declared; once only (a second is refused).
 */
export async function issueAdjustment({ user, input, now, mail }: { user: CurrentUser | null; input: AdjustmentInput; now: Date; mail?: { baseUrl: string } }): Promise<InvoiceView> {
  const actor = requireManager(user);
  const billing = await readOrganizationBilling({ user: actor, organizationId: input.organizationId, fiscalYear: input.fiscalYear, now });
  const { computation, yearEnded, invoice } = billing.adjustment;
  if (invoice) throw new AppError("CONFLICT", "adjustment already made", {}, { localized: { fr: `L'ajustement est déjà fait : facture ${invoice.number}.`, en: `The adjustment is already made: invoice ${invoice.number}.` } });
  if (!yearEnded) throw new AppError("CONFLICT", "year not over", {}, { localized: { fr: `L'exercice n'est pas terminé : l'ajustement se fait à partir du ${fiscalYearEnd(input.fiscalYear)}.`, en: `The fiscal year is not over: the adjustment is made from ${fiscalYearEnd(input.fiscalYear)}.` } });
  if (computation.adjustmentCents === null || computation.averageEmployees === null || computation.actualCents === null) {
    throw new AppError("CONFLICT", "headcounts missing", {}, { localized: { fr: `Effectifs à déclarer d'abord : ${computation.missing.join(", ")}.`, en: `Headcounts to declare first: ${computation.missing.join(", ")}.` } });
  }
  const today = billingToday(now);
  const grid = billing.grid;
  const declared = billing.months.filter((m) => m.covered).map((m) => ({ month: m.month, employees: m.declared!.employees, centsPerEmployee: rateInForce(grid, m.month) }));
  const created = await getDb().$transaction(async (tx) => {
    const made = await tx.invoice.createManyAndReturn({
      data: [
        {
          number: adjustmentNumber(input.fiscalYear, billing.organization.code),
          organizationId: input.organizationId,
          key: `adjustment:${input.fiscalYear}`,
          kind: "adjustment",
          fiscalYear: input.fiscalYear,
          month: null,
          employees: Math.round(computation.averageEmployees!),
          centsPerEmployee: declared.every((d) => d.centsPerEmployee === declared[0]!.centsPerEmployee) ? declared[0]!.centsPerEmployee : null,
          amountCents: computation.adjustmentCents!,
          details: { months: declared, averageEmployees: computation.averageEmployees, actualCents: computation.actualCents, billedCents: computation.billedCents },
          issuedOn: new Date(`${today}T00:00:00Z`),
          dueOn: new Date(`${dueDate(today)}T00:00:00Z`),
          createdAt: now,
        },
      ],
      skipDuplicates: true,
      select: { id: true, number: true, organizationId: true, kind: true, month: true, fiscalYear: true, amountCents: true, dueOn: true },
    });
    if (made.length === 0) throw new AppError("CONFLICT", "adjustment already made", {}, { localized: { fr: "L'ajustement vient d'être fait.", en: "The adjustment was just made." } });
    if (mail) await queueInvoiceMails(tx, made, mail.baseUrl, now);
    await appendAudit(tx, { at: now, actorUserId: actor.id, action: "billing_adjustment_issued", data: { organization: billing.organization.code, fiscalYear: input.fiscalYear, amountCents: computation.adjustmentCents } });
    return tx.invoice.findUniqueOrThrow({ where: { organizationId_key: { organizationId: input.organizationId, key: `adjustment:${input.fiscalYear}` } }, select: INVOICE_SELECT });
  });
  return invoiceView(created, today);
}

/** An MO by its code, for the managers' pages (NOT_FOUND for anyone else, or no such MO). */
export async function billingOrganizationByCode({ user, code }: { user: CurrentUser | null; code: string }): Promise<string> {
  requireManager(user);
  const organization = /^[A-Za-z0-9_-]{1,40}$/.test(code) ? await getDb().organization.findUnique({ where: { code }, select: { id: true } }) : null;
  if (!organization) throw notFound();
  return organization.id;
}

/** Every invoice of a fiscal year, by MO then month (the adjustment last): the managers' CSV. */
export async function readYearInvoices({ user, fiscalYear, now }: { user: CurrentUser | null; fiscalYear: number; now: Date }): Promise<InvoiceDocument[]> {
  requireManager(user);
  const today = billingToday(now);
  const rows = await getDb().invoice.findMany({
    where: { fiscalYear },
    orderBy: [{ organization: { code: "asc" } }, { kind: "desc" }, { month: "asc" }],
    select: { ...INVOICE_SELECT, organization: { select: { id: true, code: true, name: true } } },
  });
  return rows.map((row) => ({ ...invoiceView(row, today), organization: row.organization }));
}
