// SAGIR's monthly invoices with a fixed clock (issue 17, started): exactly one invoice per MO and
// month with two workers at once and on a second run; a year sums to estimate × rate; a mid-year
// agreement pays its months only; a changed estimate is absorbed by the months that follow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalMonths, invoiceState, type Month } from "../../src/domain/billing/billing";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { issueMonthlyInvoices } from "../../src/server/services/billing";
import { connectTestDb, truncateAll } from "../support/db";

const db = connectTestDb();
const MAIL = { baseUrl: "https://guichet.exemple.qc.ca" };
/** The first working morning of a month, in Québec (the job's run). */
const runAt = (month: Month) => new Date(`${month}-01T11:00:00Z`);
const orgId = async (code: string) => (await db.organization.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
const sum = async (organizationId: string) => (await db.invoice.aggregate({ where: { organizationId, kind: "monthly" }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-04-01T12:00:00Z"));
  await seedDemoData(db);
  // The seed's rate: 195 $ from the fiscal year of the first start (April 2026 here).
  expect(await db.tariffRate.findMany({ select: { serviceId: true, from: true, centsPerEmployee: true } })).toEqual([{ serviceId: "sagir", from: new Date("2026-04-01T00:00:00Z"), centsPerEmployee: 19_500 }]);
  const [mfq, mcc] = [await orgId("MFQ"), await orgId("MCC")];
  await db.billingAgreement.createMany({
    data: [
      { organizationId: mfq, firstMonth: "2026-04", createdAt: new Date() },
      { organizationId: mcc, firstMonth: "2026-10", createdAt: new Date() },
    ],
  });
  await db.billingEstimate.createMany({ data: [{ organizationId: mfq, fiscalYear: 2026, employees: 1234 }, { organizationId: mcc, fiscalYear: 2026, employees: 77 }] });
});
afterAll(() => db.$disconnect());

describe("monthly invoices", () => {
  it("a year of runs, each by two workers at once and then again: one invoice per MO and month, summing to estimate × rate (prorated for the mid-year agreement)", async () => {
    for (const month of fiscalMonths(2026)) {
      const runs = await Promise.all([issueMonthlyInvoices(db, month, runAt(month), MAIL), issueMonthlyInvoices(db, month, runAt(month), MAIL)]);
      expect(runs.reduce((n, r) => n + r.issued, 0)).toBe(month >= "2026-10" ? 2 : 1);
      expect((await issueMonthlyInvoices(db, month, runAt(month), MAIL)).issued).toBe(0);
    }
    const [mfq, mcc] = [await orgId("MFQ"), await orgId("MCC")];
    expect(await db.invoice.count({ where: { organizationId: mfq } })).toBe(12);
    expect(await db.invoice.count({ where: { organizationId: mcc } })).toBe(6);
    expect(await sum(mfq)).toBe(1234 * 19_500);
    // 77 × 195 $ × 6 ÷ 12 = 7 507,50 $.
    expect(await sum(mcc)).toBe(750_750);
    const april = await db.invoice.findFirstOrThrow({ where: { organizationId: mfq, month: "2026-04" } });
    expect(april).toMatchObject({ number: "SAGIR-2026-04-MFQ", amountCents: 2_005_250, centsPerEmployee: 19_500, employees: 1234 });
    expect(april.issuedOn.toISOString().slice(0, 10)).toBe("2026-04-01");
    expect(april.dueOn.toISOString().slice(0, 10)).toBe("2026-05-01");
    expect(invoiceState({ dueOn: "2026-05-01", paidOn: null }, "2026-05-02")).toBe("overdue");
    // Each invoice went once to MFQ's pilot by e-mail, two workers or not (MCC has no pilot: none).
    const mails = await db.emailOutbox.findMany({ where: { kind: "invoice" }, orderBy: { id: "asc" }, select: { subject: true, body: true, user: { select: { email: true } } } });
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((m) => m.user!.email))).toEqual(new Set(["pilote@mfq.exemple.qc.ca"]));
    expect(mails[0]!.subject).toBe("Facture SAGIR-2026-04-MFQ");
    expect(mails[0]!.body).toContain("pour avril 2026");
    expect(mails[0]!.body.replace(/\s/g, " ")).toContain("Montant : 20 052,50 $");
    expect(mails[0]!.body).toContain(`https://guichet.exemple.qc.ca/factures/${april.id}`);
  });

  it("an MO without an estimate for the year is named, not billed", async () => {
    const mcc = await orgId("MCC");
    await db.billingEstimate.delete({ where: { organizationId_fiscalYear: { organizationId: mcc, fiscalYear: 2026 } } });
    await db.invoice.deleteMany({ where: { organizationId: mcc, month: "2027-03" } });
    const run = await issueMonthlyInvoices(db, "2027-03" as Month, runAt("2027-03" as Month));
    expect(run).toMatchObject({ issued: 0, withoutEstimate: ["MCC"] });
  });

  it("a raised estimate is absorbed by the months that follow: the year still sums to the new estimate × rate", async () => {
    const mfq = await orgId("MFQ");
    await db.invoice.deleteMany({ where: { organizationId: mfq, month: { gte: "2026-10" } } });
    await db.billingEstimate.update({ where: { organizationId_fiscalYear: { organizationId: mfq, fiscalYear: 2026 } }, data: { employees: 1300 } });
    for (const month of fiscalMonths(2026).slice(6)) await issueMonthlyInvoices(db, month, runAt(month));
    expect(await sum(mfq)).toBe(1300 * 19_500);
  });
});

describe("the job on pg-boss", () => {
  it("the monthly job issues the month's invoices by itself (the month of its clock, Québec time)", async () => {
    const { startNotificationWorker, BILLING_QUEUE } = await import("../../src/server/jobs/notification-worker");
    const mfq = await orgId("MFQ");
    await db.invoice.deleteMany({ where: { organizationId: mfq, month: "2026-05" } });
    const worker = await startNotificationWorker({
      connectionString: process.env.DATABASE_URL!,
      db,
      transport: { send: async () => "<x@test>" },
      baseUrl: "https://guichet.exemple.qc.ca",
      // 1 May 2026, 0:30 in Québec (4:30 UTC): May's invoices, not April's.
      clock: () => new Date("2026-05-01T04:30:00Z"),
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    try {
      const id = await worker.boss.send(BILLING_QUEUE, {});
      const end = Date.now() + 60_000;
      while ((await worker.boss.getJobById(BILLING_QUEUE, id!))?.state !== "completed") {
        if (Date.now() > end) throw new Error("the billing job did not complete");
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await worker.stop();
    }
    expect(await db.invoice.findFirstOrThrow({ where: { organizationId: mfq, month: "2026-05" } })).toMatchObject({ number: "SAGIR-2026-05-MFQ" });
    // The managers' log says the job (no one) issued it.
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "billing_invoices_issued" } })).toMatchObject({ actorUserId: null, data: { month: "2026-05", issued: 1 } });
  }, 60_000);
});
