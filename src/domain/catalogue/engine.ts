// The service-catalogue engine: open status, applicable targets, due instants and target states.
// Pure: the catalogue and "now" come in as parameters; instants are epoch milliseconds (UTC).
import { DomainError } from "../errors";
import { CalendarTimeline } from "./timeline";
import { dayNumberFromIsoDate, isoDateFromDayNumber } from "./zone";
import {
  CLOCK_IDS,
  type AudienceId,
  type CalendarDefinition,
  type CatalogueDefinition,
  type ChannelId,
  type ClockId,
  type OpenStatus,
  type ServiceDefinition,
  type ServiceId,
  type TargetDefinition,
  type TargetStateName,
} from "./types";

/** Share of the allowed time after which a pending target is "at risk" (spec §4). */
export const AT_RISK_RATIO = 0.75;

export type DueTarget = { target: TargetDefinition; dueAt: number };

export type TargetStateInput = {
  target: Pick<TargetDefinition, "clock" | "calendarId">;
  receivedAt: number;
  /** The due instant fixed when the request was received. */
  dueAt: number;
  /** When the target's metric event happened, if it has. */
  metAt: number | null;
  /** The instant at which the state is evaluated. */
  at: number;
};

export type TargetState = {
  state: TargetStateName;
  /** All measured in the target's own clock (service hours of its calendar for `business-days`). */
  allowedMs: number;
  elapsedMs: number;
  /** allowed − elapsed: negative once the due instant has passed without the metric event. */
  remainingMs: number;
};

export function durationMs(target: Pick<TargetDefinition, "amount" | "unit">): number {
  switch (target.unit) {
    case "minutes":
      return target.amount * 60_000;
    case "hours":
      return target.amount * 3_600_000;
    case "days":
      return target.amount * 86_400_000;
  }
}

export type CatalogueEngine = ReturnType<typeof createCatalogueEngine>;

