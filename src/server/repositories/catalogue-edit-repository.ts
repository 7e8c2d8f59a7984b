import "server-only";
// What the catalogue editor changes: the holidays of a holiday set (a year not stored yet is
// first stored as its rule generates it, then edited: the engine reads stored years as they
// are), a calendar's weekly hours, and the catalogue's audit entries.
import { generateHolidays } from "@/domain/catalogue/holidays";
import type { HolidayRuleId } from "@/domain/catalogue/types";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/repositories/request-repository";

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function findHolidaySet(tx: Tx, id: string) {
  return tx.holidaySet.findUnique({ where: { id }, select: { id: true, rule: true, years: { select: { year: true } }, calendars: { select: { id: true } } } });
}

/** Stores a year's rule-generated holidays unless the year is stored; whether it stored them. */
export async function storeYear(tx: Tx, set: { id: string; rule: string | null }, year: number): Promise<boolean> {
  const stored = await tx.holidaySetYear.findUnique({ where: { holidaySetId_year: { holidaySetId: set.id, year } } });
  if (stored) return false;
  await tx.holidaySetYear.create({ data: { holidaySetId: set.id, year } });
  if (set.rule) {
    await tx.holiday.createMany({
      data: generateHolidays(set.rule as HolidayRuleId, year).map((h) => ({ holidaySetId: set.id, date: asDate(h.date), year: h.year, nameFr: h.nameFr, nameEn: h.nameEn })),
      skipDuplicates: true,
    });
  }
  return true;
}

export function findHoliday(tx: Tx, holidaySetId: string, date: string) {
  return tx.holiday.findUnique({ where: { holidaySetId_date: { holidaySetId, date: asDate(date) } } });
}

export async function insertHoliday(tx: Tx, holiday: { holidaySetId: string; date: string; year: number; nameFr: string; nameEn: string }): Promise<void> {
  await tx.holiday.create({ data: { ...holiday, date: asDate(holiday.date) }, select: { id: true } });
}

export async function moveHolidayRow(tx: Tx, holidaySetId: string, from: string, to: string): Promise<void> {
  await tx.holiday.update({ where: { holidaySetId_date: { holidaySetId, date: asDate(from) } }, data: { date: asDate(to) }, select: { id: true } });
}

export async function deleteHolidayRow(tx: Tx, holidaySetId: string, date: string): Promise<void> {
  await tx.holiday.delete({ where: { holidaySetId_date: { holidaySetId, date: asDate(date) } }, select: { id: true } });
}

export async function insertCatalogueAudit(tx: Tx, entry: { actorUserId: string; action: string; at: Date; data: Prisma.InputJsonObject }): Promise<void> {
  await tx.auditEntry.create({ data: entry, select: { id: true } });
}

/** The catalogue's change history (entries without a request), newest first. */
export function listCatalogueAudit(tx: Tx, limit: number) {
  return tx.auditEntry.findMany({
    where: { requestId: null, action: { startsWith: "catalogue_" } },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, at: true, action: true, data: true, actor: { select: { name: true } } },
  });
}

/** A calendar's weekly hours replaced by new ones (index = weekday, 0 = Sunday). */
export async function replaceCalendarIntervals(tx: Tx, calendarId: string, week: readonly (readonly { start: number; end: number }[])[]): Promise<void> {
  await tx.calendarInterval.deleteMany({ where: { calendarId } });
  await tx.calendarInterval.createMany({
    data: week.flatMap((intervals, weekday) => intervals.map((iv) => ({ calendarId, weekday, startMinute: iv.start, endMinute: iv.end }))),
  });
}

/** A target as stored, its row locked until the transaction ends (null: no such target). */
export async function lockTarget(tx: Tx, id: string): Promise<{ amount: number; unit: string; clock: string; calendarId: string; channels: string[] } | null> {
  const rows = await tx.$queryRaw<{ amount: number; unit: string; clock: string; calendar_id: string }[]>`
    SELECT amount, unit, clock, calendar_id FROM target WHERE id = ${id} FOR UPDATE`;
  const row = rows[0];
  if (!row) return null;
  const channels = await tx.targetChannel.findMany({ where: { targetId: id }, select: { channelId: true }, orderBy: { channelId: "asc" } });
  return { amount: row.amount, unit: row.unit, clock: row.clock, calendarId: row.calendar_id, channels: channels.map((c) => c.channelId) };
}

/** A target's allowed time, clock, calendar and channels replaced (its metric, service and audience stay). */
export async function updateTarget(tx: Tx, id: string, t: { amount: number; unit: string; clock: string; calendarId: string; channels: readonly string[] }): Promise<void> {
  await tx.target.update({ where: { id }, data: { amount: t.amount, unit: t.unit, clock: t.clock, calendarId: t.calendarId }, select: { id: true } });
  await tx.targetChannel.deleteMany({ where: { targetId: id } });
  await tx.targetChannel.createMany({ data: t.channels.map((channelId) => ({ targetId: id, channelId })) });
}
