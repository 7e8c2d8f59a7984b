import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  adjustmentNumber,
  agreementMonths,
  balances,
  dueDate,
  fiscalYearEnd,
  fiscalMonths,
  fiscalYearLabel,
  fiscalYearOf,
  formatMoney,
  invoiceState,
  monthlyAmounts,
  monthlyNumber,
  parseDollars,
  rateInForce,
  yearEndAdjustment,
  type Month,
  type Rate,
} from "./billing";

const GRID: Rate[] = [{ from: "2020-04-01", centsPerEmployee: 19_500 }];
/** `n / d` rounded half up, exactly (BigInt), for the properties' independent computation. */
const roundedRatio = (n: bigint, d: bigint) => Number((2n * n + d) / (2n * d));

describe("months and fiscal years", () => {
  it.each([
    ["2026-04", 2026],
    ["2026-12", 2026],
    ["2027-01", 2026],
    ["2027-03", 2026],
    ["2027-04", 2027],
  ] as const)("%s is in fiscal year %d", (month, year) => {
    expect(fiscalYearOf(month as Month)).toBe(year);
  });

  it("a fiscal year is April to March; months add across years", () => {
    expect(fiscalMonths(2026)).toEqual(["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]);
    expect(fiscalYearLabel(2026)).toBe("2026-2027");
    expect(addMonths("2026-12" as Month)).toBe("2027-01");
    expect(addMonths("2027-01" as Month, -2)).toBe("2026-11");
  });

  it("an agreement covers its months of the year: from its first, to its last or the year's end", () => {
    expect(agreementMonths(2026, { firstMonth: "2026-10" as Month, lastMonth: null })).toEqual(["2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]);
    expect(agreementMonths(2026, { firstMonth: "2025-01" as Month, lastMonth: "2026-05" as Month })).toEqual(["2026-04", "2026-05"]);
    expect(agreementMonths(2026, { firstMonth: "2027-04" as Month, lastMonth: null })).toEqual([]);
  });

  it("the rate in force is the latest one dated on or before the month's first day", () => {
    const grid: Rate[] = [
      { from: "2025-04-01", centsPerEmployee: 19_000 },
      { from: "2026-04-01", centsPerEmployee: 19_500 },
      { from: "2026-10-15", centsPerEmployee: 20_000 },
    ];
    expect(rateInForce(grid, "2025-03" as Month)).toBeNull();
    expect(rateInForce(grid, "2026-03" as Month)).toBe(19_000);
    expect(rateInForce(grid, "2026-04" as Month)).toBe(19_500);
    // Dated mid-October: November is the first month billed at it.
    expect(rateInForce(grid, "2026-10" as Month)).toBe(19_500);
    expect(rateInForce(grid, "2026-11" as Month)).toBe(20_000);
  });
});

describe("monthly invoices", () => {
  it("1,234 employees at 195 $: twelve invoices of 20 052,50 $ summing to 240 630 $", () => {
    const months = monthlyAmounts(1234, GRID, fiscalMonths(2026));
    expect(months.map((m) => m.amountCents)).toEqual(Array(12).fill(2_005_250));
    expect(months.reduce((s, m) => s + m.amountCents, 0)).toBe(1234 * 19_500);
  });

  it("7 employees at 195 $: 113,75 $ a month exactly; 1 employee at 1 $: 8 or 9 cents a month as the running total rounds, 1 $ in all", () => {
    expect(monthlyAmounts(7, GRID, fiscalMonths(2026)).map((m) => m.amountCents)).toEqual(Array(12).fill(11_375));
    expect(monthlyAmounts(1, [{ from: "2020-01-01", centsPerEmployee: 100 }], fiscalMonths(2026)).map((m) => m.amountCents)).toEqual([8, 9, 8, 8, 9, 8, 8, 9, 8, 8, 9, 8]);
  });

  it("property: a full year at one rate sums exactly to estimate × rate, each month within a cent of its share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 1_000_000 }), (employees, rate) => {
        const months = monthlyAmounts(employees, [{ from: "2000-01-01", centsPerEmployee: rate }], fiscalMonths(2026));
        expect(months.reduce((s, m) => s + m.amountCents, 0)).toBe(employees * rate);
        for (const m of months) expect(Math.abs(m.amountCents - (employees * rate) / 12)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it("property: a rate change mid-year bills each month at the rate in force, and the year sums to those months' exact total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 11 }), (employees, before, after, changeAt) => {
        const year = fiscalMonths(2026);
        const grid: Rate[] = [
          { from: "2000-01-01", centsPerEmployee: before },
          { from: `${year[changeAt]}-01`, centsPerEmployee: after },
        ];
        const months = monthlyAmounts(employees, grid, year);
        months.forEach((m, i) => expect(m.centsPerEmployee).toBe(i < changeAt ? before : after));
        const exact = BigInt(employees) * (BigInt(before) * BigInt(changeAt) + BigInt(after) * BigInt(12 - changeAt));
        expect(months.reduce((s, m) => s + m.amountCents, 0)).toBe(roundedRatio(exact, 12n));
      }),
      { numRuns: 500 },
    );
  });

  it("property: a mid-year adhesion pays its months only — estimate × rate × months ÷ 12", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 11 }), (employees, rate, first) => {
        const months = agreementMonths(2026, { firstMonth: fiscalMonths(2026)[first]!, lastMonth: null });
        const amounts = monthlyAmounts(employees, [{ from: "2000-01-01", centsPerEmployee: rate }], months);
        expect(amounts).toHaveLength(12 - first);
        expect(amounts.reduce((s, m) => s + m.amountCents, 0)).toBe(roundedRatio(BigInt(employees) * BigInt(rate) * BigInt(12 - first), 12n));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a month without a rate and a number of employees that is not a whole number", () => {
    expect(() => monthlyAmounts(10, [{ from: "2027-01-01", centsPerEmployee: 19_500 }], fiscalMonths(2026))).toThrow(/no rate in force in 2026-04/);
    expect(() => monthlyAmounts(10.5, GRID, fiscalMonths(2026))).toThrow();
    expect(() => monthlyAmounts(-1, GRID, fiscalMonths(2026))).toThrow();
  });
});