export function createCatalogueEngine(definition: CatalogueDefinition) {
  validateCatalogue(definition);
  const timelines = new Map<string, CalendarTimeline>();
  for (const calendar of definition.calendars) {
    const set = definition.holidaySets.find((h) => h.id === calendar.holidaySetId)!;
    timelines.set(calendar.id, new CalendarTimeline(calendar, set));
  }
  const targetsByKey = new Map<string, TargetDefinition[]>();
  for (const target of [...definition.targets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const channel of target.channels) {
      const key = `${target.serviceId}|${target.audienceId}|${channel}`;
      targetsByKey.set(key, [...(targetsByKey.get(key) ?? []), target]);
    }
  }

  function getService(serviceId: string): ServiceDefinition {
    const service = definition.services.find((s) => s.id === serviceId);
    if (!service) throw new DomainError("UNKNOWN_SERVICE", `unknown service: ${serviceId}`, serviceId);
    return service;
  }

  function getAudience(serviceId: string, audienceId: string) {
    const audience = getService(serviceId).audiences.find((a) => a.id === audienceId);
    if (!audience) {
      throw new DomainError("UNKNOWN_AUDIENCE", `unknown audience for ${serviceId}: ${audienceId}`, audienceId);
    }
    return audience;
  }

  function getTimeline(calendarId: string): CalendarTimeline {
    const timeline = timelines.get(calendarId);
    if (!timeline) throw new DomainError("UNKNOWN_CALENDAR", `unknown calendar: ${calendarId}`, calendarId);
    return timeline;
  }

  function checkInstant(ms: number, name: string): void {
    if (!Number.isFinite(ms)) throw new DomainError("INVALID_INSTANT", `invalid instant: ${name}`, name);
  }

  function calendarFor(serviceId: string, audienceId: string): CalendarDefinition {
    return getTimeline(getAudience(serviceId, audienceId).calendarId).calendar;
  }

  function status(serviceId: string, audienceId: string, at: number): OpenStatus {
    checkInstant(at, "at");
    return getTimeline(getAudience(serviceId, audienceId).calendarId).status(at);
  }

  function calendarStatus(calendarId: string, at: number): OpenStatus {
    checkInstant(at, "at");
    return getTimeline(calendarId).status(at);
  }

  /** Targets whose service, audience and channel match, sorted by id. */
  function applicableTargets(serviceId: string, audienceId: string, channel: string): TargetDefinition[] {
    const audience = getAudience(serviceId, audienceId);
    if (!audience.channels.includes(channel as ChannelId)) {
      throw new DomainError("UNKNOWN_CHANNEL", `unknown channel for ${serviceId}/${audienceId}: ${channel}`, channel);
    }
    return targetsByKey.get(`${serviceId}|${audienceId}|${channel}`) ?? [];
  }

  function dueAt(target: TargetDefinition, receivedAt: number): number {
    return addClockTime(target, receivedAt);
  }

  /** `from` plus a duration counted by a clock on a calendar (a target's due instant, a notice's lead time). */
  function addClockTime(target: Pick<TargetDefinition, "clock" | "amount" | "unit" | "calendarId">, receivedAt: number): number {
    checkInstant(receivedAt, "receivedAt");
    const ms = durationMs(target);
    switch (target.clock) {
      case "elapsed":
        return receivedAt + ms;
      case "business-day-time":
        return getTimeline(target.calendarId).addBusinessDayTime(receivedAt, ms);
      case "service-hours":
        return getTimeline(target.calendarId).addServiceHours(receivedAt, ms);
      case "business-days":
        return getTimeline(target.calendarId).addBusinessDays(receivedAt, target.amount);
    }
  }

  function dueTargets(serviceId: string, audienceId: string, channel: string, receivedAt: number): DueTarget[] {
    return applicableTargets(serviceId, audienceId, channel).map((target) => ({
      target,
      dueAt: dueAt(target, receivedAt),
    }));
  }

  /** Time counted by a target's clock between two instants (negative if `to` < `from`). */
  function clockTimeBetween(target: Pick<TargetDefinition, "clock" | "calendarId">, from: number, to: number): number {
    switch (target.clock) {
      case "elapsed":
        return to - from;
      case "business-day-time":
        return getTimeline(target.calendarId).businessDayTimeBetween(from, to);
      case "service-hours":
      case "business-days":
        return getTimeline(target.calendarId).serviceHoursBetween(from, to);
    }
  }

  /**
   * The first instant at which a pending target is "at risk": when 75 % of the time allowed
   * between its start and its due instant has passed in its own clock (spec §4). Rounded up to the
   * millisecond, so the state is "pending" just before it and "at risk" from it on.
   */
  function atRiskAt(target: Pick<TargetDefinition, "clock" | "calendarId">, startsAt: number, due: number): number {
    checkInstant(startsAt, "startsAt");
    const riskMs = Math.ceil(AT_RISK_RATIO * clockTimeBetween(target, startsAt, due));
    switch (target.clock) {
      case "elapsed":
        return startsAt + riskMs;
      case "business-day-time":
        return getTimeline(target.calendarId).addBusinessDayTime(startsAt, riskMs);
      case "service-hours":
      case "business-days":
        return getTimeline(target.calendarId).addServiceHours(startsAt, riskMs);
    }
  }

  /**
   * The closing instant (end of the last open interval) of a local date `YYYY-MM-DD` on a
   * calendar, or null when that date is not one of its business days: a promise made for a date
   * is kept if the answer comes before the end of that day's service.
   */
  function closingOfDate(calendarId: string, isoDate: string): number | null {
    const day = dayNumberFromIsoDate(isoDate);
    return day === null ? null : getTimeline(calendarId).closingOf(day);
  }

  /** The local date `YYYY-MM-DD` of an instant on a calendar. */
  function localDate(calendarId: string, at: number): string {
    checkInstant(at, "at");
    return isoDateFromDayNumber(getTimeline(calendarId).dayOf(at));
  }

  function targetState(input: TargetStateInput): TargetState {
    const { target, receivedAt, dueAt: due, metAt, at } = input;
    const allowedMs = clockTimeBetween(target, receivedAt, due);
    if (metAt !== null) {
      const elapsedMs = clockTimeBetween(target, receivedAt, metAt);
      return { state: metAt <= due ? "met" : "breached", allowedMs, elapsedMs, remainingMs: allowedMs - elapsedMs };
    }
    const elapsedMs = clockTimeBetween(target, receivedAt, at);
    const remainingMs = allowedMs - elapsedMs;
    let state: TargetStateName = "pending";
    if (at > due) state = "breached";
    else if (elapsedMs >= AT_RISK_RATIO * allowedMs) state = "at-risk";
    return { state, allowedMs, elapsedMs, remainingMs };
  }

  return {
    definition,
    getService,
    getAudience,
    calendarFor,
    getCalendar: (calendarId: string): CalendarDefinition => getTimeline(calendarId).calendar,
    status,
    calendarStatus,
    applicableTargets,
    dueAt,
    addClockTime,
    dueTargets,
    clockTimeBetween,
    atRiskAt,
    closingOfDate,
    localDate,
    targetState,
    isBusinessDayAt: (calendarId: string, at: number) => getTimeline(calendarId).isBusinessDayAt(at),
  };
}

