// The deflection panel of a new request's form, with its texts in the reader's language (the
// public pages send no message catalogue to the browser: the texts travel as props).
import { getTranslations } from "next-intl/server";
import { GuideSuggestions, type GuideSuggestionsText } from "@/components/guide-suggestions";
import type { Locale } from "@/i18n/routing";

export async function SuggestedGuides({ locale, serviceId, audienceId }: { locale: Locale; serviceId: string; audienceId: string }) {
  const t = await getTranslations({ locale, namespace: "Guides.suggestions" });
  const keys = ["title", "intro", "answered", "thanksTitle", "thanks", "stillAsk", "newTab"] as const;
  const text = Object.fromEntries(keys.map((k) => [k, t(k)])) as GuideSuggestionsText;
  return <GuideSuggestions serviceId={serviceId} audienceId={audienceId} locale={locale} text={text} />;
}
