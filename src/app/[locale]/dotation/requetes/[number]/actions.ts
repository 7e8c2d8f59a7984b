"use server";
import { revalidatePath } from "next/cache";
import type { ReplyFormState } from "@/components/reply-form";
import type { Locale } from "@/i18n/routing";
import { ZRequesterReplyInput } from "@/schemas/inquiry";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { runAction } from "@/server/http/server-action";
import { replyToMoRequest } from "@/server/services/reply-to-mo-request";
import { parseInput } from "@/server/validate";

export async function replyAsMo(locale: Locale, number: string, _previous: ReplyFormState, form: FormData): Promise<ReplyFormState> {
  const message = String(form.get("message") ?? "");
  const result = await runAction(locale, async () =>
    replyToMoRequest({ user: await getCurrentUser(), number, input: parseInput(ZRequesterReplyInput, { message }), now: await getNow() }),
  );
  if (result.ok) revalidatePath(`/${locale}/dotation/requetes/${number}`);
  return result.ok ? { sent: true, message: "", failure: null } : { sent: false, message, failure: result };
}
