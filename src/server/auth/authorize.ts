import "server-only";
// Who may do what. Every use case calls one of these before touching data.
import { CENTRE_ROLES, type MoCentre } from "@/domain/requests/mo-request";
import type { CurrentUser } from "@/server/auth/current-user";
import { AppError } from "@/server/errors";

export function requireUser(user: CurrentUser | null): CurrentUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "not signed in");
  return user;
}

/** The admin's pages and actions: anyone else (signed in or not) is told "not found". */
export function requireAdmin(user: CurrentUser | null): CurrentUser {
  if (!user || user.role !== "admin") throw new AppError("NOT_FOUND", "admins only");
  return user;
}

export type OrganizationUser = CurrentUser & { organization: NonNullable<CurrentUser["organization"]> };

/**
 * Whether an MO's user may write to a centre: `granted`; `not-adhered` when their MO does not
 * subscribe to it (SAGIR support requires the MO's adhesion); `not-allowed` when their role is
 * not one of the centre's or their pilot has not given them that centre.
 */
export type CentreAccess = "granted" | "not-adhered" | "not-allowed";

export function centreAccess(user: CurrentUser, centre: MoCentre): CentreAccess {
  if (!CENTRE_ROLES[centre].includes(user.role) || !user.organization) return "not-allowed";
  if (!user.organization.services.includes(centre)) return "not-adhered";
  return user.services.includes(centre) ? "granted" : "not-allowed";
}

export function canUseCentre(user: CurrentUser, centre: MoCentre): user is OrganizationUser {
  return centreAccess(user, centre) === "granted";
}

const REFUSALS = {
  "not-adhered": {
    "ca-dotation": {
      fr: "Votre organisation n'est pas abonnée au Centre d'assistance en dotation.",
      en: "Your organization does not subscribe to the staffing help centre.",
    },
    sagir: {
      fr: "Votre organisation n'a pas adhéré aux services du Centre d'assistance SAGIR : l'adhésion est un préalable à toute requête.",
      en: "Your organization has not adhered to the SAGIR help centre's services: adhesion is a prerequisite for any request.",
    },
  },
  "not-allowed": {
    "ca-dotation": {
      fr: "Votre compte ne donne pas accès aux requêtes du Centre d'assistance en dotation. Adressez-vous au pilote de votre organisation.",
      en: "Your account does not give access to the staffing help centre's requests. Contact your organization's pilot.",
    },
    sagir: {
      fr: "Votre compte ne donne pas accès à l'Outil Requête SAGIR. Adressez-vous au pilote de votre organisation.",
      en: "Your account does not give access to SAGIR's request tool. Contact your organization's pilot.",
    },
  },
} as const;

/** The MO user, if they may write to the centre; otherwise FORBIDDEN with the reason, in French and English. */
export function requireCentreAccess(user: CurrentUser | null, centre: MoCentre): OrganizationUser {
  const signedIn = requireUser(user);
  const access = centreAccess(signedIn, centre);
  if (access === "granted") return signedIn as OrganizationUser;
  throw new AppError("FORBIDDEN", `no access to ${centre}: ${access}`, {}, { localized: REFUSALS[access][centre], details: { reason: access } });
}

/** An agent working in the service (agents see only their services). */
export function isAgentOf(user: CurrentUser | null, serviceId: string): user is CurrentUser {
  return user !== null && user.role === "agent" && user.services.includes(serviceId);
}

/** A manager of the service (managers see their services), or the admin (every service). */
export function isManagerOf(user: CurrentUser | null, serviceId: string): user is CurrentUser {
  return user !== null && (user.role === "admin" || (user.role === "manager" && user.services.includes(serviceId)));
}

/** The services whose dashboards, reports and catalogue a person may see: the admin's are all of them. */
export function managedServices(user: CurrentUser | null, allServices: readonly string[]): string[] {
  if (!user) return [];
  if (user.role === "admin") return [...allServices];
  return user.role === "manager" ? allServices.filter((s) => user.services.includes(s)) : [];
}
