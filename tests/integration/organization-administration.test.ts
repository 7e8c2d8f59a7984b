// The admin's MOs (/admin/organisations): created and edited with the form's schema; SAGIR only
// with both prerequisites dated; the acronym unique; every save audited before/after; others refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canUseCentre } from "../../src/server/auth/authorize";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { ZOrganizationInput } from "../../src/schemas/admin";
import { listOrganizations, readOrganization, saveOrganization } from "../../src/server/services/administer-organizations";
import { parseInput } from "../../src/server/validate";
import { connectTestDb, truncateAll } from "../support/db";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-11-24T15:00:00Z");
const admin = () => currentUserFor(db, "admin@cspq.exemple.qc.ca");
const form = (values: Record<string, unknown>) =>
  parseInput(ZOrganizationInput, { name: "Ministère de l'Emploi (essai)", code: "mes", emailDomains: "", services: [], sagirImplementedOn: "", sagirAdheredOn: "", emergencyPhone: "", contacts: [], ...values });

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("organization administration", () => {
  it("lists the MOs with their centres, SAGIR's prerequisites' dates, emergency number, domains and people", async () => {
    const organizations = await listOrganizations({ user: await admin() });
    const mfq = organizations.find((o) => o.code === "MFQ")!;
    expect(mfq).toMatchObject({ services: ["ca-dotation", "sagir"], sagirAdheredOn: "2024-04-01", sagirImplementedOn: "2024-04-01", emergencyPhone: "418 555-0101", emailDomains: ["mfq.exemple.qc.ca"] });
    expect(mfq.people).toBeGreaterThan(0);
  });

  it("refuses SAGIR without its two prerequisites' dates, at their fields; a bad domain and acronym too", () => {
    expect(() => form({ services: ["sagir"], sagirImplementedOn: "2026-01-05" })).toThrow(
      expect.objectContaining({ fields: { sagirAdheredOn: expect.objectContaining({ fr: expect.stringContaining("adhéré à ses services") }) } }),
    );
    expect(() => form({ code: "m", emailDomains: "emploi..gouv" })).toThrow(expect.objectContaining({ fields: expect.objectContaining({ code: expect.anything(), emailDomains: expect.anything() }) }));
    expect(() => form({ contacts: [{ name: "", email: "x", phone: "" }] })).toThrow(expect.objectContaining({ fields: expect.objectContaining({ "contacts.0.name": expect.anything(), "contacts.0.email": expect.anything() }) }));
  });

  it("creates an MO adhered to SAGIR with its emergency number and contacts; its people may then use SAGIR", async () => {
    const id = await saveOrganization({
      user: await admin(),
      id: null,
      input: form({
        emailDomains: "@Emploi.gouv.qc.ca\nemploi.gouv.qc.ca, mes.gouv.qc.ca",
        services: ["ca-dotation", "sagir"],
        sagirImplementedOn: "2026-01-05",
        sagirAdheredOn: "2026-02-01",
        emergencyPhone: "418 555-0303",
        contacts: [{ name: "Lise Côté", email: "Lise.Cote@cspq.exemple.qc.ca", phone: "418 555-0404" }],
      }),
      now,
    });
    const saved = await readOrganization({ user: await admin(), id });
    expect(saved).toMatchObject({
      code: "MES",
      emailDomains: ["emploi.gouv.qc.ca", "mes.gouv.qc.ca"],
      services: ["ca-dotation", "sagir"],
      sagirImplementedOn: "2026-01-05",
      sagirAdheredOn: "2026-02-01",
      emergencyPhone: "418 555-0303",
      contacts: [{ name: "Lise Côté", email: "lise.cote@cspq.exemple.qc.ca", phone: "418 555-0404" }],
    });
    const user = await db.user.create({ data: { email: "sagir@mes.gouv.qc.ca", name: "Usager MES", role: "sagir_user", organizationId: id, services: { create: [{ serviceId: "sagir" }] } } });
    expect(canUseCentre(await currentUserFor(db, user.email), "sagir")).toBe(true);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "organization_saved" } });
    expect(entry.data).toMatchObject({ organizationId: id, name: "Ministère de l'Emploi (essai)", before: null, after: { code: "MES", services: ["ca-dotation", "sagir"] } });
  });

  it("edits an MO: SAGIR withdrawn closes it to its people; audited before and after; the acronym stays unique", async () => {
    const mes = (await listOrganizations({ user: await admin() })).find((o) => o.code === "MES")!;
    await saveOrganization({ user: await admin(), id: mes.id, input: form({ services: ["ca-dotation"], emergencyPhone: "418 555-0303" }), now });
    expect(canUseCentre(await currentUserFor(db, "sagir@mes.gouv.qc.ca"), "sagir")).toBe(false);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "organization_saved" }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(entry.data).toMatchObject({ before: { services: ["ca-dotation", "sagir"], contacts: [{ name: "Lise Côté" }] }, after: { services: ["ca-dotation"], contacts: [] } });
    await expect(saveOrganization({ user: await admin(), id: mes.id, input: form({ code: "MFQ" }), now })).rejects.toMatchObject({
      code: "INVALID_PARAMETER",
      fields: { code: { fr: "Ce sigle est déjà celui d'une autre organisation." } },
    });
    expect((await readOrganization({ user: await admin(), id: mes.id })).code).toBe("MES");
  });

  it("is the admin's only", async () => {
    for (const email of ["gestionnaire@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca"]) {
      const user = await currentUserFor(db, email);
      await expect(listOrganizations({ user })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(saveOrganization({ user, id: null, input: form({ code: "XYZ" }), now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(readOrganization({ user: await admin(), id: "pas-un-id" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
