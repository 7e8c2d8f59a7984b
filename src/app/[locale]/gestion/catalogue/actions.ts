"use server";
// Server actions of the holiday editor: the form parsed with its schema, the use case (which
// checks the editor), what was typed given back on a refusal.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ConsoleFormState } from "@/components/console/action-form";
import type { Locale } from "@/i18n/routing";
import { ZCalendarHours, ZHolidayAdd, ZHolidayDelete, ZHolidayMove, ZHolidayYear, ZMailboxDelete, ZMailboxEdit, ZPhoneLineDelete, ZPhoneLineEdit, ZTargetEdit } from "@/schemas/catalogue-edit";
import { removePhoneLine, savePhoneLine } from "@/server/services/edit-phone-lines";
import { removeMailbox, saveMailbox } from "@/server/services/edit-mailboxes";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { formValues, runAction } from "@/server/http/server-action";
import { addHoliday, deleteHoliday, generateHolidayYear, moveHoliday } from "@/server/services/edit-holidays";
import { editCalendarHours } from "@/server/services/edit-hours";
import { editTarget } from "@/server/services/edit-targets";
import { beforeAfter, describeTarget } from "@/components/catalogue/target-text";
import type { TargetDefinition } from "@/domain/catalogue/types";
import { getCatalogue } from "@/server/services/get-catalogue";
import { getTranslations } from "next-intl/server";
import { targetLabel } from "@/components/dashboard/tables";
import { parseInput } from "@/server/validate";
import { ZRetentionEdit } from "@/schemas/catalogue-edit";
import { changeRetention } from "@/server/services/retention";

type Edit<S extends z.ZodType> = (options: { user: Awaited<ReturnType<typeof getCurrentUser>>; input: z.output<S>; now: Date }) => Promise<void>;

async function handle<S extends z.ZodType>(locale: Locale, schema: S, run: Edit<S>, previous: ConsoleFormState, form: FormData, notice: { fr: string; en: string }): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => run({ user: await getCurrentUser(), input: parseInput(schema, values), now: await getNow() }));
  if (result.ok) revalidatePath(`/${locale}/gestion/catalogue`);
  return { seq: previous.seq + 1, ok: result.ok, values, failure: result.ok ? null : result, notice: result.ok ? notice[locale] : null };
}

export async function mailboxAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZMailboxEdit, saveMailbox, previous, form, { fr: "Boîte aux lettres enregistrée.", en: "Mailbox saved." });
}

export async function lineAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZPhoneLineEdit, savePhoneLine, previous, form, { fr: "Ligne téléphonique enregistrée.", en: "Telephone line saved." });
}

export async function deleteLineAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZPhoneLineDelete, removePhoneLine, previous, form, { fr: "Ligne téléphonique retirée : le système téléphonique ne peut plus y rapporter d'appels.", en: "Telephone line removed: the telephone system can no longer report calls on it." });
}

export async function deleteMailboxAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZMailboxDelete, removeMailbox, previous, form, { fr: "Boîte aux lettres retirée : le récepteur refuse désormais ce destinataire.", en: "Mailbox removed: the receiver now refuses this recipient." });
}

export async function addHolidayAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZHolidayAdd, addHoliday, previous, form, { fr: "Jour férié ajouté : les requêtes reçues à partir de maintenant en tiennent compte.", en: "Holiday added: requests received from now on take it into account." });
}

export async function moveHolidayAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZHolidayMove, moveHoliday, previous, form, { fr: "Jour férié déplacé.", en: "Holiday moved." });
}

export async function deleteHolidayAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZHolidayDelete, deleteHoliday, previous, form, { fr: "Jour férié supprimé.", en: "Holiday deleted." });
}

export async function generateYearAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZHolidayYear, generateHolidayYear, previous, form, { fr: "Jours fériés de l'année enregistrés.", en: "The year's holidays are stored." });
}

