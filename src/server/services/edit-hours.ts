import "server-only";
// The managers' hours editing: a calendar's weekly opening hours, with the impact shown before it
// is saved ("a request received now would be due … — after the change: …"). Saved hours apply to
// requests received after them (due instants are fixed at receipt); each change is audited.
// Editors: the admin, or a manager of every service whose audiences use the calendar.
import { createCatalogueEngine } from "@/domain/catalogue/engine";
import type { CalendarDefinition, OpenStatus, TargetDefinition } from "@/domain/catalogue/types";
import type { CalendarHours } from "@/schemas/catalogue-edit";
import type { CurrentUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { insertCatalogueAudit, replaceCalendarIntervals } from "@/server/repositories/catalogue-edit-repository";
import { mayEditFor, servicesOfCalendars } from "@/server/services/catalogue-editors";
import { forgetCatalogue, getCatalogue, type Catalogue } from "@/server/services/get-catalogue";

export function canEditCalendar(user: CurrentUser | null, catalogue: Catalogue, calendarId: string): user is CurrentUser {
  return mayEditFor(user, servicesOfCalendars(catalogue, new Set([calendarId])));
}

export type HoursImpact = {
  /** Open now, or when the calendar next opens — with the current and the given hours. */
  status: { before: OpenStatus; after: OpenStatus };
  /** Each target counted on the calendar: its due instant for a request received now. */
  targets: { target: TargetDefinition; before: number; after: number }[];
};

export function hoursImpact(catalogue: Catalogue, calendarId: string, week: CalendarDefinition["week"], now: Date): HoursImpact {
  const calendars = catalogue.definition.calendars.map((c) => (c.id === calendarId ? { ...c, week } : c));
  const edited = createCatalogueEngine({ ...catalogue.definition, calendars });
  const at = now.getTime();
  return {
    status: { before: catalogue.engine.calendarStatus(calendarId, at), after: edited.calendarStatus(calendarId, at) },
    targets: catalogue.definition.targets
      .filter((t) => t.calendarId === calendarId)
      .map((target) => ({ target, before: catalogue.engine.addClockTime(target, at), after: edited.addClockTime(target, at) })),
  };
}

/** Previews, or saves (intent "save"), a calendar's hours; the impact either way. */
export async function editCalendarHours({ user, input, now }: { user: CurrentUser | null; input: CalendarHours; now: Date }): Promise<{ saved: boolean; impact: HoursImpact }> {
  const catalogue = await getCatalogue();
  const calendar = catalogue.definition.calendars.find((c) => c.id === input.calendarId);
  if (!calendar || !canEditCalendar(user, catalogue, calendar.id)) throw new AppError("NOT_FOUND", "no such calendar for this user");
  const impact = hoursImpact(catalogue, calendar.id, input.week, now);
  if (input.intent !== "save") return { saved: false, impact };
  await getDb().$transaction(async (tx) => {
    await replaceCalendarIntervals(tx, calendar.id, input.week);
    await insertCatalogueAudit(tx, {
      actorUserId: user.id,
      action: "catalogue_hours_changed",
      at: now,
      data: { calendarId: calendar.id, before: calendar.week.map((d) => d.map((iv) => [iv.start, iv.end])), after: input.week.map((d) => d.map((iv) => [iv.start, iv.end])) },
    });
  });
  forgetCatalogue();
  return { saved: true, impact };
}
