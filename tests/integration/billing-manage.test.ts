// SAGIR billing's use cases on the real PostgreSQL with a fixed clock (issue 17): the tariff grid
// (preview, a rate from a month not yet billed, each month billed at the rate in force), agreements,
// headcounts declared by the pilot of the MO only, payments and overdue invoices, the year-end
// adjustment (invoice or credit note, once, only when the year is over and every month declared),
// who may read which invoice, and the PDF saying the invoice's amount.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceText } from "../../src/components/billing/invoice-text";
import { fiscalMonths } from "../../src/domain/billing/billing";
import { ZAgreementInput, ZHeadcountInput, ZPaymentInput, ZTariffRateInput } from "../../src/schemas/billing";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { AppError } from "../../src/server/errors";
import { invoicePdf } from "../../src/server/services/invoice-pdf";
import {
  declareHeadcount,
  issueAdjustment,
  previewTariffRate,
  readBillingOverview,
  readInvoice,
  readOrganizationBilling,
  recordPayment,
  runMonthlyInvoices,
  saveAgreement,
  saveTariffRate,
} from "../../src/server/services/manage-billing";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { pdfText } from "../support/pdf-text";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const MANAGER = "gestionnaire@cspq.exemple.qc.ca";
const PILOT = "pilote@mfq.exemple.qc.ca";
const user = (email: string) => currentUserFor(db, email);
/** The first working morning of a month, in Québec. */
const at = (month: string, day = "01") => new Date(`${month}-${day}T15:00:00Z`);
const orgId = async (code: string) => (await db.organization.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
const codeOf = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return "ok";
  } catch (error) {
    return error instanceof AppError ? `${error.code}${Object.keys(error.fields).length ? `:${Object.keys(error.fields).join(",")}` : ""}` : String(error);
  }
};
const runMonth = async (month: string) => runMonthlyInvoices({ user: await user(MANAGER), now: at(month) });
const declare = async (organizationId: string, month: string, employees: number, email = PILOT, now = at(month, "20")) =>
  declareHeadcount({ user: await user(email), input: parseInput(ZHeadcountInput, { organizationId, month, employees: String(employees) }), now });

let mfq: string;
let mcc: string;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-04-01T12:00:00Z"));
  await seedDemoData(db);
  [mfq, mcc] = [await orgId("MFQ"), await orgId("MCC")];
  const manager = await user(MANAGER);
  await saveAgreement({ user: manager, input: parseInput(ZAgreementInput, { organizationId: mfq, firstMonth: "2026-04", lastMonth: "", fiscalYear: "2026", employees: "1200" }), now: at("2026-03", "20") });
  // MCC adheres mid-year: October.
  await saveAgreement({ user: manager, input: parseInput(ZAgreementInput, { organizationId: mcc, firstMonth: "2026-10", lastMonth: "", fiscalYear: "2026", employees: "80" }), now: at("2026-09", "20") });
});
afterAll(() => db.$disconnect());

