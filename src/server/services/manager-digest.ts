import "server-only";
// The managers' daily digest, per service: on each business day, at the first cycle in the
// service's open hours (its earliest audience to open), every manager of the service gets one
// e-mail with the commitments breached since the previous digest (a target whose due instant came
// without it being met) and what needs acting on now — the dashboard's live list « À risque ou en
// retard maintenant », read by the same queries, so the figures agree. Once per service and day,
// whatever the number of instances (digest_run's key). French first, then English, as the
// notifications; no personal information (numbers, subjects, assignees, links).
import { getZone, isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { formatDate, formatDateTime } from "@/i18n/format";
import type { Db } from "@/server/db/client";
import { insertEmails } from "@/server/repositories/notification-repository";
import { countQueue, listQueue } from "@/server/repositories/queue-repository";
import { breachesBetween, claimDigest, digestDone, managersOf, previousDigestAt, type DigestLine } from "@/server/repositories/second-level-repository";
import { AT_RISK_COUNT_CAP } from "@/server/services/dashboard";
import { getCatalogue } from "@/server/services/get-catalogue";
import en from "../../../messages/en.json";
import fr from "../../../messages/fr.json";

/** Each list of the digest names at most this many requests (then « et N autres »). */
export const DIGEST_LIST_SIZE = 30;
const DAY_MS = 86_400_000;

type Line = { number: string; subject: string; assigneeName: string | null; dueAt: Date | null; metric?: string };

function lineText(l: Line, locale: "fr" | "en", baseUrl: string): string {
  const metrics = (locale === "fr" ? fr : en).Dashboard.metrics as Record<string, string>;
  const what = l.metric ? ` — ${metrics[l.metric] ?? (l.metric === "promised-reply" ? metrics["promised-reply"] ?? l.metric : l.metric)}` : "";
  const due = l.dueAt ? ` (${locale === "fr" ? "échéance" : "due"} ${formatDateTime(l.dueAt.getTime(), locale)})` : "";
  const who = l.assigneeName ?? (locale === "fr" ? "personne" : "nobody");
  return `- ${l.number} ${l.subject}${what}${due} · ${locale === "fr" ? "assignée à" : "assigned to"} ${who}\n  ${baseUrl}/gestion/requetes/${l.number}`;
}

export function digestMail(
  d: { serviceName: { fr: string; en: string }; day: number; breaches: DigestLine[]; overdue: Line[]; atRisk: Line[]; overdueCount: number; atRiskCount: number },
  baseUrl: string,
): { subject: string; body: string } {
  const section = (locale: "fr" | "en") => {
    const fr_ = locale === "fr";
    const more = (shown: number, total: number) => (total > shown ? [fr_ ? `  … et ${total - shown} autres` : `  … and ${total - shown} more`] : []);
    return [
      fr_ ? `Sommaire du ${formatDate(d.day, "fr")} — ${d.serviceName.fr}` : `Digest of ${formatDate(d.day, "en")} — ${d.serviceName.en}`,
      "",
      fr_ ? `Engagements dépassés depuis le sommaire précédent : ${d.breaches.length}` : `Commitments breached since the previous digest: ${d.breaches.length}`,
      ...d.breaches.slice(0, DIGEST_LIST_SIZE).map((b) => lineText(b, locale, baseUrl)),
      ...more(Math.min(d.breaches.length, DIGEST_LIST_SIZE), d.breaches.length),
      "",
      fr_ ? `En retard maintenant : ${d.overdueCount}` : `Overdue now: ${d.overdueCount}`,
      ...d.overdue.map((l) => lineText(l, locale, baseUrl)),
      ...more(d.overdue.length, d.overdueCount),
      "",
      fr_ ? `À risque maintenant : ${d.atRiskCount}` : `At risk now: ${d.atRiskCount}`,
      ...d.atRisk.map((l) => lineText(l, locale, baseUrl)),
      ...more(d.atRisk.length, d.atRiskCount),
    ];
  };
  const subject = `Guichet — ${d.serviceName.fr} : sommaire quotidien / daily digest (${d.breaches.length} dépassement${d.breaches.length > 1 ? "s" : ""}, ${d.overdueCount + d.atRiskCount} à suivre)`;
  return { subject, body: [...section("fr"), "", "—", "", ...section("en"), "", `${baseUrl}/gestion/tableau-de-bord/`].join("\n") };
}

/** One cycle's digests: those of the services open now that have none today. Returns how many services sent one. */
export async function runDigests(db: Db, now: Date, baseUrl: string): Promise<number> {
  const catalogue = await getCatalogue();
  let sent = 0;
  for (const service of catalogue.definition.services) {
    const open = service.audiences.some((a) => catalogue.engine.status(service.id, a.id, now.getTime()).open);
    if (!open) continue;
    const timeZone = catalogue.engine.calendarFor(service.id, service.audiences[0]!.id).timeZone;
    const day = getZone(timeZone).dayOf(now.getTime());
    const isoDay = isoDateFromDayNumber(day);
    if (await digestDone(db, service.id, isoDay)) continue;
    // Read first (the same queries as the dashboard's live list), then claim the day and queue the
    // e-mails in one transaction: another instance that claimed it first makes this one send nothing.
    const since = (await previousDigestAt(db, service.id, isoDay)) ?? new Date(now.getTime() - DAY_MS);
    const filters = { serviceId: service.id, status: "open" as const };
    const context = { userId: "00000000-0000-0000-0000-000000000000", now };
    const breaches = await breachesBetween(db, service.id, since, now, 500);
    const overdue = await listQueue(db, { ...filters, state: "overdue-now" }, { ...context, limit: DIGEST_LIST_SIZE });
    const atRisk = await listQueue(db, { ...filters, state: "at-risk-now" }, { ...context, limit: DIGEST_LIST_SIZE });
    const overdueCount = await countQueue(db, { ...filters, state: "overdue-now" }, { ...context, cap: AT_RISK_COUNT_CAP });
    const atRiskCount = await countQueue(db, { ...filters, state: "at-risk-now" }, { ...context, cap: AT_RISK_COUNT_CAP });
    const profile = catalogue.profiles.find((p) => p.serviceId === service.id);
    const toLine = (r: (typeof overdue.rows)[number]): Line => ({ number: r.number, subject: r.subject, assigneeName: r.assignee_name, dueAt: r.next_due_at });
    const mail = digestMail(
      { serviceName: profile?.name ?? { fr: service.id, en: service.id }, day: getZone(timeZone).midnight(day), breaches, overdue: overdue.rows.map(toLine), atRisk: atRisk.rows.map(toLine), overdueCount, atRiskCount },
      baseUrl,
    );
    const done = await db.$transaction(async (tx) => {
      if (!(await claimDigest(tx, service.id, isoDay, now))) return false;
      const managers = await managersOf(tx, service.id);
      await insertEmails(tx, managers.map((m) => ({ userId: m.id, kind: "digest", ...mail, createdAt: now })));
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
