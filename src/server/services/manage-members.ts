import "server-only";
// The MO pilot manages the people of their MO: who is active, and which centres each may use
// (only centres the MO subscribes to and the person's role works with). A pilot cannot lock
// themselves out.
import { centresForRole } from "@/domain/requests/mo-request";
import type { TInviteMemberInput, TSetPasswordInput, TUpdateMemberInput } from "@/schemas/pilot";
import { hashPassword } from "@/server/auth/password";
import { endUserSessions } from "@/server/repositories/session-repository";
import { appendAudit } from "@/server/repositories/audit-repository";
import { queueAccountEmail } from "@/server/repositories/mail-repository";
import { organizationDomains } from "@/server/repositories/organization-repository";
import { hashSecretToken, isWellFormedSecretToken, newSecretToken } from "@/server/secret-token";
import { requireUser } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { invitationMail } from "@/server/mail/templates";
import {
  acceptInvitation,
  createInvitedUser,
  findInvitation,
  renewInvitation,
  findOrganizationMember,
  listOrganizationMembers,
  setUserDisabled,
  setUserServices,
  type NewInvitedUser,
} from "@/server/repositories/user-repository";

function requirePilot(user: CurrentUser | null): CurrentUser & { organization: NonNullable<CurrentUser["organization"]> } {
  const signedIn = requireUser(user);
  if (signedIn.role !== "mo_pilot" || !signedIn.organization) throw new AppError("FORBIDDEN", "not an MO pilot");
  return signedIn as CurrentUser & { organization: NonNullable<CurrentUser["organization"]> };
}

export type MemberDto = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  /** Invited, has not yet set a password. */
  invited: boolean;
  services: string[];
  /** Centres the pilot may give this person: subscribed by the MO and open to their role. */
  offered: string[];
  isSelf: boolean;
};

function offeredTo(organizationServices: readonly string[], role: string): string[] {
  return centresForRole(role).filter((c) => organizationServices.includes(c));
}

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
      invited: r.invited,
      services: r.services.map((s) => s.serviceId),
      offered: offeredTo(pilot.organization.services, r.role),
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
  const offered = new Set(offeredTo(pilot.organization.services, member.role));
  const refused = input.services.filter((s) => !offered.has(s));
  if (refused.length) {
    const subscribed = refused.every((s) => pilot.organization.services.includes(s));
    throw new AppError("INVALID_PARAMETER", "centre not offered", {
      services: subscribed
        ? { fr: "Ce rôle ne donne pas accès à ce centre.", en: "This role does not give access to this centre." }
        : { fr: "Votre organisation n'est pas abonnée à ce centre.", en: "Your organization does not subscribe to this centre." },
    });
  }
  await setUserServices(getDb(), member.id, input.services);
  const isActive = member.disabledAt === null;
  if (isActive !== input.active) await setUserDisabled(getDb(), member.id, input.active ? null : now);
  // Disabled: every session of theirs ends now, on the server (a copied cookie included).
  if (isActive && !input.active) await endUserSessions(getDb(), member.id, "disabled", now);
  await appendAudit(getDb(), {
    at: now,
    actorUserId: pilot.id,
    action: "member_updated",
    data: { userId: member.id, active: input.active, services: input.services },
  });
}

/** How long an invitation link stays valid. */
export const INVITATION_VALIDITY_MS = 7 * 24 * 3_600_000;

export type Invitation = { userId: string; token: string; expiresAt: Date };

/** Where the invitation's link points and the language of its e-mail (the pilot's page's). */
export type InvitationMailOptions = { baseUrl: string; locale: "fr" | "en" };

/** Who invites: an MO's pilot (named with their MO), or an admin of Guichet. */
export type Inviter = { name: string; organization: string | null };

/**
 * The invitation by e-mail, through the outbox (the address is read from the account at sending).
 * Shared by the pilot's and the admin's pages.
 */
export async function queueInvitation(inviter: Inviter, invitation: Invitation, name: string, now: Date, mail: InvitationMailOptions, renewed: boolean): Promise<void> {
  const url = `${mail.baseUrl}${mail.locale === "en" ? "/en" : ""}/invitation/${invitation.token}`;
  const rendered = invitationMail(
    { name, organization: inviter.organization ?? "", pilot: inviter.name, url, expiresAt: invitation.expiresAt, renewed, byAdmin: inviter.organization === null },
    mail.locale,
  );
  await queueAccountEmail(getDb(), { userId: invitation.userId, kind: "invitation", locale: mail.locale, subject: rendered.subject, body: rendered.text, html: rendered.html, at: now });
}

/**
 * An account without password and its single-use link (valid 7 days, stored hashed); an address
 * that already has an account is refused at its field and nothing is created.
 */
