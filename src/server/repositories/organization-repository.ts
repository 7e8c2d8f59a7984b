import "server-only";
// The ministries and organizations (MO) as the admin keeps them: their services, SAGIR's
// prerequisites, emergency number, e-mail domains and « responsables sectoriels ».
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

const organizationSelect = {
  id: true,
  code: true,
  name: true,
  emergencyPhone: true,
  emailDomains: true,
  sagirImplementedOn: true,
  sagirAdheredOn: true,
  updatedAt: true,
  services: { select: { serviceId: true }, orderBy: { serviceId: "asc" } },
  contacts: { select: { name: true, email: true, phone: true }, orderBy: { position: "asc" } },
  _count: { select: { users: true } },
} satisfies Prisma.OrganizationSelect;

export type OrganizationRow = Prisma.OrganizationGetPayload<{ select: typeof organizationSelect }>;

export async function listOrganizationsForAdmin(db: Db): Promise<OrganizationRow[]> {
  return db.organization.findMany({ orderBy: { name: "asc" }, select: organizationSelect });
}

export async function findOrganizationForAdmin(db: Db, id: string): Promise<OrganizationRow | null> {
  return db.organization.findUnique({ where: { id }, select: organizationSelect });
}

export async function isOrganizationCodeTaken(db: Db, code: string, exceptId: string | null): Promise<boolean> {
  return (await db.organization.count({ where: { code, ...(exceptId ? { NOT: { id: exceptId } } : {}) } })) > 0;
}

export type OrganizationFacts = {
  code: string;
  name: string;
  emergencyPhone: string | null;
  emailDomains: string[];
  sagirImplementedOn: Date | null;
  sagirAdheredOn: Date | null;
  services: readonly string[];
  contacts: readonly { name: string; email: string; phone: string | null }[];
};

/** Creates (id null) or replaces an MO's facts, its services and contacts, in one transaction. */
export async function writeOrganization(db: Db, id: string | null, facts: OrganizationFacts, now: Date): Promise<string> {
  const { services, contacts, ...columns } = facts;
  return db.$transaction(async (tx) => {
    const organizationId = id
      ? (await tx.organization.update({ where: { id }, data: { ...columns, updatedAt: now }, select: { id: true } })).id
      : (await tx.organization.create({ data: { ...columns, createdAt: now, updatedAt: now }, select: { id: true } })).id;
    await tx.organizationService.deleteMany({ where: { organizationId, serviceId: { notIn: [...services] } } });
    await tx.organizationService.createMany({ data: services.map((serviceId) => ({ organizationId, serviceId, since: now })), skipDuplicates: true });
    await tx.organizationContact.deleteMany({ where: { organizationId } });
    await tx.organizationContact.createMany({ data: contacts.map((c, position) => ({ organizationId, position, ...c })) });
    return organizationId;
  });
}

/** The e-mail domains recorded for an MO (none: any address). */
export async function organizationDomains(db: Db, id: string): Promise<string[]> {
  return (await db.organization.findUnique({ where: { id }, select: { emailDomains: true } }))?.emailDomains ?? [];
}
