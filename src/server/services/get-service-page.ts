import "server-only";
// Everything a public service page shows, computed by the catalogue engine for one instant.
import { upcomingHolidays } from "@/domain/catalogue/holidays";
import type { AudienceProfile, LocalizedText, ServiceProfile } from "@/domain/catalogue/service-profile";
import type { OpenInterval, OpenStatus, TargetDefinition } from "@/domain/catalogue/types";
import { getZone } from "@/domain/catalogue/zone";
import { getCatalogue } from "@/server/services/get-catalogue";

export type HoursRow = { weekday: number; intervals: OpenInterval[]; isException: boolean };

export type AudienceSummary = {
  audienceId: string;
  name: LocalizedText;
  summary: LocalizedText;
  status: OpenStatus;
};

export type ServiceSummary = {
  serviceId: string;
  slug: string;
  name: LocalizedText;
  shortName: LocalizedText;
  description: LocalizedText;
  prerequisites: readonly LocalizedText[];
  audiences: AudienceSummary[];
};

export type AudiencePage = {
  service: ServiceSummary;
  audience: AudienceProfile;
  status: OpenStatus;
  hours: HoursRow[];
  holidays: { date: string; name: LocalizedText }[];
  targets: (TargetDefinition & { channelNames: LocalizedText[] })[];
  /** "If you write to us now": the targets of the audience's written channel, with due instants. */
  writeNow: { metric: string; dueAt: number }[];
};

function summarize(profile: ServiceProfile, statusOf: (audienceId: string) => OpenStatus): ServiceSummary {
  return {
    serviceId: profile.serviceId,
    slug: profile.slug,
    name: profile.name,
    shortName: profile.shortName,
    description: profile.description,
    prerequisites: profile.prerequisites,
    audiences: profile.audiences.map((a) => ({
      audienceId: a.audienceId,
      name: a.name,
      summary: a.summary,
      status: statusOf(a.audienceId),
    })),
  };
}

export async function listServices(now: Date): Promise<ServiceSummary[]> {
  const { profiles, engine } = await getCatalogue();
  return profiles.map((p) => summarize(p, (a) => engine.status(p.serviceId, a, now.getTime())));
}

export async function getServiceSummary(slug: string, now: Date): Promise<ServiceSummary | null> {
  const { profiles, engine } = await getCatalogue();
  const profile = profiles.find((p) => p.slug === slug);
  return profile ? summarize(profile, (a) => engine.status(profile.serviceId, a, now.getTime())) : null;
}

/** Weekdays whose hours differ from the most common weekday pattern are flagged as exceptions. */
function hoursRows(week: readonly (readonly OpenInterval[])[]): HoursRow[] {
  const key = (ivs: readonly OpenInterval[]) => ivs.map((iv) => `${iv.start}-${iv.end}`).join(",");
  const counts = new Map<string, number>();
  for (const day of week) if (day.length) counts.set(key(day), (counts.get(key(day)) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // Monday first, as people read a week.
  return [1, 2, 3, 4, 5, 6, 0].map((weekday) => {
    const intervals = [...(week[weekday] ?? [])];
    return { weekday, intervals, isException: intervals.length > 0 && key(intervals) !== usual };
  });
}

export async function getAudiencePage(slug: string, audienceId: string, now: Date): Promise<AudiencePage | null> {
  const { profiles, engine, definition, channelLabels } = await getCatalogue();
  const profile = profiles.find((p) => p.slug === slug);
  const audience = profile?.audiences.find((a) => a.audienceId === audienceId);
  if (!profile || !audience) return null;
  const at = now.getTime();
  const calendar = engine.calendarFor(profile.serviceId, audienceId);
  const holidaySet = definition.holidaySets.find((h) => h.id === calendar.holidaySetId)!;
  const today = getZone(calendar.timeZone).dayOf(at);
  const writeNow = audience.writtenChannel
    ? engine
        .dueTargets(profile.serviceId, audienceId, audience.writtenChannel, at)
        .map(({ target, dueAt }) => ({ metric: target.metric, dueAt }))
    : [];
  return {
    service: summarize(profile, (a) => engine.status(profile.serviceId, a, at)),
    audience,
    status: engine.status(profile.serviceId, audienceId, at),
    hours: hoursRows(calendar.week),
    holidays: upcomingHolidays(holidaySet, today, 6).map((h) => ({ date: h.date, name: { fr: h.nameFr, en: h.nameEn } })),
    targets: definition.targets
      .filter((t) => t.serviceId === profile.serviceId && t.audienceId === audienceId)
      .map((t) => {
        // Channels in the order the audience lists them, as the seed documents do.
        const order = engine.getAudience(profile.serviceId, audienceId).channels;
        const channels = [...t.channels].sort((a, b) => order.indexOf(a) - order.indexOf(b));
        return { ...t, channelNames: channels.map((c) => channelLabels[c] ?? { fr: c, en: c }) };
      }),
    writeNow,
  };
}
