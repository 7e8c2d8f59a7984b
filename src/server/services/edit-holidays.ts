import "server-only";
// The managers' holiday editing: add, move and delete a holiday of a holiday set, store a year as
// the rule generates it. Each change is audited, and applies to requests received after it: a
// request's due instants are fixed at its receipt (promises already made stay as they were).
// A holiday set may serve several services' calendars: see catalogue-editors.ts for who edits it.
import { effectiveHolidays } from "@/domain/catalogue/holidays";
import type { HolidayDefinition, TargetDefinition } from "@/domain/catalogue/types";
import { dayNumberFromIsoDate, getZone, weekdayOfDayNumber } from "@/domain/catalogue/zone";
import type { HolidayAdd, HolidayDelete, HolidayMove, HolidayYear } from "@/schemas/catalogue-edit";
import type { CurrentUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import {
  deleteHolidayRow,
  findHoliday,
  findHolidaySet,
  insertCatalogueAudit,
  insertHoliday,
  listCatalogueAudit,
  moveHolidayRow,
  storeYear,
} from "@/server/repositories/catalogue-edit-repository";
import type { Tx } from "@/server/repositories/request-repository";
import { calendarsOfHolidaySet, mayEditFor, servicesOfCalendars } from "@/server/services/catalogue-editors";
import { canEditTarget } from "@/server/services/edit-targets";
import { canEditCalendar } from "@/server/services/edit-hours";
import { forgetCatalogue, getCatalogue, type Catalogue } from "@/server/services/get-catalogue";

export function canEditHolidaySet(user: CurrentUser | null, catalogue: Catalogue, holidaySetId: string): user is CurrentUser {
  return mayEditFor(user, servicesOfCalendars(catalogue, calendarsOfHolidaySet(catalogue, holidaySetId)));
}

export type HolidaySetView = {
  id: string;
  services: string[];
  /** Each target counted on the set's calendars: its due instant for a request received now. */
  preview: { target: TargetDefinition; dueAt: number }[];
  /** The current year and the next, each with its holidays in force (stored, or by the rule). */
  years: { year: number; holidays: HolidayDefinition[] }[];
  /** The first year after those stored: the one "store by the rule" offers. */
  nextToStore: number;
};

/** The holiday sets the user may edit, as the editor shows them at `now`. */
export async function readHolidaySets(user: CurrentUser | null, now: Date): Promise<HolidaySetView[]> {
  const catalogue = await getCatalogue();
  return catalogue.definition.holidaySets
    .filter((set) => canEditHolidaySet(user, catalogue, set.id))
    .map((set) => {
      const calendars = calendarsOfHolidaySet(catalogue, set.id);
      const zone = getZone(catalogue.definition.calendars.find((c) => calendars.has(c.id))!.timeZone);
      const year = zone.yearOf(now.getTime());
      return {
        id: set.id,
        services: servicesOfCalendars(catalogue, calendars),
        preview: catalogue.definition.targets
          .filter((target) => calendars.has(target.calendarId))
          .map((target) => ({ target, dueAt: catalogue.engine.addClockTime(target, now.getTime()) })),
        years: [year, year + 1].map((y) => ({ year: y, holidays: effectiveHolidays(set, y, y).filter((h) => h.year === y) })),
        nextToStore: Math.max(year, ...set.storedYears) + 1,
      };
    });
}

function invalid(field: string, fr: string, en: string): AppError {
  return new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } });
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

function refuseWeekend(field: string, iso: string): void {
  const weekday = weekdayOfDayNumber(dayNumberFromIsoDate(iso)!);
  if (weekday === 0 || weekday === 6) {
    throw invalid(field, "Ce jour est un samedi ou un dimanche : les centres sont déjà fermés.", "That day is a Saturday or a Sunday: the centres are closed anyway.");
  }
}

async function edit<T>(
  user: CurrentUser | null,
  holidaySetId: string,
  run: (tx: Tx, editor: CurrentUser, set: NonNullable<Awaited<ReturnType<typeof findHolidaySet>>>) => Promise<T>,
): Promise<T> {
  const catalogue = await getCatalogue();
  if (!canEditHolidaySet(user, catalogue, holidaySetId)) throw new AppError("NOT_FOUND", "no such holiday set for this user");
  const result = await getDb().$transaction(async (tx) => {
    const set = await findHolidaySet(tx, holidaySetId);
    if (!set) throw new AppError("NOT_FOUND", "no such holiday set");
    return run(tx, user, set);
  });
  forgetCatalogue();
  return result;
}

