"use server";
import { redirect } from "next/navigation";
import type { SetPasswordFormState } from "@/components/set-password-form";
import { localePath } from "@/i18n/locale-path";
import type { Locale } from "@/i18n/routing";
import { ZSetPasswordInput } from "@/schemas/pilot";
import { getNow } from "@/server/clock";
import { runAction } from "@/server/http/server-action";
import { completePasswordReset } from "@/server/services/password-reset";
import { parseInput } from "@/server/validate";

export async function newPasswordAction(locale: Locale, token: string, _previous: SetPasswordFormState, form: FormData): Promise<SetPasswordFormState> {
  const input = { password: String(form.get("password") ?? ""), confirmation: String(form.get("confirmation") ?? "") };
  const result = await runAction(locale, async () => completePasswordReset({ token, input: parseInput(ZSetPasswordInput, input), now: await getNow() }));
  if (result.ok) redirect(localePath("/connexion?motdepasse=1", locale));
  return { failure: result };
}
