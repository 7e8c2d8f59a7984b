import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/sign-in-form";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ error?: string; invitation?: string; motdepasse?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "SignIn" }))("title") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { error, invitation, motdepasse } = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations("SignIn");
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3 max-w-2xl text-slate-700">{t("intro")}</p>
      {invitation === "1" && (
        <p role="status" className="mt-4 max-w-md rounded-lg border-l-4 border-ok bg-ok-pale p-3" data-testid="invited">
          {t("invited")}
        </p>
      )}
      {motdepasse === "1" && (
        <p role="status" className="mt-4 max-w-md rounded-lg border-l-4 border-ok bg-ok-pale p-3" data-testid="password-changed">
          {t("passwordChanged")}
        </p>
      )}
      <SignInForm initialError={error === "AccountDisabled" ? "disabled" : error?.startsWith("SignInThrottled:") ? error : error ? "invalid" : null} />
      <p className="mt-4">
        <Link href="/connexion/mot-de-passe-oublie" className="text-qc-blue underline" data-testid="forgot-link">
          {t("forgot")}
        </Link>
      </p>
      <p className="mt-8 max-w-2xl text-slate-700">
        <Link href="/services/ca-dotation/candidate" className="text-qc-blue underline">
          {t("candidates")}
        </Link>
      </p>
    </>
  );
}
