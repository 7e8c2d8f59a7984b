import "server-only";
// Who may do what. Every use case calls one of these before touching data.
import { MO_REQUEST_ROLES } from "@/domain/requests/mo-request";
import type { CurrentUser } from "@/server/auth/current-user";
import { AppError } from "@/server/errors";

export function requireUser(user: CurrentUser | null): CurrentUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "not signed in");
  return user;
}

/** MO specialists and pilots of an MO served by CA-dotation, whose pilot gave them access. */
export function canUseMoRequests(user: CurrentUser): user is CurrentUser & { organization: NonNullable<CurrentUser["organization"]> } {
  return (
    (MO_REQUEST_ROLES as readonly string[]).includes(user.role) &&
    user.organization !== null &&
    user.organization.services.includes("ca-dotation") &&
    user.services.includes("ca-dotation")
  );
}

export function requireMoRequestAccess(user: CurrentUser | null): CurrentUser & { organization: NonNullable<CurrentUser["organization"]> } {
  const signedIn = requireUser(user);
  if (!canUseMoRequests(signedIn)) throw new AppError("FORBIDDEN", "not an MO user of CA-dotation");
  return signedIn;
}
