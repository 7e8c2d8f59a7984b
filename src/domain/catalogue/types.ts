// The service catalogue as plain data. Everything here is seeded, editable by an
// administrator, and evaluated by the pure engine in this folder.

export const SERVICE_IDS = ["ca-dotation", "sagir"] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export const AUDIENCE_IDS = ["candidate", "mo-specialist", "sagir-user"] as const;
export type AudienceId = (typeof AUDIENCE_IDS)[number];

export const CHANNEL_IDS = [
  "phone",
  "email",
  "web",
  "request-form",
  "request-tool",
  "fax",
  "voicemail",
] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

export const CLOCK_IDS = ["elapsed", "business-day-time", "service-hours", "business-days"] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

export const METRIC_IDS = ["answer", "reply-or-delay-notice", "first-reply", "take-in-charge"] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** `days` is only meaningful with the `business-days` clock (whole business days). */
export const DURATION_UNITS = ["minutes", "hours", "days"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** 0 = Sunday … 6 = Saturday, as in `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Minutes since local midnight; half-open `[start, end)`. */
export type OpenInterval = { start: number; end: number };

export type CalendarDefinition = {
  id: string;
  /** IANA zone; every calendar of the spec is `America/Toronto`. */
  timeZone: string;
  /** Seven entries, index = Weekday; intervals ordered and non-overlapping. */
  week: readonly (readonly OpenInterval[])[];
  holidaySetId: string;
};

export type HolidayRuleId = "qc-public-service";

export type HolidayDefinition = {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** The year whose holiday list this row belongs to (an observed 31 Dec may fall in January). */
  year: number;
  nameFr: string;
  nameEn: string;
};

export type HolidaySetDefinition = {
  id: string;
  /** Generation rule used for the years that have no stored rows. */
  rule: HolidayRuleId | null;
  /**
   * Years whose holidays are stored (generated then possibly edited). For such a year only the
   * stored rows count, even if an administrator deleted some; other years fall back to `rule`.
   */
  storedYears: readonly number[];
  holidays: readonly HolidayDefinition[];
};

export type AudienceDefinition = {
  id: AudienceId;
  calendarId: string;
  channels: readonly ChannelId[];
};

export type ServiceDefinition = {
  id: ServiceId;
  audiences: readonly AudienceDefinition[];
};

export type TargetDefinition = {
  id: string;
  serviceId: ServiceId;
  audienceId: AudienceId;
  channels: readonly ChannelId[];
  metric: MetricId;
  amount: number;
  unit: DurationUnit;
  clock: ClockId;
  calendarId: string;
};

export type CatalogueDefinition = {
  services: readonly ServiceDefinition[];
  calendars: readonly CalendarDefinition[];
  holidaySets: readonly HolidaySetDefinition[];
  targets: readonly TargetDefinition[];
};

export type OpenStatus = {
  open: boolean;
  /** Epoch ms of the current interval's end when open, else null. */
  closesAt: number | null;
  /** Epoch ms of the next interval start of a business day when closed, else null. */
  nextOpening: number | null;
};

export type TargetStateName = "pending" | "at-risk" | "met" | "breached";
