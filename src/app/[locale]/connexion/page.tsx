import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { signInErrorOf } from "@/components/sign-in-error";
import { SignInForm } from "@/components/sign-in-form";
import { SingleSignOnButton } from "@/components/single-sign-on-button";
import { getPathname, Link } from "@/i18n/navigation";
import { singleSignOnSettings } from "@/server/auth/single-sign-on";
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
  const sso = singleSignOnSettings();
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
      {sso && (
        <section aria-labelledby="sso-title" className="mt-6 max-w-md">
          <h2 id="sso-title" className="sr-only">
            {t("ssoTitle")}
          </h2>
          <SingleSignOnButton label={t("ssoButton", { name: sso.name ?? t("ssoDefaultName") })} callbackUrl={getPathname({ href: "/espace", locale })} />
          <p className="mt-6 flex items-center gap-3 text-slate-700" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-300" />
            {t("ssoOr")}
            <span className="h-px flex-1 bg-slate-300" />
          </p>
        </section>
      )}
      <SignInForm initialError={signInErrorOf(error)} />
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