const MINUTES_PER_DAY = 24 * 60;

/** Structural checks an edited catalogue must pass before the engine accepts it. */
export function validateCatalogue(definition: CatalogueDefinition): void {
  const fail = (message: string, value?: string): never => {
    throw new DomainError("INVALID_CATALOGUE", message, value);
  };
  const holidaySets = new Set(definition.holidaySets.map((h) => h.id));
  const calendars = new Set<string>();
  for (const calendar of definition.calendars) {
    if (calendars.has(calendar.id)) fail(`duplicate calendar ${calendar.id}`, calendar.id);
    calendars.add(calendar.id);
    if (!holidaySets.has(calendar.holidaySetId)) fail(`calendar ${calendar.id}: unknown holiday set`, calendar.holidaySetId);
    if (calendar.week.length !== 7) fail(`calendar ${calendar.id}: needs 7 weekdays`, calendar.id);
    calendar.week.forEach((intervals, weekday) => {
      let previousEnd = -1;
      for (const iv of intervals) {
        const ok =
          Number.isInteger(iv.start) && Number.isInteger(iv.end) && iv.start >= 0 && iv.end <= MINUTES_PER_DAY && iv.start < iv.end;
        if (!ok || iv.start < previousEnd) {
          fail(`calendar ${calendar.id}, weekday ${weekday}: intervals must be ordered, non-empty and non-overlapping`, calendar.id);
        }
        previousEnd = iv.end;
      }
    });
  }
  for (const service of definition.services) {
    for (const audience of service.audiences) {
      if (!calendars.has(audience.calendarId)) fail(`audience ${service.id}/${audience.id}: unknown calendar`, audience.calendarId);
    }
  }
  const targetIds = new Set<string>();
  for (const target of definition.targets) {
    if (targetIds.has(target.id)) fail(`duplicate target ${target.id}`, target.id);
    targetIds.add(target.id);
    if (!calendars.has(target.calendarId)) fail(`target ${target.id}: unknown calendar`, target.calendarId);
    if (!CLOCK_IDS.includes(target.clock as ClockId)) fail(`target ${target.id}: unknown clock`, target.clock);
    if (!(Number.isFinite(target.amount) && target.amount > 0)) fail(`target ${target.id}: duration must be positive`, target.id);
    const wantsDays = target.clock === "business-days";
    if (wantsDays !== (target.unit === "days")) fail(`target ${target.id}: unit "days" goes with the business-days clock only`, target.id);
    if (wantsDays && !Number.isInteger(target.amount)) fail(`target ${target.id}: business days are whole`, target.id);
    const service = definition.services.find((s) => s.id === target.serviceId);
    const audience = service?.audiences.find((a) => a.id === target.audienceId);
    if (!audience) fail(`target ${target.id}: unknown service or audience`, target.id);
    for (const channel of target.channels) {
      if (!audience!.channels.includes(channel)) fail(`target ${target.id}: channel ${channel} not received by its audience`, channel);
    }
  }
}

export type { AudienceId, ServiceId, ChannelId };
