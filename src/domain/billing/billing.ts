// SAGIR's billing (the seed's « Tarification » and « Délai de facturation »): 195 $ per employee a
// year, billed monthly on the MO's estimated number of employees, payable within 30 days of issue,
// adjusted at year end to the average number of employees actually declared. Pure: amounts in
// integer cents, months as `YYYY-MM`, no clock, no database.
//
// Decisions where the seed is silent (issue 17):
// - The year is the Québec government's fiscal year, 1 April – 31 March (`2026` is April 2026 to
//   March 2027): the « entente de services partagés » is a government-to-government agreement.
// - An agreement starts (and ends) on a month: it is billed for the months of the year it covers,
//   from its first month — a mid-year adhesion pays the months that remain (prorated by month).
// - Each month is billed at the rate in force on its first day (a new rate applies from its date).
// - Rounding: each month's amount is the running total rounded half up, less what the earlier months
//   were billed — so a year's invoices sum exactly to the total of estimate × rate ÷ 12 over its
//   months (the whole estimate × rate for a full year at one rate), no month is more than a cent
//   from its exact share, and the last month takes what rounding left.

export type Month = `${number}-${string}`;

/** A rate of the tariff grid, in force from its date (inclusive) until the next one's. */
export type Rate = { from: string; centsPerEmployee: number };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): text is Month {
  return MONTH.test(text);
}

function parts(month: Month): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}

export function monthOf(year: number, month: number): Month {
  return `${year}-${String(month).padStart(2, "0")}` as Month;
}

/** The month after (or `n` after). */
export function addMonths(month: Month, n = 1): Month {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + n;
  return monthOf(Math.floor(index / 12), (index % 12) + 1);
}

/** The fiscal year a month belongs to, named by the year it starts in (April). */
export function fiscalYearOf(month: Month): number {
  const [y, m] = parts(month);
  return m >= 4 ? y : y - 1;
}

/** `2026-2027`. */
export function fiscalYearLabel(year: number): string {
  return `${year}-${year + 1}`;
}

/** The twelve months of a fiscal year, April to March. */
export function fiscalMonths(year: number): Month[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(monthOf(year, 4), i));
}

/** The months of a fiscal year an agreement covers: from its first month to its last (or the year's end). */
export function agreementMonths(year: number, agreement: { firstMonth: Month; lastMonth: Month | null }): Month[] {
  return fiscalMonths(year).filter((m) => m >= agreement.firstMonth && (agreement.lastMonth === null || m <= agreement.lastMonth));
}

/** The grid's rate in force on a month's first day; null before the grid's first rate. */
export function rateInForce(grid: readonly Rate[], month: Month): number | null {
  const day = `${month}-01`;
  let found: Rate | null = null;
  for (const rate of grid) if (rate.from <= day && (found === null || rate.from > found.from)) found = rate;
  return found?.centsPerEmployee ?? null;
}

/** `numerator / 12` rounded half up, for a non-negative integer numerator. */
function twelfthRounded(numerator: number): number {
  return Math.floor((2 * numerator + 12) / 24);
}

export type MonthlyAmount = { month: Month; centsPerEmployee: number; employees: number; amountCents: number };

/**
 * The monthly invoices of one fiscal year: each month of `months` (the agreement's, in order) at
 * `employees × rate ÷ 12`, the running total rounded half up. Throws when a month has no rate.
 */
export function monthlyAmounts(employees: number, grid: readonly Rate[], months: readonly Month[]): MonthlyAmount[] {
  if (!Number.isInteger(employees) || employees < 0) throw new Error("employees: a non-negative integer");
  let exactTwelfths = 0;
  let billed = 0;
  return months.map((month) => {
    const rate = rateInForce(grid, month);
    if (rate === null) throw new Error(`no rate in force in ${month}`);
    exactTwelfths += employees * rate;
    const amountCents = twelfthRounded(exactTwelfths) - billed;
    billed += amountCents;
    return { month, centsPerEmployee: rate, employees, amountCents };
  });
}

/** What a year's monthly invoices sum to for an estimate over these months (each at its rate ÷ 12, rounded once); null when a month has no rate. */
export function yearTotal(employees: number, grid: readonly Rate[], months: readonly Month[]): number | null {
  let exactTwelfths = 0;
  for (const month of months) {
    const rate = rateInForce(grid, month);
    if (rate === null) return null;
    exactTwelfths += employees * rate;
  }
  return twelfthRounded(exactTwelfths);
}