export async function createInvitation(account: Omit<NewInvitedUser, "invitationTokenHash" | "invitationExpiresAt">, now: Date): Promise<Invitation> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + INVITATION_VALIDITY_MS);
  const created = await createInvitedUser(getDb(), { ...account, invitationTokenHash: hash, invitationExpiresAt: expiresAt });
  if (!created) {
    throw new AppError("INVALID_PARAMETER", "e-mail taken", {
      email: { fr: "Cette adresse est déjà associée à un compte Guichet.", en: "This address already belongs to a Guichet account." },
    });
  }
  return { userId: created.id, token, expiresAt };
}

function noCentreForRole(): AppError {
  return new AppError("INVALID_PARAMETER", "role has no subscribed centre", {
    role: {
      fr: "Votre organisation n'est pas abonnée au centre de ce rôle.",
      en: "Your organization does not subscribe to this role's centre.",
    },
  });
}

/**
 * The pilot invites a person of their MO: an account without password, given the centres of its
 * role that the MO subscribes to, and a link (valid 7 days, stored hashed) where the person
 * chooses their password. The pilot passes the link on.
 */
export async function inviteMember({ user, input, now, mail }: { user: CurrentUser | null; input: TInviteMemberInput; now: Date; mail: InvitationMailOptions }): Promise<Invitation> {
  const pilot = requirePilot(user);
  const services = offeredTo(pilot.organization.services, input.role);
  if (services.length === 0) throw noCentreForRole();
  // The MO's people have its addresses: when the admin recorded its domains, another is refused.
  const domains = await organizationDomains(getDb(), pilot.organization.id);
  const domain = input.email.slice(input.email.lastIndexOf("@") + 1);
  if (domains.length > 0 && !domains.some((d) => domain === d || domain.endsWith(`.${d}`))) {
    throw new AppError("INVALID_PARAMETER", "address outside the MO's domains", {
      email: {
        fr: `Inscrivez une adresse de votre organisation (${domains.join(", ")}).`,
        en: `Enter an address of your organization (${domains.join(", ")}).`,
      },
    });
  }
  const invitation = await createInvitation({ email: input.email, name: input.name, role: input.role, organizationId: pilot.organization.id, services, invitedById: pilot.id }, now);
  await appendAudit(getDb(), { at: now, actorUserId: pilot.id, action: "member_invited", data: { userId: invitation.userId, role: input.role, services } });
  await queueInvitation({ name: pilot.name, organization: pilot.organization.name }, invitation, input.name, now, mail, false);
  return invitation;
}

/**
 * A new invitation link for an account whose person has not chosen a password yet (the old link
 * stops working); refused once they have. Shared by the pilot's and the admin's pages.
 */
export async function renewInvitationLink(userId: string, now: Date): Promise<Invitation> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + INVITATION_VALIDITY_MS);
  if (!(await renewInvitation(getDb(), userId, hash, expiresAt))) {
    throw new AppError("REFUSED", "already active", {}, {
      localized: { fr: "Cette personne a déjà choisi son mot de passe.", en: "This person has already chosen their password." },
    });
  }
  return { userId, token, expiresAt };
}

/** A new link for a member of the MO who has not yet set a password (the old link stops working). */
export async function renewMemberInvitation({ user, userId, now, mail }: { user: CurrentUser | null; userId: string; now: Date; mail: InvitationMailOptions }): Promise<Invitation> {
  const pilot = requirePilot(user);
  const member = await findOrganizationMember(getDb(), pilot.organization.id, userId);
  if (!member) throw new AppError("NOT_FOUND", "no such member");
  const invitation = await renewInvitationLink(member.id, now);
  await appendAudit(getDb(), { at: now, actorUserId: pilot.id, action: "member_invitation_renewed", data: { userId: member.id } });
  await queueInvitation({ name: pilot.name, organization: pilot.organization.name }, invitation, member.name, now, mail, true);
  return invitation;
}

/** The invited person behind a link, or null when the link is not (or no longer) valid. */
export async function readInvitation({ token, now }: { token: string; now: Date }): Promise<{ name: string; email: string } | null> {
  if (!isWellFormedSecretToken(token)) return null;
  return findInvitation(getDb(), hashSecretToken(token), now);
}

/** The invited person chooses their password; the link then stops working. */
export async function completeInvitation({ token, input, now }: { token: string; input: TSetPasswordInput; now: Date }): Promise<{ email: string }> {
  const invalid = new AppError("NOT_FOUND", "invitation not valid", {}, {
    localized: {
      fr: "Ce lien d'invitation n'est plus valide. Demandez à la personne qui vous a invité (le pilote de votre organisation, ou l'administration de Guichet) de vous en transmettre un nouveau.",
      en: "This invitation link is no longer valid. Ask the person who invited you (your organization's pilot, or Guichet's administration) for a new one.",
    },
  });
  if (!isWellFormedSecretToken(token)) throw invalid;
  const accepted = await acceptInvitation(getDb(), hashSecretToken(token), await hashPassword(input.password), now);
  if (!accepted) throw invalid;
  return accepted;
}
