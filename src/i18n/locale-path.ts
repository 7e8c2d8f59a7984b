// A page's path in a language: French has no prefix, English lives under /en (src/i18n/routing.ts,
// which maps no path names). Used by links rendered without next-intl's client Link, and by e-mails.
export function localePath(path: string, locale: "fr" | "en"): string {
  if (locale === "fr" || !path.startsWith("/")) return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** The language an Accept-Language header asks for first: English if it starts with en, else French. */
export function acceptLanguageLocale(header: string | null | undefined): "fr" | "en" {
  return /^\s*en\b/i.test(header ?? "") ? "en" : "fr";
}

/** The same page in the other language, from the path the browser shows. */
export function otherLanguagePath(pathname: string, locale: "fr" | "en"): string {
  if (locale === "en") return pathname.replace(/^\/en(?=\/|$)/, "") || "/";
  return localePath(pathname, "en");
}
