"use server";
// Server actions of the holiday editor: the form parsed with its schema, the use case (which
// checks the editor), what was typed given back on a refusal.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ConsoleFormState } from "@/components/console/action-form";
import type { Locale } from "@/i18n/routing";
import { ZCalendarHours, ZHolidayAdd, ZHolidayDelete, ZHolidayMove, ZHolidayYear } from "@/schemas/catalogue-edit";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { formValues, runAction } from "@/server/http/server-action";
import { addHoliday, deleteHoliday, generateHolidayYear, moveHoliday } from "@/server/services/edit-holidays";
import { editCalendarHours } from "@/server/services/edit-hours";
import { formatDateTime } from "@/i18n/format";
import { getCatalogue } from "@/server/services/get-catalogue";
import { getTranslations } from "next-intl/server";
import { targetLabel } from "@/components/dashboard/tables";
import { parseInput } from "@/server/validate";

type Edit<S extends z.ZodType> = (options: { user: Awaited<ReturnType<typeof getCurrentUser>>; input: z.output<S>; now: Date }) => Promise<void>;

async function handle<S extends z.ZodType>(locale: Locale, schema: S, run: Edit<S>, previous: ConsoleFormState, form: FormData, notice: { fr: string; en: string }): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => run({ user: await getCurrentUser(), input: parseInput(schema, values), now: await getNow() }));
  if (result.ok) revalidatePath(`/${locale}/gestion/catalogue`);
  return { seq: previous.seq + 1, ok: result.ok, values, failure: result.ok ? null : result, notice: result.ok ? notice[locale] : null };
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
  const when = (ms: number) => formatDateTime(ms, locale);
  const unchanged = locale === "fr" ? "inchangée" : "unchanged";
  const arrow = (before: number | null, after: number | null) => `${before === null ? "—" : when(before)} → ${before === after ? unchanged : after === null ? "—" : when(after)}`;
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
