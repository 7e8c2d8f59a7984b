import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SetPasswordForm } from "@/components/set-password-form";
import type { Locale } from "@/i18n/routing";
import { getNow } from "@/server/clock";
import { readInvitation } from "@/server/services/manage-members";
import { setPasswordAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  // The token stays out of the referrer sent to any other site.
  return { title: (await getTranslations({ locale, namespace: "Invitation" }))("title"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Invitation");
  const invitation = await readInvitation({ token, now: await getNow() });
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      {invitation ? (
        <>
          <p className="mt-3 max-w-2xl">{t("intro", { name: invitation.name, email: invitation.email })}</p>
          <SetPasswordForm action={setPasswordAction.bind(null, locale, token)} email={invitation.email} />
        </>
      ) : (
        <p role="alert" className="mt-4 max-w-2xl rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="invitation-invalid">
          {t("invalid")}
        </p>
      )}
    </>
  );
}
