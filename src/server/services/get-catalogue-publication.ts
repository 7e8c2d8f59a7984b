import "server-only";
// The catalogue as published by GET /api/v1/catalogue: readable times (`08:30`), holidays in
// force for this year and the next two, labels in French and English.
import { effectiveHolidays } from "@/domain/catalogue/holidays";
import { getZone } from "@/domain/catalogue/zone";
import { getCatalogue } from "@/server/services/get-catalogue";

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

export async function getCataloguePublication(now: Date) {
  const { definition, profiles, audienceLabels, channelLabels } = await getCatalogue();
  return {
    services: definition.services.map((service) => {
      const profile = profiles.find((p) => p.serviceId === service.id);
      return {
        id: service.id,
        name: profile?.name ?? null,
        audiences: service.audiences.map((a) => ({
          id: a.id,
          name: audienceLabels[a.id] ?? null,
          calendar: a.calendarId,
          channels: a.channels,
        })),
      };
    }),
    audiences: Object.entries(audienceLabels).map(([id, name]) => ({ id, name })),
    channels: Object.entries(channelLabels).map(([id, name]) => ({ id, name })),
    calendars: definition.calendars.map((c) => ({
      id: c.id,
      timeZone: c.timeZone,
      holidaySet: c.holidaySetId,
      hours: Object.fromEntries(
        WEEKDAYS.map((day, i) => [day, (c.week[i] ?? []).map((iv) => ({ start: hhmm(iv.start), end: hhmm(iv.end) }))]),
      ),
    })),
    holidaySets: definition.holidaySets.map((set) => {
      const year = getZone("America/Toronto").yearOf(now.getTime());
      return {
        id: set.id,
        rule: set.rule,
        holidays: effectiveHolidays(set, year, year + 2)
          .filter((h) => h.date >= `${year}-01-01`)
          .map((h) => ({ date: h.date, name: { fr: h.nameFr, en: h.nameEn } })),
      };
    }),
    targets: definition.targets.map((t) => ({
      id: t.id,
      service: t.serviceId,
      audience: t.audienceId,
      channels: t.channels,
      metric: t.metric,
      amount: t.amount,
      unit: t.unit,
      clock: t.clock,
      calendar: t.calendarId,
    })),
  };
}
