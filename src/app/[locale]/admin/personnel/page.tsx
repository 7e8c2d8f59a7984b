import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { StaffInviteForm } from "@/components/admin/staff-invite-form";
import { MemberForm } from "@/components/member-form";
import { RenewInvitationForm } from "@/components/renew-invitation-form";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { STAFF_ROLES } from "@/schemas/admin";
import { getCurrentUser } from "@/server/auth/current-user";
import { listStaff } from "@/server/services/administer-staff";
import { getCatalogue } from "@/server/services/get-catalogue";
import { inviteStaffAction, renewStaffInvitationAction, saveStaffAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "AdminStaff" }))("title"), robots: { index: false } };
}

/** The admin's accounts: the centres' staff and the MOs' pilots; invitations by e-mail. */
export default async function StaffPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (user.role !== "admin") notFound();
  const [t, tp, ta, { accounts, organizations }, { profiles }] = await Promise.all([getTranslations("AdminStaff"), getTranslations("Pilot"), getTranslations("Account"), listStaff({ user }), getCatalogue()]);
  const centres = profiles.map((p) => ({ id: p.serviceId, label: p.shortName[locale] }));
  const labelled = (ids: string[]) => centres.filter((c) => ids.includes(c.id));
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-4xl text-slate-700">{t("intro")}</p>
      <section className="mt-6" aria-labelledby="comptes">
        <h2 id="comptes" className="text-2xl font-semibold text-qc-navy">
          {t("accounts", { count: accounts.length })}
        </h2>
        <div className="mt-3 relative overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="staff-accounts">
            <thead className="hidden md:table-header-group">
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="py-2 pr-4">{t("name")}</th>
                <th scope="col" className="py-2 pr-4">{t("role")}</th>
                <th scope="col" className="py-2 pr-4">{t("organization")}</th>
                <th scope="col" className="py-2">{t("access")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className="block border-b border-slate-200 py-2 align-top md:table-row md:py-0" data-testid={`staff-${a.email}`}>
                  <td className="block py-1 md:table-cell md:py-3 pr-4">
                    <span className="font-semibold">{a.name}</span> {a.isSelf && <span className="text-slate-700">{tp("self")}</span>}
                    <br />
                    <span className="break-all text-slate-700">{a.email}</span>
                    {a.invited && <span className="ml-2 rounded bg-qc-pale px-2 py-0.5 text-sm font-semibold text-qc-navy">{tp("pending")}</span>}
                    {!a.active && <span className="ml-2 rounded bg-slate-700 px-2 py-0.5 text-sm font-semibold text-white">{tp("disabled")}</span>}
                  </td>
                  <td className="block py-1 md:table-cell md:py-3 pr-4">{ta(`roles.${a.role}`)}</td>
                  <td className="block py-1 md:table-cell md:py-3 pr-4">{a.organization ?? "—"}</td>
                  <td className="block py-1 md:table-cell md:py-3">
                    <MemberForm action={saveStaffAction.bind(null, locale)} member={a} offered={labelled(a.offered)} />
                    {a.invited && <RenewInvitationForm action={renewStaffInvitationAction.bind(null, locale, a.name)} userId={a.id} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="mt-8 border-t border-slate-300 pt-6" aria-labelledby="inviter">
        <h2 id="inviter" className="text-2xl font-semibold text-qc-navy">{t("inviteTitle")}</h2>
        <p className="mt-2 max-w-4xl text-slate-700">{t("inviteIntro")}</p>
        <StaffInviteForm action={inviteStaffAction.bind(null, locale)} roles={STAFF_ROLES.map((value) => ({ value, label: ta(`roles.${value}`) }))} centres={centres} organizations={organizations} />
      </section>
    </>
  );
}
