import type { LocalizedText } from "@/domain/catalogue/service-profile";
import type { Locale } from "@/i18n/routing";

/** A titled bulleted list of bilingual texts (what the service covers, prerequisites, …). */
export function TextListSection({ id, title, items, locale, level = 2 }: { id: string; title: string; items: readonly LocalizedText[]; locale: Locale; level?: 2 | 3 }) {
  if (items.length === 0) return null;
  const Heading = `h${level}` as const;
  return (
    <section aria-labelledby={id}>
      <Heading id={id} className="mb-2 text-2xl font-semibold text-qc-navy">
        {title}
      </Heading>
      <ul className="list-disc space-y-1 pl-6">
        {items.map((item) => (
          <li key={item.fr}>{item[locale]}</li>
        ))}
      </ul>
    </section>
  );
}
