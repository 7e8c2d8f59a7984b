"use server";
// Server actions of the MO request pages of both centres (their threads).
import { revalidatePath } from "next/cache";
import { CENTRE_UI } from "@/components/centre/centre-ui";
import type { ReplyFormState } from "@/components/reply-form";
import type { MoCentre } from "@/domain/requests/mo-request";
import type { Locale } from "@/i18n/routing";
import { ZRequesterReplyInput } from "@/schemas/inquiry";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { filesFromForm } from "@/server/http/form-files";
import { runAction } from "@/server/http/server-action";
import { replyToMoRequest } from "@/server/services/reply-to-mo-request";
import { parseInput } from "@/server/validate";

export async function replyAsMo(locale: Locale, centre: MoCentre, number: string, _previous: ReplyFormState, form: FormData): Promise<ReplyFormState> {
  const message = String(form.get("message") ?? "");
  const result = await runAction(locale, async () =>
    replyToMoRequest({ user: await getCurrentUser(), centre, number, input: parseInput(ZRequesterReplyInput, { message }), now: await getNow(), files: await filesFromForm(form) }),
  );
  if (result.ok) revalidatePath(`/${locale}${CENTRE_UI[centre].list}/${number}`);
  return result.ok ? { sent: true, message: "", failure: null } : { sent: false, message, failure: result };
}
