import "server-only";
// Who is signed in, re-read from the database on each request: a user disabled by their pilot is
// signed out at once, not when their session expires.
import { getServerSession } from "next-auth";
import { getDb } from "@/server/db/client";
import { findSessionUser, type SessionUserRow } from "@/server/repositories/user-repository";
import { authOptions } from "@/server/auth/options";

export type UserRole = "mo_specialist" | "sagir_user" | "mo_pilot" | "agent" | "manager" | "admin";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Services the person may use (MO users) or works in (staff). */
  services: string[];
  organization: { id: string; code: string; name: string; emergencyPhone: string | null; services: string[] } | null;
};

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const row = await findSessionUser(getDb(), id);
  return row ? toCurrentUser(row) : null;
}

/** A user row as the rest of the server sees it; a disabled account is nobody. */
export function toCurrentUser(row: SessionUserRow): CurrentUser | null {
  if (row.disabledAt) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    services: row.services.map((s) => s.serviceId),
    organization: row.organization
      ? {
          id: row.organization.id,
          code: row.organization.code,
          name: row.organization.name,
          emergencyPhone: row.organization.emergencyPhone,
          services: row.organization.services.map((s) => s.serviceId),
        }
      : null,
  };
}
