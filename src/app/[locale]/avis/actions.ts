"use server";
// The satisfaction answer: from the e-mail's single-use link, the tracking page, or the signed-in requester's page.
import type { SatisfactionFormState } from "@/components/satisfaction-form";
import type { Locale } from "@/i18n/routing";
import { ZSatisfactionAnswer } from "@/schemas/guides";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { formValues, runAction } from "@/server/http/server-action";
import { answerSatisfaction, type SatisfactionKey } from "@/server/services/satisfaction";
import { parseInput } from "@/server/validate";

type KeyRef = { link: string } | { tracking: string } | { number: string };

/** The page is not refreshed: the form says thanks in place (a reload shows the answer given). */
export async function answerSatisfactionAction(locale: Locale, ref: KeyRef, _previous: SatisfactionFormState, form: FormData): Promise<SatisfactionFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const key: SatisfactionKey = "number" in ref ? { user: await getCurrentUser(), number: ref.number } : ref;
    await answerSatisfaction({ key, input: parseInput(ZSatisfactionAnswer, { satisfied: values.satisfied, comment: values.comment }), now: await getNow() });
  });
  return { done: result.ok, values, failure: result.ok ? null : result };
}
