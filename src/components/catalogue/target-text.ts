// How the catalogue editor names a calendar (by who it serves) and states a commitment's
// definition (allowed time, clock, calendar, channels) — for the page, its previews and its
// conflict messages alike.
import type { TargetDefinition } from "@/domain/catalogue/types";
import { PROMISE_METRIC, PROMISE_TARGET_PREFIX } from "@/domain/requests/targets";
import { formatDateTime } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";
import type { Catalogue } from "@/server/services/get-catalogue";

/** A translator at the messages' root ("Catalogue.amounts.minutes", "Catalogue.clocks.elapsed"). */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "CA-dotation — Candidats · …": the service audiences counted on the calendar. */
export function calendarLabel(catalogue: Catalogue, calendarId: string, locale: Locale): string {
  const users = catalogue.definition.services.flatMap((s) =>
    s.audiences
      .filter((a) => a.calendarId === calendarId)
      .map((a) => `${catalogue.profiles.find((p) => p.serviceId === s.id)?.name[locale] ?? s.id} — ${catalogue.audienceLabels[a.id]?.[locale] ?? a.id}`),
  );
  return users.length > 0 ? users.join(" · ") : calendarId;
}

/** "5 minutes · temps écoulé · CA-dotation — Candidats · Téléphone". */
export function describeTarget(
  target: Pick<TargetDefinition, "amount" | "unit" | "clock" | "calendarId" | "channels">,
  catalogue: Catalogue,
  t: Translate,
  locale: Locale,
): string {
  const channels = target.channels.map((c) => catalogue.channelLabels[c]?.[locale] ?? c).join(", ");
  return [
    t(`Catalogue.amounts.${target.unit}`, { amount: target.amount }),
    t(`Catalogue.clocks.${target.clock}`),
    calendarLabel(catalogue, target.calendarId, locale),
    channels,
  ].join(" · ");
}

/** "Réponse ou avis de délai · Candidats": what a commitment measures, for whom ("Réponse promise" for a promise). */
export function targetName(targetId: string, catalogue: Catalogue, t: Translate, locale: Locale): string {
  const target = catalogue.definition.targets.find((d) => d.id === targetId);
  if (!target) return targetId.startsWith(PROMISE_TARGET_PREFIX) ? t(`Dashboard.metrics.${PROMISE_METRIC}`) : targetId;
  return `${t(`Dashboard.metrics.${target.metric}`)} · ${catalogue.audienceLabels[target.audienceId]?.[locale] ?? target.audienceId}`;
}

/** A preview's "before → after" of an instant: `— ` for none, « inchangée » when equal. */
export function beforeAfter(before: number | null, after: number | null, locale: Locale): string {
  const when = (ms: number | null) => (ms === null ? "—" : formatDateTime(ms, locale));
  return `${when(before)} → ${before === after ? (locale === "fr" ? "inchangée" : "unchanged") : when(after)}`;
}
