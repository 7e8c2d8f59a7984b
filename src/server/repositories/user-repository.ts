import "server-only";
// People who sign in. Password hashes never leave this file except to the password check.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

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

/** An account by its address (stored lower-case), as a session would see it. */
export async function findAccountByEmail(db: Db | Tx, email: string): Promise<SessionUserRow | null> {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: sessionUserSelect });
}

export async function findSessionUser(db: Db, id: string): Promise<SessionUserRow | null> {
  return db.user.findUnique({ where: { id }, select: sessionUserSelect });
}

/** The person of a session, while the session is not ended on the server (one query). */
export async function findSignedInUser(db: Db, id: string, sessionId: string): Promise<SessionUserRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  return db.user.findFirst({ where: { id, sessions: { some: { id: sessionId, endedAt: null } } }, select: sessionUserSelect });
}

const memberSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  passwordHash: true,
  services: { select: { serviceId: true } },
} satisfies Prisma.UserSelect;

/** A member of an MO; `invited` while they have not set a password (the hash itself stays here). */
export type MemberRow = Omit<Prisma.UserGetPayload<{ select: typeof memberSelect }>, "passwordHash"> & { invited: boolean };

function toMember({ passwordHash, ...row }: Prisma.UserGetPayload<{ select: typeof memberSelect }>): MemberRow {
  return { ...row, invited: passwordHash === null };
}

/** The people of one organization, by name. */
export async function listOrganizationMembers(db: Db, organizationId: string): Promise<MemberRow[]> {
  const rows = await db.user.findMany({ where: { organizationId }, orderBy: [{ name: "asc" }, { email: "asc" }], select: memberSelect });
  return rows.map(toMember);
}

export async function findOrganizationMember(db: Db, organizationId: string, userId: string): Promise<MemberRow | null> {
  const row = await db.user.findFirst({ where: { id: userId, organizationId }, select: memberSelect });
  return row && toMember(row);
}

const staffSelect = { ...memberSelect, organization: { select: { id: true, name: true } } } satisfies Prisma.UserSelect;

/** An account the admin manages (staff of the centres, an MO's pilot), with its MO. */
export type StaffRow = MemberRow & { organization: { id: string; name: string } | null };

const STAFF_ROLE_VALUES = ["agent", "manager", "admin", "mo_pilot"] as const;

/** The centres' staff and the MOs' pilots, by role then name. */
export async function listStaffAccounts(db: Db): Promise<StaffRow[]> {
  const rows = await db.user.findMany({ where: { role: { in: [...STAFF_ROLE_VALUES] } }, orderBy: [{ role: "asc" }, { name: "asc" }, { email: "asc" }], select: staffSelect });
  return rows.map(({ organization, ...row }) => ({ ...toMember(row), organization }));
}

export async function findStaffAccount(db: Db, userId: string): Promise<StaffRow | null> {
  const row = await db.user.findFirst({ where: { id: userId, role: { in: [...STAFF_ROLE_VALUES] } }, select: staffSelect });
  if (!row) return null;
  const { organization, ...rest } = row;
  return { ...toMember(rest), organization };
}

/** The organizations, by name (the pilot's choice on the admin's form). */
export async function listOrganizationChoices(db: Db): Promise<{ id: string; name: string; services: string[] }[]> {
  const rows = await db.organization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, services: { select: { serviceId: true } } } });
  return rows.map((o) => ({ id: o.id, name: o.name, services: o.services.map((s) => s.serviceId) }));
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

export type NewInvitedUser = {
  email: string;
  name: string;
  role: "mo_specialist" | "sagir_user" | "agent" | "manager" | "admin" | "mo_pilot";
  /** The MO of its people and pilots; null for the centres' staff. */
  organizationId: string | null;
  services: readonly string[];
  invitationTokenHash: string;
  invitationExpiresAt: Date;
  invitedById: string;
};

/** Creates an invited person without a password; null if the e-mail already has an account. */
export async function createInvitedUser(db: Db, data: NewInvitedUser): Promise<{ id: string } | null> {
  const { services, ...user } = data;
  const created = await db.user.createManyAndReturn({ data: [user], skipDuplicates: true, select: { id: true } });
  const row = created[0];
  if (!row) return null;
  await db.userService.createMany({ data: services.map((serviceId) => ({ userId: row.id, serviceId })) });
  return row;
}

/** A new invitation link for a member who has not set their password yet; false otherwise. */
export async function renewInvitation(db: Db, userId: string, tokenHash: string, expiresAt: Date): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, passwordHash: null },
    data: { invitationTokenHash: tokenHash, invitationExpiresAt: expiresAt },
  });
  return count === 1;
}

/**
 * Sets the password of the person a valid invitation names and consumes the invitation, in one
 * statement (a link works once). Null if the link is unknown, used, expired or the account disabled.
 */
export async function acceptInvitation(db: Db, tokenHash: string, passwordHash: string, now: Date): Promise<{ email: string } | null> {
  const rows = await db.user.updateManyAndReturn({
    where: { invitationTokenHash: tokenHash, invitationExpiresAt: { gt: now }, passwordHash: null, disabledAt: null },
    data: { passwordHash, invitationTokenHash: null, invitationExpiresAt: null },
    select: { email: true },
  });
  return rows[0] ?? null;
}

/** The invited person's name and e-mail, if the link is still valid. */
export async function findInvitation(db: Db, tokenHash: string, now: Date): Promise<{ name: string; email: string } | null> {
  return db.user.findFirst({
    where: { invitationTokenHash: tokenHash, invitationExpiresAt: { gt: now }, passwordHash: null, disabledAt: null },
    select: { name: true, email: true },
  });
}

/** The active agents working in a service (for assignment), by name. */
export async function listServiceAgents(db: Db | Tx, serviceId: string): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({
    where: { role: "agent", disabledAt: null, services: { some: { serviceId } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** An active account with a password, by e-mail (any case): who may ask for a « mot de passe oublié » link. */
export async function findResettableUser(db: Db, email: string): Promise<{ id: string; name: string } | null> {
  return db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" }, disabledAt: null, passwordHash: { not: null } }, select: { id: true, name: true } });
}

/** The pending link of an account: a new one replaces any earlier one. */
export async function setPasswordResetToken(db: Db | Tx, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordResetTokenHash: tokenHash, passwordResetExpiresAt: expiresAt }, select: { id: true } });
}

/** The account behind a valid link, or null. */
export async function findPasswordReset(db: Db, tokenHash: string, now: Date): Promise<{ email: string } | null> {
  return db.user.findFirst({ where: { passwordResetTokenHash: tokenHash, passwordResetExpiresAt: { gt: now }, disabledAt: null }, select: { email: true } });
}

/** Sets the new password and spends the link, in one statement: a link works once. */
export async function spendPasswordReset(db: Db | Tx, tokenHash: string, passwordHash: string, now: Date): Promise<{ id: string; email: string } | null> {
  const rows = await db.user.updateManyAndReturn({
    where: { passwordResetTokenHash: tokenHash, passwordResetExpiresAt: { gt: now }, disabledAt: null },
    data: { passwordHash, passwordResetTokenHash: null, passwordResetExpiresAt: null },
    select: { id: true, email: true },
  });
  return rows[0] ?? null;
}
