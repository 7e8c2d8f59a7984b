import "server-only";
// The admin's accounts: the centres' agents and managers (with the centres they work in), the
// admins, and each MO's pilot (who then invites their MO's people at /pilote/utilisateurs). An
// invitation is an account without password and a single-use link (7 days, stored hashed), sent
// by e-mail through the outbox and shown once to the admin. Every act is audited with what
// changed; an admin cannot disable their own account (someone must remain to administer).
import { CENTRE_ROLES, type StaffRole, type TStaffInviteInput, type TStaffUpdateInput } from "@/schemas/admin";
import { requireAdmin } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import { endUserSessions } from "@/server/repositories/session-repository";
import {
  findStaffAccount,
  listOrganizationChoices,
  listStaffAccounts,
  setUserDisabled,
  setUserServices,
  type StaffRow,
} from "@/server/repositories/user-repository";
import { createInvitation, queueInvitation, renewInvitationLink, type Invitation, type InvitationMailOptions } from "@/server/services/manage-members";

export type StaffAccount = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  organization: string | null;
  active: boolean;
  invited: boolean;
  services: string[];
  /** The centres the admin may give: both, to an agent or a manager; none to the others. */
  offered: string[];
  isSelf: boolean;
};

const CENTRES = ["ca-dotation", "sagir"];
const worksInCentres = (role: string) => (CENTRE_ROLES as readonly string[]).includes(role);

function accountOf(row: StaffRow, admin: CurrentUser): StaffAccount {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as StaffRole,
    organization: row.organization?.name ?? null,
    active: row.disabledAt === null,
    invited: row.invited,
    services: row.services.map((s) => s.serviceId),
    offered: worksInCentres(row.role) ? CENTRES : [],
    isSelf: row.id === admin.id,
  };
}

/** Every staff account and pilot, and the organizations a pilot may be named for. */
export async function listStaff({ user }: { user: CurrentUser | null }): Promise<{ accounts: StaffAccount[]; organizations: { id: string; name: string }[] }> {
  const admin = requireAdmin(user);
  const [rows, organizations] = await Promise.all([listStaffAccounts(getDb()), listOrganizationChoices(getDb())]);
  return { accounts: rows.map((r) => accountOf(r, admin)), organizations: organizations.map(({ id, name }) => ({ id, name })) };
}

/** The admin invites a person: an agent or manager with their centres, an admin, or an MO's pilot. */
export async function inviteStaff({ user, input, now, mail }: { user: CurrentUser | null; input: TStaffInviteInput; now: Date; mail: InvitationMailOptions }): Promise<Invitation> {
  const admin = requireAdmin(user);
  let organizationId: string | null = null;
  if (input.role === "mo_pilot") {
    const organization = (await listOrganizationChoices(getDb())).find((o) => o.id === input.organizationId);
    if (!organization) throw new AppError("INVALID_PARAMETER", "no such organization", { organizationId: { fr: "Choisissez l'organisation de ce pilote.", en: "Choose this pilot's organization." } });
    organizationId = organization.id;
  }
  const services = worksInCentres(input.role) ? input.services : [];
  const invitation = await createInvitation({ email: input.email, name: input.name, role: input.role, organizationId, services, invitedById: admin.id }, now);
  await appendAudit(getDb(), { at: now, actorUserId: admin.id, action: "staff_invited", data: { userId: invitation.userId, role: input.role, services, organizationId } });
  await queueInvitation({ name: admin.name, organization: null }, invitation, input.name, now, mail, false);
  return invitation;
}

/** One account's access: active or not, and (agents, managers) the centres they work in. */
export async function updateStaff({ user, input, now }: { user: CurrentUser | null; input: TStaffUpdateInput; now: Date }): Promise<void> {
  const admin = requireAdmin(user);
  const account = await findStaffAccount(getDb(), input.userId);
  if (!account) throw new AppError("NOT_FOUND", "no such account");
  if (account.id === admin.id && !input.active) {
    throw new AppError("REFUSED", "admin cannot disable themselves", {}, {
      localized: { fr: "Vous ne pouvez pas désactiver votre propre compte.", en: "You cannot disable your own account." },
    });
  }
  if (!worksInCentres(account.role) && input.services.length > 0) {
    throw new AppError("INVALID_PARAMETER", "role has no centre", { services: { fr: "Ce rôle ne travaille pas dans un centre.", en: "This role does not work in a centre." } });
  }
  if (worksInCentres(account.role) && input.services.length === 0) {
    throw new AppError("INVALID_PARAMETER", "staff without centre", { services: { fr: "Cochez au moins un centre où cette personne travaille.", en: "Tick at least one centre this person works in." } });
  }
  const before = { active: account.disabledAt === null, services: account.services.map((s) => s.serviceId).sort() };
  const after = { active: input.active, services: [...input.services].sort() };
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (worksInCentres(account.role)) await setUserServices(getDb(), account.id, input.services);
  if (before.active !== input.active) await setUserDisabled(getDb(), account.id, input.active ? null : now);
  // Disabled: every session of theirs ends now, on the server (a copied cookie included).
  if (before.active && !input.active) await endUserSessions(getDb(), account.id, "disabled", now);
  await appendAudit(getDb(), { at: now, actorUserId: admin.id, action: "staff_updated", data: { userId: account.id, before, after } });
}

/** A new link for an account whose person has not chosen a password yet (the old link stops working). */
export async function renewStaffInvitation({ user, userId, now, mail }: { user: CurrentUser | null; userId: string; now: Date; mail: InvitationMailOptions }): Promise<Invitation> {
  const admin = requireAdmin(user);
  const account = await findStaffAccount(getDb(), userId);
  if (!account) throw new AppError("NOT_FOUND", "no such account");
  const invitation = await renewInvitationLink(account.id, now);
  await appendAudit(getDb(), { at: now, actorUserId: admin.id, action: "staff_invitation_renewed", data: { userId: account.id } });
  await queueInvitation({ name: admin.name, organization: null }, invitation, account.name, now, mail, true);
  return invitation;
}
