import "server-only";
// People who sign in. Password hashes never leave this file except to the password check.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  organization: { select: { id: true, code: true, name: true, emergencyPhone: true, services: { select: { serviceId: true } } } },
  services: { select: { serviceId: true } },
} satisfies Prisma.UserSelect;

export type SessionUserRow = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

export async function findUserForSignIn(db: Db, email: string): Promise<(SessionUserRow & { passwordHash: string | null }) | null> {
  return db.user.findUnique({ where: { email }, select: { ...sessionUserSelect, passwordHash: true } });
}

export async function findSessionUser(db: Db, id: string): Promise<SessionUserRow | null> {
  return db.user.findUnique({ where: { id }, select: sessionUserSelect });
}

const memberSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  services: { select: { serviceId: true } },
} satisfies Prisma.UserSelect;

export type MemberRow = Prisma.UserGetPayload<{ select: typeof memberSelect }>;

/** The people of one organization, by name. */
export async function listOrganizationMembers(db: Db, organizationId: string): Promise<MemberRow[]> {
  return db.user.findMany({ where: { organizationId }, orderBy: [{ name: "asc" }, { email: "asc" }], select: memberSelect });
}

export async function findOrganizationMember(db: Db, organizationId: string, userId: string): Promise<MemberRow | null> {
  return db.user.findFirst({ where: { id: userId, organizationId }, select: memberSelect });
}

export async function setUserDisabled(db: Db, userId: string, disabledAt: Date | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { disabledAt }, select: { id: true } });
}

/** Replaces the centres a person may use. */
export async function setUserServices(db: Db, userId: string, serviceIds: readonly string[]): Promise<void> {
  await db.$transaction([
    db.userService.deleteMany({ where: { userId, serviceId: { notIn: [...serviceIds] } } }),
    db.userService.createMany({ data: serviceIds.map((serviceId) => ({ userId, serviceId })), skipDuplicates: true }),
  ]);
}
