// The page people see while the database is out of reach: French first, English after, and the
// centres' phone numbers — which need no database: they come from the catalogue's seed definition
// (the numbers of the source documents; an edited number shows once the database is back).
// Self-contained HTML (no script, inline styles only) written by the front door (scripts/server.ts).
import { acceptLanguageLocale } from "@/i18n/locale-path";
import { phoneText } from "@/i18n/phone";
import { DEFAULT_SERVICE_PROFILES } from "@/domain/catalogue/default-catalogue";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Locale = "fr" | "en";

function phoneList(locale: Locale): string {
  return DEFAULT_SERVICE_PROFILES.map((service) => {
    const lines = service.audiences.flatMap((audience) =>
      audience.contacts
        .filter((c) => c.kind === "phone" && c.value)
        .map((c) => `<li>${escapeHtml(audience.name[locale])} — ${escapeHtml(c.label[locale])} : <a href="tel:${escapeHtml(c.value!.replace(/,?\s*poste.*$/i, "").replace(/[^\d]/g, ""))}">${escapeHtml(phoneText(c.value!, locale))}</a></li>`),
    );
    return `<h3>${escapeHtml(service.name[locale])}</h3><ul>${lines.join("")}</ul>`;
  }).join("");
}

const TEXT = {
  fr: {
    title: "Service momentanément indisponible",
    body: "Guichet ne peut pas traiter les demandes pour le moment. Rien de ce que vous avez déjà envoyé n'est perdu. Réessayez dans quelques minutes.",
    phones: "Pour une question urgente, appelez le centre :",
  },
  en: {
    title: "Service temporarily unavailable",
    body: "Guichet cannot handle requests right now. Nothing you already sent is lost. Please try again in a few minutes.",
    phones: "For an urgent question, call the centre:",
  },
} as const;

/** The page's policy: nothing runs, only its own inline styles. */
export const UNAVAILABLE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function unavailablePage(first: Locale): string {
  const order: Locale[] = first === "en" ? ["en", "fr"] : ["fr", "en"];
  const sections = order
    .map(
      (locale) =>
        `<section lang="${locale === "fr" ? "fr-CA" : "en-CA"}"><h${locale === first ? 1 : 2}>${TEXT[locale].title}</h${locale === first ? 1 : 2}><p>${TEXT[locale].body}</p><p>${TEXT[locale].phones}</p>${phoneList(locale)}</section>`,
    )
    .join("<hr>");
  return `<!doctype html><html lang="${first === "fr" ? "fr-CA" : "en-CA"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${TEXT[first].title} — Guichet</title><style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.5rem;color:#095797}h2{font-size:1.25rem;color:#095797}h3{font-size:1rem;margin-bottom:.25rem}a{color:#095797}hr{margin:2rem 0;border:0;border-top:1px solid #ccc}</style></head><body><main>${sections}</main></body></html>`;
}

/** French unless the path or the browser asks for English. */
export function unavailablePageLocale(path: string, acceptLanguage: string | undefined): Locale {
  if (path === "/en" || path.startsWith("/en/")) return "en";
  if (path === "/fr" || path.startsWith("/fr/")) return "fr";
  return acceptLanguageLocale(acceptLanguage);
}
