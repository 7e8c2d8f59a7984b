"use server";
// Server actions of the managers' second-level page: the form parsed with its schema, the use case
// (which checks the manager of the service), what was typed given back on a refusal.
import { revalidatePath } from "next/cache";
import type { ConsoleFormState } from "@/components/console/action-form";
import type { Locale } from "@/i18n/routing";
import { ZContactInput, ZContactUpdate, ZReviewSetting } from "@/schemas/second-level";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { formValues, runAction } from "@/server/http/server-action";
import { changeReviewSetting } from "@/server/services/quality-review";
import { addContact, changeContact } from "@/server/services/second-level";
import { parseInput } from "@/server/validate";

async function handle(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData, run: (values: Record<string, string>, user: Awaited<ReturnType<typeof getCurrentUser>>, now: Date) => Promise<unknown>, notice: { fr: string; en: string }): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => run(values, await getCurrentUser(), await getNow()));
  if (result.ok) revalidatePath(`/${locale}/gestion/second-niveau/${serviceId}`);
  return { seq: previous.seq + 1, ok: result.ok, values: result.ok ? {} : values, failure: result.ok ? null : result, notice: result.ok ? notice[locale] : null };
}

export async function addContactAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, serviceId, previous, form, (v, user, now) => addContact({ user, serviceId, input: parseInput(ZContactInput, v), now }), { fr: "Intervenant ajouté.", en: "Contact added." });
}

export async function updateContactAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, serviceId, previous, form, (v, user, now) => changeContact({ user, serviceId, input: parseInput(ZContactUpdate, v), now }), { fr: "Intervenant enregistré.", en: "Contact saved." });
}

export async function reviewSettingAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, serviceId, previous, form, (v, user, now) => changeReviewSetting({ user, serviceId, value: parseInput(ZReviewSetting, v).reviewResolutions, now }), { fr: "Réglage enregistré.", en: "Setting saved." });
}
