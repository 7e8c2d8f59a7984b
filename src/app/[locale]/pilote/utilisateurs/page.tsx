import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { InviteForm } from "@/components/invite-form";
import { MemberForm } from "@/components/member-form";
import { RenewInvitationForm } from "@/components/renew-invitation-form";
import { INVITABLE_ROLES } from "@/schemas/pilot";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCatalogue } from "@/server/services/get-catalogue";
import { listMembers } from "@/server/services/manage-members";
import { inviteMemberAction, renewInvitationAction, saveMember, saveMemberGroupsAction } from "./actions";
import { ActionForm, SubmitButton } from "@/components/console/action-form";
import { CheckboxGroup } from "@/components/console/checkbox-group";
import { SAGIR_GROUP_LABELS, SAGIR_GROUPS } from "@/domain/communiques/communiques";
import { groupsOfMembers } from "@/server/services/communiques";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Pilot" }))("title"), robots: { index: false } };
}

export default async function MembersPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const t = await getTranslations("Pilot");
  const ta = await getTranslations("Account");
  if (user.role !== "mo_pilot") {
    return (
      <p role="alert" className="max-w-2xl rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="forbidden">
        {t("forbidden")}
      </p>
    );
  }
  const { organization, members } = await listMembers({ user });
  const { profiles } = await getCatalogue();
  const tcom = await getTranslations("Communiques");
  const groups = await groupsOfMembers(members.map((m) => m.id));
  const labelled = (ids: string[]) => ids.map((id) => ({ id, label: profiles.find((p) => p.serviceId === id)?.shortName[locale] ?? id }));
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-slate-700">{t("intro", { organization })}</p>
      <ul className="mt-6 divide-y divide-slate-200" data-testid="members">
        {members.map((m) => (
          <li key={m.id} className="py-4">
            <p className="font-semibold">
              {m.name} {m.isSelf && <span className="font-normal text-slate-700">{t("self")}</span>}
            </p>
            <p className="text-slate-700">
              {m.email} · {ta(`roles.${m.role}` as "roles.admin")}
              {m.invited && <span className="ml-2 rounded bg-qc-pale px-2 py-0.5 text-sm font-semibold text-qc-navy">{t("pending")}</span>}
              {!m.active && (
                <span className="ml-2 rounded bg-slate-700 px-2 py-0.5 text-sm font-semibold text-white" data-testid="member-disabled">
                  {t("disabled")}
                </span>
              )}
            </p>
            <div className="mt-2">
              <MemberForm action={saveMember.bind(null, locale)} member={m} offered={labelled(m.offered)} />
            </div>
            {(m.role === "sagir_user" || m.role === "mo_pilot") && m.services.includes("sagir") && (
              <details className="mt-2" data-testid="member-groups">
                <summary className="cursor-pointer font-semibold text-qc-blue">
                  {tcom("memberGroups")} ({(groups.get(m.id) ?? []).length})
                </summary>
                <ActionForm action={saveMemberGroupsAction.bind(null, locale)} label={`${tcom("memberGroups")} — ${m.name}`} className="mt-2 space-y-2">
                  <input type="hidden" name="userId" value={m.id} />
                  <CheckboxGroup
                    name="groups"
                    legend={tcom("memberGroupsLegend", { name: m.name })}
                    columns={2}
                    checked={groups.get(m.id) ?? []}
                    options={SAGIR_GROUPS.map((value) => ({ value, label: SAGIR_GROUP_LABELS[value][locale] }))}
                  />
                  <SubmitButton size="small" variant="secondary">{tcom("saveGroups")}</SubmitButton>
                </ActionForm>
              </details>
            )}
            {m.invited && <RenewInvitationForm action={renewInvitationAction.bind(null, locale, m.name)} userId={m.id} />}
          </li>
        ))}
      </ul>
      <section className="mt-8 border-t border-slate-300 pt-6" aria-labelledby="inviter">
        <h2 id="inviter" className="text-2xl font-semibold text-qc-navy">{t("inviteTitle")}</h2>
        <p className="mt-2 max-w-3xl text-slate-700">{t("inviteIntro")}</p>
        <InviteForm
          action={inviteMemberAction.bind(null, locale)}
          roles={INVITABLE_ROLES.map((value) => ({ value, label: ta(`roles.${value}`) }))}
        />
      </section>
    </>
  );
}
