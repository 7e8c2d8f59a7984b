"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/** `notifications`: an agent's unread count (null for everyone else, who has none). */
export function AccountMenu({ name, notifications = null }: { name: string | null; notifications?: number | null }) {
  const t = useTranslations("Account");
  const linkClass = "rounded px-3 py-2 text-sm font-semibold text-white underline-offset-4 hover:underline";
  if (!name) {
    return (
      <Link href="/connexion" className={linkClass}>
        {t("signIn")}
      </Link>
    );
  }
  return (
    <>
      {notifications !== null && (
        <Link href="/console/notifications" className={linkClass} data-testid="notifications-link">
          {t("notifications")}
          {notifications > 0 && (
            <span className="ml-1 rounded-full bg-white px-2 py-0.5 text-xs font-bold text-qc-navy">
              {notifications}
              <span className="sr-only"> {t("unread")}</span>
            </span>
          )}
        </Link>
      )}
      <Link href="/espace" className={linkClass}>
        {t("space")}
      </Link>
      <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className={linkClass}>
        {t("signOut")}
      </button>
    </>
  );
}
