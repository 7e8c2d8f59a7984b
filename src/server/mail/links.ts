import "server-only";
// A page's path in a language: French has no prefix, English lives under /en (src/i18n/routing.ts).
export function localePath(path: string, locale: "fr" | "en"): string {
  return locale === "en" ? `/en${path}` : path;
}
