import "server-only";
// A person as the rest of the server sees them, from their user row — without next-auth, so that
// scripts (the demo requests of `npm run dev`) can act as a demo person.
import type { SessionUserRow } from "@/server/repositories/user-repository";

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
