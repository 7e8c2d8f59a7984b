"use server";
import { redirect } from "next/navigation";
import type { SetPasswordFormState } from "@/components/set-password-form";
import type { Locale } from "@/i18n/routing";
import { ZSetPasswordInput } from "@/schemas/pilot";
import { getNow } from "@/server/clock";
import { runAction } from "@/server/http/server-action";
import { completeInvitation } from "@/server/services/manage-members";
import { parseInput } from "@/server/validate";

export async function setPasswordAction(locale: Locale, token: string, _previous: SetPasswordFormState, form: FormData): Promise<SetPasswordFormState> {
  const input = { password: String(form.get("password") ?? ""), confirmation: String(form.get("confirmation") ?? "") };
  const result = await runAction(locale, async () => completeInvitation({ token, input: parseInput(ZSetPasswordInput, input), now: await getNow() }));
  if (result.ok) redirect(`${locale === "en" ? "/en" : ""}/connexion?invitation=1`);
  return { failure: result };
}
