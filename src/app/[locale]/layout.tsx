import "@fontsource-variable/inter";
import "../globals.css";
import type { Metadata } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { LanguageSwitch } from "@/components/language-switch";
import { Link } from "@/i18n/navigation";
import { LANGUAGE_TAG, routing } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { unreadNotifications } from "@/server/services/notifications";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : "fr", namespace: "Layout" });
  return {
    title: { default: t("appName"), template: `%s — ${t("appName")}` },
    description: t("tagline"),
    icons: { icon: "/favicon.svg" },
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Layout");
  const user = await getCurrentUser();
  return (
    <html lang={LANGUAGE_TAG[locale]}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <NextIntlClientProvider>
          <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
            {t("skipToContent")}
          </a>
          <header className="site-chrome bg-qc-navy text-white">
            <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
              <Link href="/" className="flex flex-col leading-tight">
                <span className="text-xl font-bold">{t("appName")}</span>
                <span className="text-sm text-slate-200">{t("tagline")}</span>
              </Link>
              <nav aria-label={t("home")} className="flex flex-wrap items-center gap-1">
                <AccountMenu name={user?.name ?? null} notifications={user?.role === "agent" ? await unreadNotifications(user) : null} />
                <LanguageSwitch />
              </nav>
            </div>
          </header>
          <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="site-chrome border-t border-slate-200 bg-slate-50 text-sm text-slate-700">
            <div className="mx-auto max-w-5xl space-y-1 px-4 py-4">
              <p>{t("footerLine")}</p>
              <p>{t("footerNote")}</p>
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