export function addHoliday({ user, input, now }: { user: CurrentUser | null; input: HolidayAdd; now: Date }): Promise<void> {
  return edit(user, input.holidaySetId, async (tx, editor, set) => {
    refuseWeekend("date", input.date);
    await storeYear(tx, set, yearOf(input.date));
    if (await findHoliday(tx, set.id, input.date)) throw invalid("date", "Ce jour est déjà un jour férié.", "That day is already a holiday.");
    await insertHoliday(tx, { holidaySetId: set.id, date: input.date, year: yearOf(input.date), nameFr: input.nameFr, nameEn: input.nameEn });
    await insertCatalogueAudit(tx, { actorUserId: editor.id, action: "catalogue_holiday_added", at: now, data: { holidaySetId: set.id, date: input.date, nameFr: input.nameFr } });
  });
}

export function moveHoliday({ user, input, now }: { user: CurrentUser | null; input: HolidayMove; now: Date }): Promise<void> {
  return edit(user, input.holidaySetId, async (tx, editor, set) => {
    await storeYear(tx, set, yearOf(input.date));
    const holiday = await findHoliday(tx, set.id, input.date);
    if (!holiday) throw invalid("date", "Ce jour n'est pas un jour férié.", "That day is not a holiday.");
    if (input.to === input.date) throw invalid("to", "Choisissez une autre date.", "Choose another date.");
    refuseWeekend("to", input.to);
    if (await findHoliday(tx, set.id, input.to)) throw invalid("to", "Ce jour est déjà un jour férié.", "That day is already a holiday.");
    await moveHolidayRow(tx, set.id, input.date, input.to);
    await insertCatalogueAudit(tx, { actorUserId: editor.id, action: "catalogue_holiday_moved", at: now, data: { holidaySetId: set.id, from: input.date, to: input.to, nameFr: holiday.nameFr } });
  });
}

export function deleteHoliday({ user, input, now }: { user: CurrentUser | null; input: HolidayDelete; now: Date }): Promise<void> {
  return edit(user, input.holidaySetId, async (tx, editor, set) => {
    await storeYear(tx, set, yearOf(input.date));
    const holiday = await findHoliday(tx, set.id, input.date);
    if (!holiday) throw invalid("date", "Ce jour n'est pas un jour férié.", "That day is not a holiday.");
    await deleteHolidayRow(tx, set.id, input.date);
    await insertCatalogueAudit(tx, { actorUserId: editor.id, action: "catalogue_holiday_deleted", at: now, data: { holidaySetId: set.id, date: input.date, nameFr: holiday.nameFr } });
  });
}

/** Stores a year's holidays as the rule generates them (then editable); refused if already stored. */
export function generateHolidayYear({ user, input, now }: { user: CurrentUser | null; input: HolidayYear; now: Date }): Promise<void> {
  return edit(user, input.holidaySetId, async (tx, editor, set) => {
    if (!(await storeYear(tx, set, input.year))) throw invalid("year", "Les jours fériés de cette année sont déjà enregistrés.", "That year's holidays are already stored.");
    await insertCatalogueAudit(tx, { actorUserId: editor.id, action: "catalogue_holiday_year_generated", at: now, data: { holidaySetId: set.id, year: input.year } });
  });
}

/** The catalogue's change history (newest first), for those who may edit part of it. */
export async function readCatalogueHistory(user: CurrentUser | null, limit: number) {
  const catalogue = await getCatalogue();
  const editor = catalogue.definition.holidaySets.some((s) => canEditHolidaySet(user, catalogue, s.id)) || catalogue.definition.calendars.some((c) => canEditCalendar(user, catalogue, c.id)) || catalogue.definition.targets.some((t) => canEditTarget(user, t));
  if (!editor) throw new AppError("NOT_FOUND", "not a catalogue editor");
  return listCatalogueAudit(getDb(), limit);
}
