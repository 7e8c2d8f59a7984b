// The header's account links: sign in, or the person's space, an agent's unread notifications and
// sign out. Rendered on the server: only the sign-out button runs in the browser.
import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { SignOutButton } from "@/components/sign-out-button";
import type { Locale } from "@/i18n/routing";

/** `notifications`: an agent's unread count (null for everyone else, who has none); `communiques`: an MO person's unread communiqués (null for staff). */
export async function AccountMenu({ name, locale, notifications = null, communiques = null }: { name: string | null; locale: Locale; notifications?: number | null; communiques?: number | null }) {
  const t = await getTranslations("Account");
  const linkClass = "rounded px-3 py-2 text-sm font-semibold text-white underline-offset-4 hover:underline";
  if (!name) {
    return (
      <LocaleLink href="/connexion" locale={locale} className={linkClass}>
        {t("signIn")}
      </LocaleLink>
    );
  }
  return (
    <>
      {notifications !== null && (
        <LocaleLink href="/console/notifications" locale={locale} className={linkClass} data-testid="notifications-link">
          {t("notifications")}
          {notifications > 0 && (
            <span className="ml-1 rounded-full bg-white px-2 py-0.5 text-xs font-bold text-qc-navy">
              {notifications}
              <span className="sr-only"> {t("unread")}</span>
            </span>
          )}
        </LocaleLink>
      )}
      {communiques !== null && (
        <LocaleLink href="/communiques" locale={locale} className={linkClass} data-testid="communiques-link">
          {t("communiques")}
          {communiques > 0 && (
            <span className="ml-1 rounded-full bg-white px-2 py-0.5 text-xs font-bold text-qc-navy" data-testid="communiques-unread">
              {communiques}
              <span className="sr-only"> {t("unread")}</span>
            </span>
          )}
        </LocaleLink>
      )}
      <LocaleLink href="/espace" locale={locale} className={linkClass}>
        {t("space")}
      </LocaleLink>
      <SignOutButton label={t("signOut")} className={linkClass} home={locale === "fr" ? "/" : "/en"} />
    </>
  );
}