export type YearEndAdjustment = {
  /** Months of the agreement without a declared number of employees: the adjustment waits for them. */
  missing: Month[];
  /** The average number of employees declared over the agreement's months (null while some are missing). */
  averageEmployees: number | null;
  /** What the year's real consumption costs: each month's declared employees at its rate ÷ 12, rounded half up once. */
  actualCents: number | null;
  billedCents: number;
  /** actual − billed: positive, an adjustment invoice; negative, a credit note; null while some months are missing. */
  adjustmentCents: number | null;
};

/**
 * The year-end adjustment (« la consommation réelle … établie en fonction du nombre moyen
 * d'employés de la période visée par l'entente »): the months' declared employees, each at the
 * month's rate, against what the monthly invoices billed. With one rate over the year this is
 * average × rate × months ÷ 12.
 */
export function yearEndAdjustment(declared: ReadonlyMap<Month, number>, grid: readonly Rate[], months: readonly Month[], billedCents: number): YearEndAdjustment {
  const missing = months.filter((m) => !declared.has(m));
  if (missing.length || months.length === 0) return { missing, averageEmployees: null, actualCents: null, billedCents, adjustmentCents: null };
  let exactTwelfths = 0;
  let total = 0;
  for (const month of months) {
    const employees = declared.get(month)!;
    const rate = rateInForce(grid, month);
    if (rate === null) throw new Error(`no rate in force in ${month}`);
    exactTwelfths += employees * rate;
    total += employees;
  }
  const actualCents = twelfthRounded(exactTwelfths);
  return { missing, averageEmployees: total / months.length, actualCents, billedCents, adjustmentCents: actualCents - billedCents };
}

/** The due date of an invoice: 30 days after its issue (`YYYY-MM-DD`). */
export function dueDate(issued: string, days = 30): string {
  const [y, m, d] = issued.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export type InvoiceState = "issued" | "paid" | "overdue";

/**
 * An invoice's state on a day: paid (or, for a credit note, applied) once the centre records it,
 * overdue once its due date has passed unpaid, issued before. A credit note or a zero invoice owes
 * nothing: it is never overdue.
 */
export function invoiceState(invoice: { dueOn: string; paidOn: string | null; amountCents?: number }, today: string): InvoiceState {
  if (invoice.paidOn !== null) return "paid";
  if (invoice.amountCents !== undefined && invoice.amountCents <= 0) return "issued";
  return today > invoice.dueOn ? "overdue" : "issued";
}

export type Balances = { billedCents: number; paidCents: number; balanceCents: number; overdueCents: number; overdueCount: number };

/** What a set of invoices billed, what was paid, what remains owed (credit notes not applied lower it) and what is overdue. */
export function balances(invoices: readonly { amountCents: number; dueOn: string; paidOn: string | null }[], today: string): Balances {
  const result: Balances = { billedCents: 0, paidCents: 0, balanceCents: 0, overdueCents: 0, overdueCount: 0 };
  for (const invoice of invoices) {
    result.billedCents += invoice.amountCents;
    if (invoice.paidOn !== null) result.paidCents += invoice.amountCents;
    else result.balanceCents += invoice.amountCents;
    if (invoiceState(invoice, today) === "overdue") {
      result.overdueCents += invoice.amountCents;
      result.overdueCount += 1;
    }
  }
  return result;
}

const MONEY = {
  fr: new Intl.NumberFormat("fr-CA", { style: "currency", currency: "CAD" }),
  en: new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD" }),
};

/** `1 234,56 $` (French) or `$1,234.56` (English), from cents. */
export function formatMoney(cents: number, locale: "fr" | "en"): string {
  return MONEY[locale].format(cents / 100);
}

/** The number of the year-end adjustment of an MO: `SAGIR-2026-2027-AJ-MFQ`. */
export function adjustmentNumber(fiscalYear: number, code: string): string {
  return `SAGIR-${fiscalYearLabel(fiscalYear)}-AJ-${code}`;
}

/** The number of a monthly invoice: `SAGIR-2026-04-MFQ`. */
export function monthlyNumber(month: Month, code: string): string {
  return `SAGIR-${month}-${code}`;
}

/** The first day after a fiscal year (`2027-04-01` for 2026): from then its adjustment may be made. */
export function fiscalYearEnd(year: number): string {
  return `${year + 1}-04-01`;
}

/**
 * An amount typed in dollars — `195`, `195,50`, `195.5`, `1 234,56 $` — in integer cents; null when
 * it is not one (negative, more than two decimals, letters).
 */
export function parseDollars(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f$]/g, "").replace(",", ".");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".") as [string, string?];
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
