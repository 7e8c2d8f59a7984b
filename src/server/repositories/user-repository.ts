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
