"use client";
// The same page in the other language: French has no prefix, English lives under /en. The words
// come from the layout (no message library in the browser); the path is the browser's own.
import { usePathname } from "next/navigation";
import { otherLanguagePath } from "@/i18n/locale-path";

export function LanguageSwitch({ locale, label, ariaLabel }: { locale: "fr" | "en"; label: string; ariaLabel: string }) {
  const pathname = usePathname() ?? "/";
  const other = locale === "fr" ? "en" : "fr";
  return (
    <a
      href={otherLanguagePath(pathname, locale)}
      hrefLang={other === "fr" ? "fr-CA" : "en-CA"}
      lang={other === "fr" ? "fr-CA" : "en-CA"}
      aria-label={ariaLabel}
      className="rounded px-3 py-2 text-sm font-semibold text-white underline-offset-4 hover:underline"
    >
      {label}
    </a>
  );
}
