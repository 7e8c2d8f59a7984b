// A calendar's week as a sentence for a message to a person: « du lundi au vendredi de 8 h 30 à 12 h
// et de 13 h à 16 h 30 (le mercredi : de 10 h à 12 h et de 13 h à 16 h 30) ». Written from the
// catalogue, so a canned reply says the hours in force, not the hours of the day it was typed.
import type { OpenInterval } from "@/domain/catalogue/types";
import { formatMinuteOfDay } from "./format";
import type { Locale } from "./routing";

const DAYS: Record<Locale, string[]> = {
  fr: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

function intervalsText(intervals: readonly OpenInterval[], locale: Locale): string {
  const time = (m: number) => (locale === "en" && m === 720 ? "noon" : formatMinuteOfDay(m, locale));
  const parts = intervals.map((iv) => (locale === "fr" ? `de ${time(iv.start)} à ${time(iv.end)}` : `${time(iv.start)} to ${time(iv.end)}`));
  return parts.join(locale === "fr" ? " et " : " and ");
}

/** Days in week order (Monday first) as « du lundi au vendredi », « le lundi et le jeudi », … */
function daysText(days: readonly number[], locale: Locale): string {
  const names = DAYS[locale];
  const contiguous = days.length >= 3 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  if (contiguous) return locale === "fr" ? `du ${names[days[0]!]} au ${names[days.at(-1)!]}` : `${names[days[0]!]} to ${names[days.at(-1)!]}`;
  const each = days.map((d) => (locale === "fr" ? `le ${names[d]}` : `${names[d]}s`));
  return each.length === 1 ? each[0]! : `${each.slice(0, -1).join(", ")}${locale === "fr" ? " et " : " and "}${each.at(-1)}`;
}

const key = (intervals: readonly OpenInterval[]) => intervals.map((iv) => `${iv.start}-${iv.end}`).join(",");

/** The week (index 0 = Sunday) as one sentence; the most common opening is the rule, other open days the exceptions. */
export function weekHoursSentence(week: readonly (readonly OpenInterval[])[], locale: Locale): string {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const open = order.filter((d) => (week[d]?.length ?? 0) > 0);
  if (open.length === 0) return locale === "fr" ? "aucune heure d'ouverture" : "no opening hours";
  const counts = new Map<string, number>();
  for (const d of open) counts.set(key(week[d]!), (counts.get(key(week[d]!)) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  // The rule's days run from the first to the last open day when only exceptions lie between.
  const ruleDays = open.filter((d) => key(week[d]!) === usual);
  const span = open.slice(open.indexOf(ruleDays[0]!), open.indexOf(ruleDays.at(-1)!) + 1);
  const spanIsContiguous = span.every((d, i) => i === 0 || order.indexOf(d) === order.indexOf(span[i - 1]!) + 1);
  const rule = spanIsContiguous && span.length >= 3 ? span : ruleDays;
  const exceptions = open.filter((d) => key(week[d]!) !== usual);
  const ruleText = locale === "fr" ? `${daysText(rule, locale)} ${intervalsText(week[ruleDays[0]!]!, locale)}` : `${daysText(rule, locale)}, ${intervalsText(week[ruleDays[0]!]!, locale)}`;
  if (exceptions.length === 0) return ruleText;
  const exceptionText = exceptions.map((d) => (locale === "fr" ? `${daysText([d], locale)} : ${intervalsText(week[d]!, locale)}` : `${daysText([d], locale)}: ${intervalsText(week[d]!, locale)}`)).join("; ");
  return `${ruleText} (${exceptionText})`;
}
