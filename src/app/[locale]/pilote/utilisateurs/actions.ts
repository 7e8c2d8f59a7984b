"use server";
import { revalidatePath } from "next/cache";
import type { InviteFormState } from "@/components/invite-form";
import type { MemberFormState } from "@/components/member-form";
import type { Locale } from "@/i18n/routing";
import { ZInviteMemberInput, ZUpdateMemberInput } from "@/schemas/pilot";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { invitationLinkOf } from "@/server/http/invitation-link";
import { publicBaseUrl } from "@/server/http/public-url";
import { runAction } from "@/server/http/server-action";
import { inviteMember, renewMemberInvitation } from "@/server/services/manage-members";
import { updateMember } from "@/server/services/manage-members";
import { parseInput } from "@/server/validate";
import type { ConsoleFormState } from "@/components/console/action-form";
import { ZMemberGroups } from "@/schemas/communique";
import { setMemberGroups } from "@/server/services/communiques";

export async function saveMember(locale: Locale, _previous: MemberFormState, form: FormData): Promise<MemberFormState> {
  const input = { userId: form.get("userId"), active: form.get("active") ?? false, services: form.getAll("services") };
  const result = await runAction(locale, async () =>
    updateMember({ user: await getCurrentUser(), input: parseInput(ZUpdateMemberInput, input), now: await getNow() }),
  );
  if (result.ok) revalidatePath(`/${locale}/pilote/utilisateurs`);
  return { saved: result.ok, failure: result.ok ? null : result };
}

export async function inviteMemberAction(locale: Locale, _previous: InviteFormState, form: FormData): Promise<InviteFormState> {
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
  const result = await runAction(locale, async () =>
    inviteMember({ user: await getCurrentUser(), input: parseInput(ZInviteMemberInput, values), now: await getNow(), mail: { baseUrl: await publicBaseUrl(), locale } }),
  );
  if (!result.ok) return { values, failure: result, invitation: null };
  revalidatePath(`/${locale}/pilote/utilisateurs`);
  return { values: {}, failure: null, invitation: await invitationLinkOf(locale, values.name.trim(), result.data) };
}

export async function renewInvitationAction(locale: Locale, name: string, _previous: InviteFormState, form: FormData): Promise<InviteFormState> {
  const userId = String(form.get("userId") ?? "");
  const result = await runAction(locale, async () => renewMemberInvitation({ user: await getCurrentUser(), userId, now: await getNow(), mail: { baseUrl: await publicBaseUrl(), locale } }));
  if (!result.ok) return { values: {}, failure: result, invitation: null };
  return { values: {}, failure: null, invitation: await invitationLinkOf(locale, name, result.data) };
}

/** The SAGIR groups of one person of the MO (the communiqués' audiences). */
export async function saveMemberGroupsAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const groups = form.getAll("groups").filter((v): v is string => typeof v === "string");
  const values = { userId: String(form.get("userId") ?? ""), groups: groups.join("\n") };
  const result = await runAction(locale, async () =>
    setMemberGroups({ user: await getCurrentUser(), input: parseInput(ZMemberGroups, { userId: values.userId, groups }), now: await getNow() }),
  );
  if (result.ok) revalidatePath(`/${locale}/pilote/utilisateurs`);
  return { seq: previous.seq + 1, ok: result.ok, values, failure: result.ok ? null : result, notice: result.ok ? (locale === "fr" ? "Groupes enregistrés." : "Groups saved.") : null };
}
