// The dashboard's tables, built once for the page and for its CSV export (so the file holds what
// the page shows): titles, column headers and cells in the reader's language.
import type { Period } from "@/domain/dashboard/period";
import { isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { AGE_CLASSES, type TargetSummary } from "@/domain/dashboard/statistics";
import type { ClockId } from "@/domain/catalogue/types";
import { formatClockDuration, serviceDayMs } from "@/domain/requests/time-left";
import { formatDateTime, localIsoMinute, premier } from "@/i18n/format";
import { durationMessage } from "@/i18n/target-duration";
import type { Locale } from "@/i18n/routing";
import type { Catalogue } from "@/server/services/get-catalogue";
import type { DashboardData } from "@/server/services/dashboard";
import type { SatisfactionFigures, SatisfactionLine } from "@/server/services/satisfaction";

export const TABLE_IDS = ["targets", "promises", "volumes", "calls", "backlog", "at-risk", "second-level", "reviews", "satisfaction", "satisfaction-comments", "guides", "communiques"] as const;
export type TableId = (typeof TABLE_IDS)[number];

/**
 * count: an integer; percent: a share 0–1; text: as is (names). duration, date and instant cells
 * are `Shown`: the words the page shows, and the value a spreadsheet computes with in the CSV
 * (minutes; an ISO date; a Québec-time `2026-12-01 16:30`).
 */
export type ColumnKind = "text" | "count" | "percent" | "duration" | "date" | "instant";
export type Shown = { text: string; value: number | string };
export type Cell = string | number | null | Shown;
export type Column = { key: string; label: string; kind: ColumnKind };
export type DataTable = { id: TableId; columns: Column[]; rows: Cell[][] };

/** The same table with only some of its columns (the printed report keeps the essential ones). */
export function withColumns(table: DataTable, keys: readonly string[]): DataTable {
  const kept = table.columns.flatMap((c, i) => (keys.includes(c.key) ? [i] : []));
  return { ...table, columns: kept.map((i) => table.columns[i]!), rows: table.rows.map((row) => kept.map((i) => row[i]!)) };
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

const numberFormats = { fr: new Intl.NumberFormat("fr-CA"), en: new Intl.NumberFormat("en-CA") };
const percentFormats = {
  fr: new Intl.NumberFormat("fr-CA", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-CA", { style: "percent", maximumFractionDigits: 1 }),
};

/** A cell as the page shows it: `1 234`, `87,5 %`, `—` for no value. */
export function formatCell(cell: Cell, kind: ColumnKind, locale: Locale): string {
  if (cell === null) return "—";
  if (typeof cell === "string") return cell;
  if (typeof cell === "object") return cell.text;
  return kind === "percent" ? percentFormats[locale].format(cell) : numberFormats[locale].format(cell);
}

/** A chart bucket's label: `23 nov.` per day, `novembre 2026` per month. */
export function bucketLabel(key: string, locale: Locale): string {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number | undefined];
  const date = new Date(Date.UTC(y, m - 1, d ?? 1, 12));
  const options: Intl.DateTimeFormatOptions = d === undefined ? { month: "long", year: "numeric", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", options).format(date);
}

/** The period as a heading: `novembre 2026`, `semaine du 23 au 29 novembre 2026`, `du 1er au 15 mars 2026`. */
export function periodLabel(period: Period, t: Translate, locale: Locale): string {
  const iso = (day: number) => new Date(day * 86_400_000 + 43_200_000);
  const long = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const first = premier(long.format(iso(period.firstDay)), locale);
  const last = premier(long.format(iso(period.lastDay)), locale);
  switch (period.kind) {
    case "day":
      return first;
    case "month":
      return new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { month: "long", year: "numeric", timeZone: "UTC" }).format(iso(period.firstDay));
    case "week":
      return t("periodLabel.week", { first, last });
    case "range":
      return t("periodLabel.range", { first, last });
  }
}

/** A catalogue target's name: `Réponse ou avis de délai · Candidats · 10 jours ouvrables`. */
export function targetLabel(summary: Pick<TargetSummary, "key">, catalogue: Catalogue, t: Translate, locale: Locale): string {
  const target = catalogue.definition.targets.find((d) => d.id === summary.key);
  if (!target) return t("promisesRow");
  const duration = t(`duration.${durationMessage(target)}`, { amount: target.amount });
  return `${t(`metrics.${target.metric}`)} · ${catalogue.audienceLabels[target.audienceId]?.[locale] ?? target.audienceId} · ${duration}`;
}

export function dashboardTables(data: DashboardData, catalogue: Catalogue, t: Translate, locale: Locale): DataTable[] {
  const dayMs = (calendarId: string) => {
    const calendar = catalogue.definition.calendars.find((c) => c.id === calendarId);
    return calendar ? serviceDayMs(calendar) : 0;
  };
  const minutes = (ms: number) => Math.round(ms / 6_000) / 10;
  const inClock = (ms: number | null, clock: string, calendarId: string): Cell =>
    ms === null ? null : { text: formatClockDuration(ms, clock as ClockId, dayMs(calendarId), locale), value: minutes(ms) };
  const elapsed = (ms: number | null): Cell => (ms === null ? null : { text: formatClockDuration(ms, "elapsed", 0, locale), value: minutes(ms) });
  const col = (key: string, kind: ColumnKind = "count"): Column => ({ key, label: t(`columns.${key}`), kind });
  const tables: DataTable[] = [];

  tables.push({
    id: "targets",
    columns: [
      col("target", "text"), col("total"), col("metOnTime"), col("metLate"), col("overdue"), col("pending"), col("atRisk"),
      col("shareMet", "percent"), col("clockMedian", "duration"), col("clockP90", "duration"), col("elapsedMedian", "duration"), col("elapsedP90", "duration"),
    ],
    rows: data.targets.map((s) => [
      targetLabel(s, catalogue, t, locale), s.total, s.metOnTime, s.metLate, s.overdue, s.pending, s.atRisk, s.shareMet,
      inClock(s.clockMedianMs, s.clock, s.calendarId), inClock(s.clockP90Ms, s.clock, s.calendarId), elapsed(s.elapsedMedianMs), elapsed(s.elapsedP90Ms),
    ]),
  });

  const p = data.promises;
  tables.push({
    id: "promises",
    columns: [col("delayNotices"), col("promisesKept"), col("promisesKeptLate"), col("promisesBroken"), col("pending"), col("shareKept", "percent")],
    rows: [[p?.total ?? 0, p?.metOnTime ?? 0, p?.metLate ?? 0, p?.overdue ?? 0, p?.pending ?? 0, p?.shareMet ?? null]],
  });

  tables.push({
    id: "volumes",
    columns: [col(data.period.bucket === "day" ? "day" : "month", "date"), ...data.volumes.channels.map((c): Column => ({ key: c, label: catalogue.channelLabels[c]?.[locale] ?? c, kind: "count" })), col("requestsTotal")],
    rows: data.volumes.rows.map((r) => [{ text: bucketLabel(r.bucket, locale), value: r.bucket.length === 7 ? `${r.bucket}-01` : r.bucket }, ...data.volumes.channels.map((c) => r.byChannel[c] ?? 0), r.total]),
  });

  const c = data.calls;
  tables.push({
    id: "calls",
    columns: [col("channel", "text"), col("received"), col("answered"), col("answeredWithinTarget"), col("shareWithinTarget", "percent"), col("waitMedian", "duration"), col("waitP90", "duration")],
    rows: [
      [catalogue.channelLabels.phone?.[locale] ?? "phone", c.calls, c.answered, c.answeredWithinTarget, c.shareWithinTarget, elapsed(c.waitMedianMs), elapsed(c.waitP90Ms)],
      ...(["voicemail", "fax", "email"] as const)
        .filter((ch) => (c.byChannel[ch] ?? 0) > 0)
        .map((ch) => [t(`callChannels.${ch}`), c.byChannel[ch] ?? 0, null, null, null, null, null] as Cell[]),
    ],
  });

  tables.push({
    id: "backlog",
    columns: [col("age", "text"), col("openRequests")],
    rows: AGE_CLASSES.map((a) => [t(`ages.${a}`), data.backlog[a]]),
  });

  tables.push({
    id: "at-risk",
    columns: [col("number", "text"), col("subject", "text"), col("assignee", "text"), col("due", "instant"), col("state", "text")],
    rows: data.atRisk.items.map((i) => [
      i.number, i.subject, i.assigneeName ?? t("nobody"), i.dueAt ? { text: formatDateTime(i.dueAt.getTime(), locale), value: localIsoMinute(i.dueAt.getTime()) } : null, t(i.breached ? "states.breached" : "states.at-risk"),
    ]),
  });
  // The second level: forwards sent and answered in the period, their waiting time (elapsed), and
  // what waits now; the quality review: answers submitted, approved, returned, and waiting now.
  const sl = data.secondLevel;
  tables.push({
    id: "second-level",
    columns: [col("forwardsSent"), col("forwardsAnswered"), col("waitMedian", "duration"), col("waitMax", "duration"), col("waitingNow"), col("followUpsPassed"), col("oldestWaiting", "instant")],
    rows: [[sl.sent, sl.answered, elapsed(sl.medianWaitMs), elapsed(sl.maxWaitMs), sl.waitingNow, sl.followUpsPassed, sl.oldestWaitingSince ? { text: formatDateTime(sl.oldestWaitingSince.getTime(), locale), value: localIsoMinute(sl.oldestWaitingSince.getTime()) } : null]],
  });
  const rv = data.reviews;
  tables.push({
    id: "reviews",
    columns: [col("reviewsSubmitted"), col("reviewsApproved"), col("reviewsReturned"), col("reviewsPending")],
    rows: [[rv.submitted, rv.approved, rv.returned, rv.pendingNow]],
  });
  tables.push(satisfactionTable(data.satisfaction, catalogue, t, locale));
  tables.push(satisfactionCommentsTable(data.satisfaction, catalogue, t, locale));
  tables.push({
    id: "guides",
    columns: [col("article", "text"), col("audience", "text"), col("suggested"), col("opened"), col("guideAnswered"), col("shareAnswered", "percent")],
    rows: data.guides.map((g) => [g.title, catalogue.audienceLabels[g.audience_id]?.[locale] ?? g.audience_id, g.suggested, g.opened, g.answered, g.suggested ? g.answered / g.suggested : null]),
  });
  return tables;
}

/**
 * The satisfaction of the requests resolved in a period: together, then per audience, channel and
 * agent (the dashboard, its CSV and the monthly report's month and quarter read the same table).
 */
export function satisfactionTable(s: SatisfactionFigures, catalogue: Catalogue, t: Translate, locale: Locale): DataTable {
  const col = (key: string, kind: ColumnKind = "count"): Column => ({ key, label: t(`columns.${key}`), kind });
  const row = (group: string, name: string, l: SatisfactionLine): Cell[] => [group, name, l.asked, l.answered, l.responseRate, l.satisfied, l.unsatisfied, l.shareSatisfied];
  return {
    id: "satisfaction",
    columns: [col("group", "text"), col("name", "text"), col("asked"), col("answeredSurveys"), col("responseRate", "percent"), col("satisfied"), col("unsatisfied"), col("shareSatisfied", "percent")],
    rows: s.overall.asked === 0 ? [] : [
      row(t("groups.all"), t("groups.allRequests"), s.overall),
      ...s.byAudience.map((l) => row(t("groups.audience"), catalogue.audienceLabels[l.key]?.[locale] ?? l.key, l)),
      ...s.byChannel.map((l) => row(t("groups.channel"), catalogue.channelLabels[l.key]?.[locale] ?? l.key, l)),
      ...s.byAgent.map((l) => row(t("groups.agent"), l.name ?? t("nobody"), l)),
    ],
  };
}

/** The comments of the period's answers, latest first (the request's number, who resolved it, satisfied or not). */
export function satisfactionCommentsTable(s: SatisfactionFigures, catalogue: Catalogue, t: Translate, locale: Locale): DataTable {
  const col = (key: string, kind: ColumnKind = "text"): Column => ({ key, label: t(`columns.${key}`), kind });
  return {
    id: "satisfaction-comments",
    columns: [col("answeredAt", "instant"), col("number"), col("audience"), col("channel"), col("agent"), col("opinion"), col("comment")],
    rows: s.comments.map((c) => [
      { text: formatDateTime(c.answeredAt.getTime(), locale), value: localIsoMinute(c.answeredAt.getTime()) },
      c.number,
      catalogue.audienceLabels[c.audienceId]?.[locale] ?? c.audienceId,
      catalogue.channelLabels[c.channel]?.[locale] ?? c.channel,
      c.agentName ?? t("nobody"),
      t(c.satisfied ? "opinions.satisfied" : "opinions.unsatisfied"),
      c.comment,
    ]),
  };
}

export type CommuniqueReportRow = {
  number: string | null;
  titleFr: string;
  titleEn: string | null;
  source: string;
  organizationName: string | null;
  sentAt: Date | null;
  figures: { reached: number; emailsSent: number; emailsFailed: number; read: number; questions: number; answered: number; answeredOnTime: number };
};

/** The communiqués sent in the period and what became of them (the report's section): the same figures as each communiqué's page. */
export function communiquesTable(rows: readonly CommuniqueReportRow[], t: Translate, locale: Locale): DataTable {
  const col = (key: string, kind: ColumnKind = "count"): Column => ({ key, label: t(`columns.${key}`), kind });
  return {
    id: "communiques",
    columns: [col("communique", "text"), col("title", "text"), col("source", "text"), col("sentAt", "instant"), col("reached"), col("emailsSent"), col("emailsFailed"), col("readInApp"), col("questions"), col("questionsAnswered"), col("answeredOnTime")],
    rows: rows.map((r) => [
      r.number ?? "",
      locale === "en" && r.titleEn ? r.titleEn : r.titleFr,
      r.source === "mo" ? (r.organizationName ?? "MO") : t(`sources.${r.source}`),
      r.sentAt ? { text: formatDateTime(r.sentAt.getTime(), locale), value: localIsoMinute(r.sentAt.getTime()) } : null,
      r.figures.reached,
      r.figures.emailsSent,
      r.figures.emailsFailed,
      r.figures.read,
      r.figures.questions,
      r.figures.answered,
      r.figures.answeredOnTime,
    ]),
  };
}

/**
 * A table as CSV for Excel in French: UTF-8 with a byte-order mark (accents read right),
 * semicolons between fields and a decimal comma in French (the fr-CA list separator), every text
 * field quoted, percentages as numbers of percent (`87,5`) under a header that says so.
 * Spreadsheets compute with what they read: durations in minutes (`90`, header « (min) »), dates
 * in ISO (`2026-11-23`), instants in Québec time (`2026-12-01 16:30`), none of them quoted.
 */
export function toCsv(table: Pick<DataTable, "columns" | "rows">, locale: Locale): string {
  const separator = locale === "fr" ? ";" : ",";
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const number = (n: number) => {
    const text = String(Math.round(n * 1000) / 1000);
    return locale === "fr" ? text.replace(".", ",") : text;
  };
  const cell = (value: Cell, kind: ColumnKind) => {
    if (value === null) return "";
    if (typeof value === "string") return quote(value);
    if (typeof value === "object") return typeof value.value === "number" ? number(value.value) : value.value;
    return kind === "percent" ? number(value * 100) : number(value);
  };
  const unit: Partial<Record<ColumnKind, string>> = { percent: " (%)", duration: " (min)" };
  const header = table.columns.map((c) => quote(`${c.label}${unit[c.kind] ?? ""}`)).join(separator);
  const lines = table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i]!.kind)).join(separator));
  return `\uFEFF${[header, ...lines].join("\r\n")}\r\n`;
}

/** The URL parameters of a period (and the filters kept). */
export function periodParams(period: Period, filters: { audienceId?: string | undefined; channel?: string | undefined }): string {
  const params = new URLSearchParams();
  if (period.kind === "range") {
    params.set("period", "range");
    params.set("from", isoDateFromDayNumber(period.firstDay));
    params.set("to", isoDateFromDayNumber(period.lastDay));
  } else {
    params.set("period", period.kind);
    params.set("date", isoDateFromDayNumber(period.firstDay));
  }
  if (filters.audienceId) params.set("audience", filters.audienceId);
  if (filters.channel) params.set("channel", filters.channel);
  return params.toString();
}

