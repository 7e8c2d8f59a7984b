"use server";
// Marking an agent's notifications read: one, or all of them.
import { revalidatePath } from "next/cache";
import type { ConsoleFormState } from "@/components/console/action-form";
import type { Locale } from "@/i18n/routing";
import { ZNotificationsRead } from "@/schemas/notifications";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { formValues, runAction } from "@/server/http/server-action";
import { markNotificationsRead } from "@/server/services/notifications";
import { parseInput } from "@/server/validate";

export async function markReadAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const input = parseInput(ZNotificationsRead, values);
    return markNotificationsRead(await getCurrentUser(), input.id === "all" ? "all" : [input.id], await getNow());
  });
  if (result.ok) revalidatePath(`/${locale}`, "layout");
  return { seq: previous.seq + 1, ok: result.ok, values, failure: result.ok ? null : result, notice: null };
}
