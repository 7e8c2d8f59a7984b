"use client";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";

export function LanguageSwitch() {
  const t = useTranslations("Layout");
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "fr" ? "en" : "fr";
  return (
    <Link
      href={pathname}
      locale={other}
      lang={other === "fr" ? "fr-CA" : "en-CA"}
      aria-label={t("switchLanguageLabel")}
      className="rounded px-3 py-2 text-sm font-semibold text-white underline-offset-4 hover:underline"
    >
      {t("switchLanguage")}
    </Link>
  );
}
