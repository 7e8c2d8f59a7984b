import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/forgot-password-form";
import { LocaleLink } from "@/components/locale-link";
import type { Locale } from "@/i18n/routing";
import { forgotPasswordAction } from "./actions";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "PasswordReset" }))("title") };
}

export default async function ForgotPasswordPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("PasswordReset");
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3 max-w-2xl text-slate-700">{t("intro")}</p>
      <ForgotPasswordForm action={forgotPasswordAction.bind(null, locale)} />
      <p className="mt-8 max-w-2xl text-slate-700">
        <LocaleLink href="/services/ca-dotation/candidate" locale={locale} className="text-qc-blue underline">
          {t("candidates")}
        </LocaleLink>
      </p>
    </>
  );
}
