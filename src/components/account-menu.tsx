"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export function AccountMenu({ name }: { name: string | null }) {
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
      <Link href="/espace" className={linkClass}>
        {t("space")}
      </Link>
      <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className={linkClass}>
        {t("signOut")}
      </button>
    </>
  );
}