/** Hours: "preview" shows each commitment's due instant for a request received now, before and after; "save" also saves them. */
export async function hoursAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const now = await getNow();
  const result = await runAction(locale, async () => editCalendarHours({ user: await getCurrentUser(), input: parseInput(ZCalendarHours, values), now }));
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  if (result.data.saved) revalidatePath(`/${locale}/gestion/catalogue`);
  const [catalogue, t] = await Promise.all([getCatalogue(), getTranslations({ locale, namespace: "Dashboard" })]);
  const tr = (key: string, v?: Record<string, string | number>) => t(key as "title", v as never);
  const arrow = (before: number | null, after: number | null) => beforeAfter(before, after, locale);
  const { status, targets } = result.data.impact;
  const opening = (s: typeof status.before) => (s.open ? now.getTime() : s.nextOpening);
  const lines = [
    `${locale === "fr" ? "Ouverture (maintenant ou prochaine) :" : "Opening (now or next):"} ${arrow(opening(status.before), opening(status.after))}`,
    ...targets.map(({ target, before, after }) => `${targetLabel({ key: target.id }, catalogue, tr, locale)}${locale === "fr" ? " :" : ":"} ${arrow(before, after)}`),
  ];
  const head = result.data.saved
    ? { fr: "Heures enregistrées : elles valent pour les requêtes reçues à partir de maintenant.", en: "Hours saved: they apply to requests received from now on." }
    : { fr: "Aperçu — échéance d'une requête reçue maintenant, avant → après :", en: "Preview — due instant of a request received now, before → after:" };
  // A preview keeps the typed hours in the form; a save shows the saved ones.
  return { seq: previous.seq + 1, ok: result.data.saved, values, failure: null, notice: [head[locale], ...lines].join("\n") };
}

/**
 * A commitment: "preview" shows a request received now's due and at-risk instants before → after
 * (and the channels gaining or losing it); "save" also saves. A conflict says what is stored now.
 */
export async function targetAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const now = await getNow();
  const result = await runAction(locale, async () => editTarget({ user: await getCurrentUser(), input: parseInput(ZTargetEdit, values), now }));
  const [catalogue, t] = await Promise.all([getCatalogue(), getTranslations({ locale })]);
  const tr = (key: string, v?: Record<string, string | number>) => t(key as "Catalogue.title", v as never);
  if (!result.ok) {
    const current = result.details.current as (Pick<TargetDefinition, "amount" | "unit" | "clock" | "calendarId" | "channels">) | undefined;
    if (current) revalidatePath(`/${locale}/gestion/catalogue`);
    const failure = current ? { ...result, message: `${result.message} ${tr("Catalogue.targetNow", { definition: describeTarget(current, catalogue, tr, locale) })}` } : result;
    return { seq: previous.seq + 1, ok: false, values, failure, notice: null };
  }
  if (result.data.saved) revalidatePath(`/${locale}/gestion/catalogue`);
  const arrow = ({ before, after }: { before: number; after: number }) => beforeAfter(before, after, locale);
  const { impact } = result.data;
  const channel = (c: string) => catalogue.channelLabels[c]?.[locale] ?? c;
  const fr = locale === "fr";
  const lines = [
    describeTarget(result.data.target, catalogue, tr, locale),
    `${fr ? "Échéance :" : "Due:"} ${arrow(impact.dueAt)}`,
    `${fr ? "À risque dès :" : "At risk from:"} ${arrow(impact.riskAt)}`,
    ...(impact.channelsAdded.length ? [`${fr ? "S'applique désormais aussi à :" : "Now also applies to:"} ${impact.channelsAdded.map(channel).join(", ")}`] : []),
    ...(impact.channelsRemoved.length ? [`${fr ? "Ne s'applique plus à :" : "No longer applies to:"} ${impact.channelsRemoved.map(channel).join(", ")}`] : []),
  ];
  const head = result.data.unchanged
    ? { fr: "Aucun changement : l'engagement est déjà ainsi.", en: "No change: the commitment is already so." }
    : result.data.saved
    ? { fr: "Engagement enregistré : il vaut pour les requêtes reçues à partir de maintenant; les échéances déjà fixées et les promesses faites ne changent pas.", en: "Commitment saved: it applies to requests received from now on; due instants already set and promises made do not change." }
    : { fr: "Aperçu — pour une requête reçue maintenant, avant → après :", en: "Preview — for a request received now, before → after:" };
  return { seq: previous.seq + 1, ok: result.data.saved, values, failure: null, notice: [head[locale], ...lines].join("\n") };
}

export async function retentionAction(locale: Locale, previous: ConsoleFormState, form: FormData) {
  return handle(locale, ZRetentionEdit, ({ user, input, now }) => changeRetention({ user, serviceId: input.serviceId, days: input.days, now }), previous, form, {
    fr: "Délai de conservation enregistré : le travail quotidien l'applique dès cette nuit.",
    en: "Retention period saved: the daily job applies it from tonight.",
  });
}