describe("the year-end adjustment", () => {
  it("waits for every month's declaration", () => {
    const declared = new Map(fiscalMonths(2026).slice(0, 11).map((m) => [m, 100] as const));
    expect(yearEndAdjustment(declared, GRID, fiscalMonths(2026), 1_950_000)).toEqual({ missing: ["2027-03"], averageEmployees: null, actualCents: null, billedCents: 1_950_000, adjustmentCents: null });
  });

  it("an estimate of 100 with 110 employees on average: an adjustment invoice of 1 950 $; with 90, a credit note", () => {
    const billed = 100 * 19_500;
    const up = yearEndAdjustment(new Map(fiscalMonths(2026).map((m, i) => [m, i % 2 ? 100 : 120] as const)), GRID, fiscalMonths(2026), billed);
    expect(up).toMatchObject({ averageEmployees: 110, actualCents: 110 * 19_500, adjustmentCents: 195_000 });
    const down = yearEndAdjustment(new Map(fiscalMonths(2026).map((m) => [m, 90] as const)), GRID, fiscalMonths(2026), billed);
    expect(down.adjustmentCents).toBe(-195_000);
  });

  it("property: adjustment + billed = average declared × rate, for any headcounts and estimate", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 12, maxLength: 12 }), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 1, max: 100_000 }), (headcounts, estimate, rate) => {
        const grid = [{ from: "2000-01-01", centsPerEmployee: rate }];
        const months = fiscalMonths(2026);
        const billed = monthlyAmounts(estimate, grid, months).reduce((s, m) => s + m.amountCents, 0);
        const result = yearEndAdjustment(new Map(months.map((m, i) => [m, headcounts[i]!] as const)), grid, months, billed);
        const total = headcounts.reduce((s, n) => s + n, 0);
        // average × rate, with the average = total ÷ 12, rounded half up once.
        expect(result.adjustmentCents! + billed).toBe(roundedRatio(BigInt(total) * BigInt(rate), 12n));
        expect(result.averageEmployees).toBeCloseTo(total / 12, 9);
      }),
      { numRuns: 500 },
    );
  });
});

