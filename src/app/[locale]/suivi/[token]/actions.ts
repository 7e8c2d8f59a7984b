"use server";
import { revalidatePath } from "next/cache";
import type { ReplyFormState } from "@/components/reply-form";
import type { Locale } from "@/i18n/routing";
import { ZRequesterReplyInput } from "@/schemas/inquiry";
import { getNow } from "@/server/clock";
import { filesFromForm } from "@/server/http/form-files";
import { runAction } from "@/server/http/server-action";
import { replyAsRequester } from "@/server/services/track-request";
import { parseInput } from "@/server/validate";

export async function replyToRequest(locale: Locale, token: string, _previous: ReplyFormState, form: FormData): Promise<ReplyFormState> {
  const message = String(form.get("message") ?? "");
  const result = await runAction(locale, async () =>
    replyAsRequester({ token, input: parseInput(ZRequesterReplyInput, { message }), now: await getNow(), files: await filesFromForm(form) }),
  );
  if (result.ok) revalidatePath(`/${locale}/suivi/${token}`);
  return result.ok ? { sent: true, message: "", failure: null } : { sent: false, message, failure: result };
}
