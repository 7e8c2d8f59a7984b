import "server-only";
// Demo organizations and accounts, one per role, for `npm run dev` and the end-to-end tests.
// Seeded only on the embedded database or when GUICHET_DEMO_DATA=1 — never by default on an
// external DATABASE_URL, since their passwords are public (README).
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";

export const DEMO_PASSWORD = "Guichet-demo-2026";

export const DEMO_ORGANIZATIONS = [
  { code: "MFQ", name: "Ministère des Finances (démo)", emergencyPhone: "418 555-0101", services: ["ca-dotation", "sagir"], emailDomains: ["mfq.exemple.qc.ca"], sagirOn: "2024-04-01" },
  { code: "MCC", name: "Ministère de la Culture et des Communications (démo)", emergencyPhone: "418 555-0202", services: ["ca-dotation"], emailDomains: ["mcc.exemple.qc.ca"], sagirOn: null },
] as const;

type DemoRole = "mo_specialist" | "sagir_user" | "mo_pilot" | "agent" | "manager" | "admin";

export const DEMO_USERS: readonly { email: string; name: string; role: DemoRole; organization: string | null; services: readonly string[] }[] = [
  { email: "specialiste@mfq.exemple.qc.ca", name: "Sophie Gagnon", role: "mo_specialist", organization: "MFQ", services: ["ca-dotation"] },
  { email: "specialiste@mcc.exemple.qc.ca", name: "Marc Bouchard", role: "mo_specialist", organization: "MCC", services: ["ca-dotation"] },
  { email: "sagir@mfq.exemple.qc.ca", name: "Julie Pelletier", role: "sagir_user", organization: "MFQ", services: ["sagir"] },
  { email: "sagir@mcc.exemple.qc.ca", name: "Luc Fortin", role: "sagir_user", organization: "MCC", services: ["sagir"] },
  { email: "pilote@mfq.exemple.qc.ca", name: "Nathalie Roy", role: "mo_pilot", organization: "MFQ", services: ["ca-dotation", "sagir"] },
  { email: "agent.dotation@cspq.exemple.qc.ca", name: "Karine Lavoie", role: "agent", organization: null, services: ["ca-dotation"] },
  { email: "agent.sagir@cspq.exemple.qc.ca", name: "Éric Morin", role: "agent", organization: null, services: ["sagir"] },
  { email: "gestionnaire@cspq.exemple.qc.ca", name: "Isabelle Côté", role: "manager", organization: null, services: ["ca-dotation", "sagir"] },
  { email: "admin@cspq.exemple.qc.ca", name: "Alexandre Bélanger", role: "admin", organization: null, services: ["ca-dotation", "sagir"] },
];

/** Creates the demo organizations and accounts that are missing; leaves existing ones alone. */
export async function seedDemoData(db: Db): Promise<{ usersCreated: number }> {
  await db.organization.createMany({
    data: DEMO_ORGANIZATIONS.map(({ code, name, emergencyPhone, emailDomains, sagirOn }) => {
      const sagir = sagirOn ? new Date(`${sagirOn}T00:00:00Z`) : null;
      return { code, name, emergencyPhone, emailDomains: [...emailDomains], sagirImplementedOn: sagir, sagirAdheredOn: sagir };
    }),
    skipDuplicates: true,
  });
  const organizations = await db.organization.findMany({
    where: { code: { in: DEMO_ORGANIZATIONS.map((o) => o.code) } },
    select: { id: true, code: true },
  });
  const idOf = new Map(organizations.map((o) => [o.code, o.id]));
  await db.organizationService.createMany({
    data: DEMO_ORGANIZATIONS.flatMap((o) => o.services.map((serviceId) => ({ organizationId: idOf.get(o.code)!, serviceId }))),
    skipDuplicates: true,
  });
  const existing = new Set(
    (await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (missing.length === 0) return { usersCreated: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    await tx.user.createMany({
      data: missing.map((u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
        organizationId: u.organization ? idOf.get(u.organization)! : null,
      })),
    });
    const created = await tx.user.findMany({ where: { email: { in: missing.map((u) => u.email) } }, select: { id: true, email: true } });
    await tx.userService.createMany({
      data: created.flatMap((c) => missing.find((u) => u.email === c.email)!.services.map((serviceId) => ({ userId: c.id, serviceId }))),
    });
  });
  return { usersCreated: missing.length };
}
