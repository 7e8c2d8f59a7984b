"use server";
// The admin's accounts page: invite, renew an invitation, save one account's access. Each action
// validates with the form's schema and the service checks the role.
import { revalidatePath } from "next/cache";
import type { InviteFormState } from "@/components/invite-form";
import type { MemberFormState } from "@/components/member-form";
import type { Locale } from "@/i18n/routing";
import { ZStaffInviteInput, ZStaffUpdateInput } from "@/schemas/admin";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { invitationLinkOf } from "@/server/http/invitation-link";
import { publicBaseUrl } from "@/server/http/public-url";
import { runAction } from "@/server/http/server-action";
import { inviteStaff, renewStaffInvitation, updateStaff } from "@/server/services/administer-staff";
import { parseInput } from "@/server/validate";

const PAGE = "/admin/personnel";

export async function inviteStaffAction(locale: Locale, _previous: InviteFormState, form: FormData): Promise<InviteFormState> {
  const services = form.getAll("services").map(String);
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role: String(form.get("role") ?? ""), organizationId: String(form.get("organizationId") ?? "") };
  const result = await runAction(locale, async () =>
    inviteStaff({ user: await getCurrentUser(), input: parseInput(ZStaffInviteInput, { ...values, services }), now: await getNow(), mail: { baseUrl: await publicBaseUrl(), locale } }),
  );
  if (!result.ok) return { values: { ...values, services: services.join(",") }, failure: result, invitation: null };
  revalidatePath(`/${locale}${PAGE}`);
  return { values: {}, failure: null, invitation: await invitationLinkOf(locale, values.name.trim(), result.data) };
}

export async function renewStaffInvitationAction(locale: Locale, name: string, _previous: InviteFormState, form: FormData): Promise<InviteFormState> {
  const userId = String(form.get("userId") ?? "");
  const result = await runAction(locale, async () => renewStaffInvitation({ user: await getCurrentUser(), userId, now: await getNow(), mail: { baseUrl: await publicBaseUrl(), locale } }));
  if (!result.ok) return { values: {}, failure: result, invitation: null };
  return { values: {}, failure: null, invitation: await invitationLinkOf(locale, name, result.data) };
}

export async function saveStaffAction(locale: Locale, _previous: MemberFormState, form: FormData): Promise<MemberFormState> {
  const input = { userId: form.get("userId"), active: form.get("active") ?? false, services: form.getAll("services") };
  const result = await runAction(locale, async () => updateStaff({ user: await getCurrentUser(), input: parseInput(ZStaffUpdateInput, input), now: await getNow() }));
  if (result.ok) revalidatePath(`/${locale}${PAGE}`);
  return { saved: result.ok, failure: result.ok ? null : result };
}