describe("due dates, states and amounts", () => {
  it.each([
    ["2026-04-01", "2026-05-01"],
    ["2026-12-15", "2027-01-14"],
    ["2027-02-01", "2027-03-03"],
    ["2028-02-01", "2028-03-02"],
  ])("issued %s is due %s (30 days)", (issued, due) => {
    expect(dueDate(issued)).toBe(due);
  });

  it("issued until its due date, overdue the day after, paid whenever paid", () => {
    expect(invoiceState({ dueOn: "2026-05-01", paidOn: null }, "2026-05-01")).toBe("issued");
    expect(invoiceState({ dueOn: "2026-05-01", paidOn: null }, "2026-05-02")).toBe("overdue");
    expect(invoiceState({ dueOn: "2026-05-01", paidOn: "2026-06-10" }, "2026-07-01")).toBe("paid");
  });

  it("a credit note or a zero invoice owes nothing: never overdue", () => {
    expect(invoiceState({ dueOn: "2026-05-01", paidOn: null, amountCents: -500 }, "2027-01-01")).toBe("issued");
    expect(invoiceState({ dueOn: "2026-05-01", paidOn: null, amountCents: 0 }, "2027-01-01")).toBe("issued");
    expect(invoiceState({ dueOn: "2026-05-01", paidOn: null, amountCents: 1 }, "2027-01-01")).toBe("overdue");
  });

  it("balances: billed, paid, owed (an unapplied credit note lowers it) and overdue", () => {
    const invoices = [
      { amountCents: 10_000, dueOn: "2026-05-01", paidOn: "2026-04-20" },
      { amountCents: 20_000, dueOn: "2026-06-01", paidOn: null },
      { amountCents: 30_000, dueOn: "2026-07-01", paidOn: null },
      { amountCents: -5_000, dueOn: "2026-06-01", paidOn: null },
    ];
    expect(balances(invoices, "2026-06-15")).toEqual({ billedCents: 55_000, paidCents: 10_000, balanceCents: 45_000, overdueCents: 20_000, overdueCount: 1 });
    expect(balances([], "2026-06-15")).toEqual({ billedCents: 0, paidCents: 0, balanceCents: 0, overdueCents: 0, overdueCount: 0 });
  });

  it("property: billed = paid + balance, whatever the invoices and the day", () => {
    const invoice = fc.record({ amountCents: fc.integer({ min: -1_000_000, max: 10_000_000 }), dueOn: fc.constantFrom("2026-05-01", "2026-06-01"), paidOn: fc.option(fc.constant("2026-05-15"), { nil: null }) });
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 20 }), fc.constantFrom("2026-04-01", "2026-05-20", "2026-07-01"), (list, today) => {
        const b = balances(list, today);
        expect(b.billedCents).toBe(b.paidCents + b.balanceCents);
        expect(b.overdueCount).toBe(list.filter((i) => invoiceState(i, today) === "overdue").length);
      }),
    );
  });

  it.each([
    ["195", 19_500],
    ["195,50", 19_550],
    ["195.5", 19_550],
    ["1 234,56 $", 123_456],
    ["1\u00a0234,56\u00a0$", 123_456],
    ["0,01", 1],
    ["195,505", null],
    ["-195", null],
    ["cent", null],
    ["", null],
    ["1,2,3", null],
  ] as const)("the amount typed %j is %j cents", (text, cents) => {
    expect(parseDollars(text)).toBe(cents);
  });

  it("invoice numbers and the day a fiscal year's adjustment may be made", () => {
    expect(monthlyNumber("2026-04" as Month, "MFQ")).toBe("SAGIR-2026-04-MFQ");
    expect(adjustmentNumber(2026, "MFQ")).toBe("SAGIR-2026-2027-AJ-MFQ");
    expect(fiscalYearEnd(2026)).toBe("2027-04-01");
  });

  it("amounts in French and English formats", () => {
    expect(formatMoney(123_456, "fr").replace(/\s/g, " ")).toBe("1 234,56 $");
    expect(formatMoney(-195_000, "fr").replace(/\s/g, " ")).toBe("-1 950,00 $");
    expect(formatMoney(123_456, "en")).toBe("$1,234.56");
  });
});
