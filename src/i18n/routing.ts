import { defineRouting } from "next-intl/routing";

// French is the default and has no prefix (/services/sagir); English lives under /en.
export const routing = defineRouting({
  locales: ["fr", "en"],
  defaultLocale: "fr",
  localePrefix: "as-needed",
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];

/** BCP 47 tag for <html lang> and Intl formatting. */
export const LANGUAGE_TAG: Record<Locale, string> = { fr: "fr-CA", en: "en-CA" };
