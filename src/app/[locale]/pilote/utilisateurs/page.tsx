import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MemberForm } from "@/components/member-form";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCatalogue } from "@/server/services/get-catalogue";
import { listMembers } from "@/server/services/manage-members";
import { saveMember } from "./actions";

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
  const { organization, offered, members } = await listMembers({ user });
  const { profiles } = await getCatalogue();
  const offeredLabels = offered.map((id) => ({ id, label: profiles.find((p) => p.serviceId === id)?.shortName[locale] ?? id }));
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
            </p>
            <div className="mt-2">
              <MemberForm action={saveMember.bind(null, locale)} member={m} offered={offeredLabels} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
