// A phone number as the catalogue stores it (« 418 528-0880, poste 3212 »), written for the reader:
// the extension is « poste » in French and « ext. » in English.
import type { Locale } from "./routing";

export function phoneText(value: string, locale: Locale): string {
  return locale === "en" ? value.replace(/,?\s*poste\s*(\d+)/i, ", ext. $1") : value.replace(/,?\s*ext\.?\s*(\d+)/i, ", poste $1");
}
