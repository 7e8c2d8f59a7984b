import "server-only";
// The MO pilot manages the people of their MO: who is active, and which centres each may use
// (only centres the MO subscribes to). A pilot cannot lock themselves out.
import type { TUpdateMemberInput } from "@/schemas/pilot";
import { requireUser } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import {
  findOrganizationMember,
  listOrganizationMembers,
  setUserDisabled,
  setUserServices,
} from "@/server/repositories/user-repository";

function requirePilot(user: CurrentUser | null): CurrentUser & { organization: NonNullable<CurrentUser["organization"]> } {
  const signedIn = requireUser(user);
  if (signedIn.role !== "mo_pilot" || !signedIn.organization) throw new AppError("FORBIDDEN", "not an MO pilot");
  return signedIn as CurrentUser & { organization: NonNullable<CurrentUser["organization"]> };
}

export type MemberDto = { id: string; name: string; email: string; role: string; active: boolean; services: string[]; isSelf: boolean };

export async function listMembers({ user }: { user: CurrentUser | null }): Promise<{ organization: string; offered: string[]; members: MemberDto[] }> {
  const pilot = requirePilot(user);
  const rows = await listOrganizationMembers(getDb(), pilot.organization.id);
  return {
    organization: pilot.organization.name,
    offered: pilot.organization.services,
    members: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: r.role,
      active: r.disabledAt === null,
      services: r.services.map((s) => s.serviceId),
      isSelf: r.id === pilot.id,
    })),
  };
}

export type UpdateMemberOptions = { user: CurrentUser | null; input: TUpdateMemberInput; now: Date };

export async function updateMember({ user, input, now }: UpdateMemberOptions): Promise<void> {
  const pilot = requirePilot(user);
  // Another MO's user is "not found": ids of other MOs cannot be probed.
  const member = await findOrganizationMember(getDb(), pilot.organization.id, input.userId);
  if (!member) throw new AppError("NOT_FOUND", "no such member");
  if (member.id === pilot.id && !input.active) {
    throw new AppError("REFUSED", "pilot cannot disable themselves", {}, {
      localized: { fr: "Vous ne pouvez pas désactiver votre propre compte.", en: "You cannot disable your own account." },
    });
  }
  const offered = new Set(pilot.organization.services);
  const refused = input.services.filter((s) => !offered.has(s));
  if (refused.length) {
    throw new AppError("INVALID_PARAMETER", "service not subscribed", {
      services: {
        fr: "Votre organisation n'est pas abonnée à ce centre.",
        en: "Your organization does not subscribe to this centre.",
      },
    });
  }
  await setUserServices(getDb(), member.id, input.services);
  const isActive = member.disabledAt === null;
  if (isActive !== input.active) await setUserDisabled(getDb(), member.id, input.active ? null : now);
}
