"use server";
// Saving a canned reply: the form's schema, then the use case (which checks the service's manager).
import { revalidatePath } from "next/cache";
import type { ConsoleFormState } from "@/components/console/action-form";
import type { Locale } from "@/i18n/routing";
import { ZCannedReplyInput } from "@/schemas/canned-reply";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { formValues, runAction } from "@/server/http/server-action";
import { saveCannedReply } from "@/server/services/canned-replies";
import { parseInput } from "@/server/validate";

export async function saveCannedReplyAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () =>
    saveCannedReply({ user: await getCurrentUser(), serviceId, input: parseInput(ZCannedReplyInput, { ...values, active: form.get("active") ?? false }), now: await getNow() }),
  );
  if (result.ok) revalidatePath(`/${locale}/gestion/reponses/${serviceId}`);
  const notice = { fr: "Réponse préparée enregistrée.", en: "Canned reply saved." };
  // A new reply's form is emptied once saved (the reply is then listed above).
  return { seq: previous.seq + 1, ok: result.ok, values: result.ok ? {} : values, failure: result.ok ? null : result, notice: result.ok ? notice[locale] : null };
}
