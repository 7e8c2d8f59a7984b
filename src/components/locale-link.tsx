// A link to a page of the app in the current language (French without prefix, English under /en,
// as src/i18n/routing.ts says), as a plain anchor: the public pages load no client code for their
// links (next-intl's Link is a client component, and so is anything importing its module) and
// prefetch nothing; the next page, itself public, comes from the front door's cache.
import type { ComponentProps } from "react";
import { localePath } from "@/i18n/locale-path";
import type { Locale } from "@/i18n/routing";

export function LocaleLink({ href, locale, ...rest }: Omit<ComponentProps<"a">, "href"> & { href: string; locale: Locale }) {
  return <a href={localePath(href, locale)} {...rest} />;
}
