import "@fontsource-variable/inter";
import "../globals.css";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { FormTextProvider } from "@/components/form-text";
import { LanguageSwitch } from "@/components/language-switch";
import { LocaleLink } from "@/components/locale-link";
import { isLocale, LANGUAGE_TAG } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { unreadNotifications } from "@/server/services/notifications";
import { unreadCommuniques } from "@/server/services/communiques";

const MO_ROLES = new Set(["mo_specialist", "sagir_user", "mo_pilot"]);

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "fr", namespace: "Layout" });
  return {
    title: { default: t("appName"), template: `%s — ${t("appName")}` },
    description: t("tagline"),
    icons: { icon: "/favicon.svg" },
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Layout");
  const tf = await getTranslations("Form");
  const user = await getCurrentUser();
  return (
    <html lang={LANGUAGE_TAG[locale]}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        {/* No next-intl client provider here: the public pages send no messages to the browser (see intl-client-layout.tsx). */}
        <FormTextProvider text={{ required: tf("required"), optional: tf("optional"), separator: locale === "fr" ? " : " : ": " }}>
          <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
            {t("skipToContent")}
          </a>
          <header className="site-chrome bg-qc-navy text-white">
            {/* Staff pages (console, management, administration: data-wide) use the screen's width. */}
            <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3 [body:has([data-wide])_&]:max-w-none [body:has([data-wide])_&]:lg:px-6">
              <LocaleLink href="/" locale={locale} className="flex flex-col leading-tight">
                <span className="text-xl font-bold">{t("appName")}</span>
                <span className="text-sm text-slate-200">{t("tagline")}</span>
              </LocaleLink>
              <nav aria-label={t("home")} className="flex flex-wrap items-center gap-1">
                <AccountMenu name={user?.name ?? null} locale={locale} notifications={user?.role === "agent" ? await unreadNotifications(user) : null}
                  communiques={user && MO_ROLES.has(user.role) ? await unreadCommuniques(user) : null}
                />
                <LanguageSwitch locale={locale} label={t("switchLanguage")} ariaLabel={t("switchLanguageLabel")} />
              </nav>
            </div>
          </header>
          <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 [body:has([data-wide])_&]:max-w-none [body:has([data-wide])_&]:py-4 [body:has([data-wide])_&]:lg:px-6">
            {children}
          </main>
          <footer className="site-chrome border-t border-slate-200 bg-slate-50 text-sm text-slate-700">
            <div className="mx-auto max-w-5xl space-y-1 px-4 py-4 [body:has([data-wide])_&]:max-w-none [body:has([data-wide])_&]:lg:px-6">
              <p>{t("footerLine")}</p>
              <p>{t("footerNote")}</p>
            </div>
          </footer>
        </FormTextProvider>
      </body>
    </html>
  );
}