describe("SAGIR billing's use cases", () => {
  it("a rate is previewed with each MO's monthly share, refused before a month already billed, and then each month is billed at the rate in force", async () => {
    const manager = await user(MANAGER);
    for (const month of ["2026-04", "2026-05", "2026-06"]) expect((await runMonth(month)).issued).toBe(1);
    // June is billed: a rate from June is refused, field by field; from July it is previewed.
    expect(await codeOf(async () => previewTariffRate({ user: manager, input: parseInput(ZTariffRateInput, { from: "2026-06", rate: "200" }), now: at("2026-06", "10") }))).toBe("INVALID_PARAMETER:from");
    const preview = await previewTariffRate({ user: manager, input: parseInput(ZTariffRateInput, { from: "2026-07", rate: "200" }), now: at("2026-06", "10") });
    expect(preview.effects).toEqual([{ code: "MFQ", name: expect.any(String), employees: 1200, beforeCents: 1_950_000, afterCents: 2_000_000 }]);
    expect(await db.tariffRate.count()).toBe(1); // a preview changes nothing
    await saveTariffRate({ user: manager, input: parseInput(ZTariffRateInput, { from: "2026-07", rate: "200,00" }), now: at("2026-06", "10") });
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "billing_rate_saved" } })).toMatchObject({ data: { from: "2026-07-01", before: null, after: 20_000 } });
    for (const month of fiscalMonths(2026).slice(3)) await runMonth(month);
    const invoices = await db.invoice.findMany({ where: { organizationId: mfq, kind: "monthly" }, orderBy: { month: "asc" } });
    expect(invoices.map((i) => i.centsPerEmployee)).toEqual([19_500, 19_500, 19_500, ...Array(9).fill(20_000)]);
    // 3 months at 195 $ and 9 at 200 $ for 1 200 employees: 58 500 $ + 180 000 $.
    expect(invoices.reduce((s, i) => s + i.amountCents, 0)).toBe(1200 * (3 * 19_500 + 9 * 20_000) / 12);
    // MCC adhered in October: six months, at 200 $.
    expect(await db.invoice.aggregate({ where: { organizationId: mcc }, _sum: { amountCents: true }, _count: true })).toEqual({ _sum: { amountCents: 80 * 20_000 * 6 / 12 }, _count: 6 });
  });

  it("an agreement is refused without a first month before its last, or leaving out a month already billed", async () => {
    expect(() => parseInput(ZAgreementInput, { organizationId: mcc, firstMonth: "2026-10", lastMonth: "2026-09", fiscalYear: "2026", employees: "80" })).toThrow(AppError);
    expect(await codeOf(async () => saveAgreement({ user: await user(MANAGER), input: parseInput(ZAgreementInput, { organizationId: mcc, firstMonth: "2026-11", lastMonth: "", fiscalYear: "2026", employees: "80" }), now: at("2027-03", "20") }))).toBe("INVALID_PARAMETER:firstMonth");
    expect(await codeOf(async () => saveAgreement({ user: await user(PILOT), input: parseInput(ZAgreementInput, { organizationId: mfq, firstMonth: "2026-04", lastMonth: "", fiscalYear: "2026", employees: "1" }), now: at("2027-03", "20") }))).toBe("NOT_FOUND");
  });

  it("an invoice is overdue the day after its due date, paid once the centre records it, and the balances agree", async () => {
    const manager = await user(MANAGER);
    const april = await db.invoice.findFirstOrThrow({ where: { organizationId: mfq, month: "2026-04" } });
    const stateOn = async (day: string) => (await readOrganizationBilling({ user: manager, organizationId: mfq, fiscalYear: 2026, now: new Date(`${day}T15:00:00Z`) })).months[0]!.invoice!.state;
    expect(await stateOn("2026-05-01")).toBe("issued");
    expect(await stateOn("2026-05-02")).toBe("overdue");
    expect(await codeOf(async () => recordPayment({ user: manager, input: parseInput(ZPaymentInput, { invoiceId: april.id, paidOn: "2026-03-31" }), now: at("2026-05", "02") }))).toBe("INVALID_PARAMETER:paidOn");
    expect(await codeOf(async () => recordPayment({ user: await user(PILOT), input: parseInput(ZPaymentInput, { invoiceId: april.id, paidOn: "2026-04-20" }), now: at("2026-05", "02") }))).toBe("NOT_FOUND");
    await recordPayment({ user: manager, input: parseInput(ZPaymentInput, { invoiceId: april.id, paidOn: "2026-04-20" }), now: at("2026-05", "02") });
    expect(await stateOn("2026-05-02")).toBe("paid");
    const overview = await readBillingOverview({ user: manager, fiscalYear: 2026, now: at("2027-03", "20") });
    const row = overview.rows.find((r) => r.organization.code === "MFQ")!;
    expect(row.balances.paidCents).toBe(april.amountCents);
    expect(row.balances.balanceCents).toBe(row.balances.billedCents - april.amountCents);
    expect(overview.totals.billedCents).toBe(overview.rows.reduce((s, r) => s + r.balances.billedCents, 0));
  });

  it("headcounts: the pilot declares their own MO's months that have begun, within the agreement; nobody else but the centre", async () => {
    expect(await codeOf(() => declare(mcc, "2026-10", 80))).toBe("NOT_FOUND"); // another MO
    expect(await codeOf(() => declare(mfq, "2026-04", 1000, "specialiste@mfq.exemple.qc.ca"))).toBe("NOT_FOUND");
    expect(await codeOf(() => declare(mfq, "2026-12", 1000, PILOT, at("2026-11", "20")))).toBe("INVALID_PARAMETER:month"); // not begun
    expect(await codeOf(() => declare(mcc, "2026-09", 80, MANAGER))).toBe("INVALID_PARAMETER:month"); // before its agreement
    for (const month of fiscalMonths(2026).slice(0, 11)) await declare(mfq, month, 1250);
    const billing = await readOrganizationBilling({ user: await user(PILOT), organizationId: mfq, fiscalYear: 2026, now: at("2027-03", "20") });
    expect(billing.adjustment.computation.missing).toEqual(["2027-03"]);
    expect(billing.months.filter((m) => m.declarable && m.declared === null).map((m) => m.month)).toEqual(["2027-03"]);
  });

  it("the year-end adjustment: refused before the year ends and while a month is missing; then average × rate − billed, once; the headcounts then stay", async () => {
    const manager = await user(MANAGER);
    const input = { organizationId: mfq, fiscalYear: 2026 };
    await declare(mfq, "2027-03", 1310);
    expect(await codeOf(() => issueAdjustment({ user: manager, input, now: at("2027-03", "31") }))).toBe("CONFLICT");
    expect(await codeOf(() => issueAdjustment({ user: manager, input: { organizationId: mcc, fiscalYear: 2026 }, now: at("2027-04", "02") }))).toBe("CONFLICT"); // MCC declared nothing
    expect(await codeOf(async () => issueAdjustment({ user: await user(PILOT), input, now: at("2027-04", "02") }))).toBe("NOT_FOUND");
    const adjustment = await issueAdjustment({ user: manager, input, now: at("2027-04", "02"), mail: { baseUrl: "https://guichet.exemple.qc.ca" } });
    // The pilot gets it by e-mail.
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { kind: "invoice" }, select: { subject: true, body: true, user: { select: { email: true } } } });
    expect(mail).toMatchObject({ subject: "Facture d'ajustement de fin d'exercice SAGIR-2026-2027-AJ-MFQ", user: { email: PILOT } });
    expect(mail.body).toContain("pour l'exercice 2026-2027");
    // Actual: 1 250 employees for 3 months at 195 $ and 8 at 200 $, 1 310 in March at 200 $, ÷ 12.
    const actual = (1250 * 3 * 19_500 + 1250 * 8 * 20_000 + 1310 * 20_000) / 12;
    const billed = 1200 * (3 * 19_500 + 9 * 20_000) / 12;
    expect(adjustment).toMatchObject({ number: "SAGIR-2026-2027-AJ-MFQ", kind: "adjustment", amountCents: Math.round(actual) - billed, issuedOn: "2027-04-02", dueOn: "2027-05-02" });
    expect(adjustment.details).toMatchObject({ averageEmployees: (1250 * 11 + 1310) / 12, billedCents: billed });
    expect(await codeOf(() => issueAdjustment({ user: manager, input, now: at("2027-04", "03") }))).toBe("CONFLICT");
    expect(await codeOf(() => declare(mfq, "2027-03", 1000))).toBe("INVALID_PARAMETER:month");
    expect(await db.invoice.count({ where: { kind: "adjustment" } })).toBe(1);
  });

  it("a year over-estimated ends with a credit note: a negative adjustment, never overdue", async () => {
    for (const month of fiscalMonths(2026).slice(6)) await declare(mcc, month, 40, MANAGER);
    const credit = await issueAdjustment({ user: await user(MANAGER), input: { organizationId: mcc, fiscalYear: 2026 }, now: at("2027-04", "02") });
    expect(credit.amountCents).toBe((40 - 80) * 20_000 * 6 / 12);
    const later = await readInvoice({ user: await user(MANAGER), invoiceId: credit.id, now: at("2027-09") });
    expect(later.state).toBe("issued");
  });

  it("an invoice is read by the centre and its MO's pilot only: another MO's is not found, and its PDF says its amount", async () => {
    const mccInvoice = await db.invoice.findFirstOrThrow({ where: { organizationId: mcc, kind: "monthly" } });
    const mfqInvoice = await db.invoice.findFirstOrThrow({ where: { organizationId: mfq, month: "2026-04" } });
    expect(await codeOf(async () => readInvoice({ user: await user(PILOT), invoiceId: mccInvoice.id, now: at("2026-11") }))).toBe("NOT_FOUND");
    for (const email of ["agent.sagir@cspq.exemple.qc.ca", "sagir@mfq.exemple.qc.ca", "specialiste@mfq.exemple.qc.ca"]) {
      expect(await codeOf(async () => readInvoice({ user: await user(email), invoiceId: mfqInvoice.id, now: at("2026-11") }))).toBe("NOT_FOUND");
    }
    expect(await codeOf(async () => readInvoice({ user: await user(PILOT), invoiceId: "not-a-uuid", now: at("2026-11") }))).toBe("NOT_FOUND");
    const invoice = await readInvoice({ user: await user(PILOT), invoiceId: mfqInvoice.id, now: at("2026-11") });
    const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? ` ${Object.values(values).join(" ")}` : ""}`;
    const text = invoiceText(invoice, t, "fr");
    expect(text.total).toBe("19\u00a0500,00\u00a0$");
    const pdf = pdfText(await invoicePdf(text, Object.fromEntries(["number", "seller", "buyer", "period", "issuedOn", "dueOn", "state", "description", "quantity", "unitPrice", "amount", "computation", "total"].map((k) => [k, k])) as never, "fr-CA"));
    expect(pdf).toContain("SAGIR-2026-04-MFQ");
    expect(pdf).toContain("19\u00a0500,00\u00a0$");
    expect(pdf).toContain(invoice.organization.name);
  });

  it("the month's run by a manager is audited and issues nothing twice", async () => {
    const before = await db.invoice.count();
    const run = await runMonth("2027-03");
    expect(run).toMatchObject({ issued: 0, already: 2 });
    expect(await db.invoice.count()).toBe(before);
    expect(await db.auditEntry.count({ where: { action: "billing_invoices_issued" } })).toBeGreaterThan(12);
    expect(await codeOf(async () => runMonthlyInvoices({ user: await user(PILOT), now: at("2027-03") }))).toBe("NOT_FOUND");
  });
});

