"use server";
// Server actions of the holiday editor: the form parsed with its schema, the use case (which
// checks the editor), what was typed given back on a refusal.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ConsoleFormState } from "@/components/console/action-form";
import type { Locale } from "@/i18n/routing";
import { ZHolidayAdd, ZHolidayDelete, ZHolidayMove, ZHolidayYear } from "@/schemas/catalogue-edit";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { runAction } from "@/server/http/server-action";
import { addHoliday, deleteHoliday, generateHolidayYear, moveHoliday } from "@/server/services/edit-holidays";
import { parseInput } from "@/server/validate";

type Edit<S extends z.ZodType> = (options: { user: Awaited<ReturnType<typeof getCurrentUser>>; input: z.output<S>; now: Date }) => Promise<void>;

async function handle<S extends z.ZodType>(locale: Locale, schema: S, run: Edit<S>, previous: ConsoleFormState, form: FormData, notice: { fr: string; en: string }): Promise<ConsoleFormState> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
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
