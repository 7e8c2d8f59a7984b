import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { SetPasswordForm } from "@/components/set-password-form";
import type { Locale } from "@/i18n/routing";
import { getNow } from "@/server/clock";
import { readPasswordReset } from "@/server/services/password-reset";
import { newPasswordAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  // The token stays out of the referrer sent to any other site.
  return { title: (await getTranslations({ locale, namespace: "PasswordReset" }))("newTitle"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function NewPasswordPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("PasswordReset");
  const reset = await readPasswordReset({ token, now: await getNow() });
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("newTitle")}</h1>
      {reset ? (
        <>
          <p className="mt-3 max-w-2xl">{t("newIntro", { email: reset.email })}</p>
          <SetPasswordForm action={newPasswordAction.bind(null, locale, token)} email={reset.email} namespace="NewPassword" />
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 max-w-2xl rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="reset-invalid">
            {t("invalid")}
          </p>
          <p className="mt-4">
            <LocaleLink href="/connexion/mot-de-passe-oublie" locale={locale} className="text-qc-blue underline">
              {t("askAgain")}
            </LocaleLink>
          </p>
        </>
      )}
    </>
  );
}
