"use server";
import { revalidatePath } from "next/cache";
import type { MemberFormState } from "@/components/member-form";
import type { Locale } from "@/i18n/routing";
import { ZUpdateMemberInput } from "@/schemas/pilot";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { runAction } from "@/server/http/server-action";
import { updateMember } from "@/server/services/manage-members";
import { parseInput } from "@/server/validate";

export async function saveMember(locale: Locale, _previous: MemberFormState, form: FormData): Promise<MemberFormState> {
  const input = { userId: form.get("userId"), active: form.get("active") ?? false, services: form.getAll("services") };
  const result = await runAction(locale, async () =>
    updateMember({ user: await getCurrentUser(), input: parseInput(ZUpdateMemberInput, input), now: await getNow() }),
  );
  if (result.ok) revalidatePath(`/${locale}/pilote/utilisateurs`);
  return { saved: result.ok, failure: result.ok ? null : result };
}
