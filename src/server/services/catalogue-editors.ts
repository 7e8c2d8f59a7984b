import "server-only";
// Who may edit a part of the catalogue: a calendar (its hours) or a holiday set may serve several
// services' audiences, and changing it changes all of them — so its editors are the admin, or a
// manager of every service it serves.
import { isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/session-user";
import type { Catalogue } from "@/server/services/get-catalogue";

/** The services with an audience counted on one of these calendars. */
export function servicesOfCalendars(catalogue: Catalogue, calendarIds: ReadonlySet<string>): string[] {
  return catalogue.definition.services.filter((s) => s.audiences.some((a) => calendarIds.has(a.calendarId))).map((s) => s.id);
}

/** The calendars whose holidays a holiday set gives. */
export function calendarsOfHolidaySet(catalogue: Catalogue, holidaySetId: string): Set<string> {
  return new Set(catalogue.definition.calendars.filter((c) => c.holidaySetId === holidaySetId).map((c) => c.id));
}

/** The admin, or a manager of every one of these services (none: nobody but the admin). */
export function mayEditFor(user: CurrentUser | null, services: readonly string[]): user is CurrentUser {
  return user !== null && (user.role === "admin" || (services.length > 0 && services.every((s) => isManagerOf(user, s))));
}
