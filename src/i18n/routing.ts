import { defineRouting } from "next-intl/routing";

// French is the default and has no prefix (/services/sagir); English lives under /en.
export const routing = defineRouting({
  locales: ["fr", "en"],
  defaultLocale: "fr",
  localePrefix: "as-needed",
  localeDetection: false,
  // Nothing reads a remembered locale (no detection): no cookie, so the public pages set none and can be cached.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

/** BCP 47 tag for <html lang> and Intl formatting. */
export const LANGUAGE_TAG: Record<Locale, string> = { fr: "fr-CA", en: "en-CA" };

/**
 * Whether a path segment is one of our locales. (next-intl's own `hasLocale` comes from its main
 * entry, which also exports its client provider: importing it would send that provider and its
 * message formatting to every page's browser.)
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (routing.locales as readonly string[]).includes(value);
}
