"use client";
// « Insérer un guide » in the agent's reply: find a published article of the service, insert its
// address (the request is then shown on the article) or its text followed by its address.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type Guide = { id: string; title: string; url: string; text: string };

export function GuideInserter({ serviceId, locale, onInsert }: { serviceId: string; locale: string; onInsert: (text: string) => void }) {
  const t = useTranslations("Guides.reply");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [guides, setGuides] = useState<Guide[] | null>(null);
  useEffect(() => {
    if (!open) return;
    let stale = false;
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ service: serviceId, q: query, locale: locale === "en" ? "en" : "fr" });
      const response = await fetch(`/api/console/guides?${params}`).catch(() => null);
      if (!stale && response?.ok) setGuides(((await response.json()) as { guides: Guide[] }).guides);
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [open, query, serviceId, locale]);
  return (
    <details className="rounded border border-slate-300 p-2" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="guide-inserter">
      <summary className="cursor-pointer font-semibold text-qc-blue">{t("insert")}</summary>
      <label htmlFor="guide-search" className="mt-2 block text-sm font-semibold">{t("search")}</label>
      <input id="guide-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={200} className="mt-1 block w-full rounded border border-slate-500 px-2 py-1" />
      <ul className="mt-2 space-y-2" aria-live="polite">
        {guides === null && <li className="text-sm">{t("loading")}</li>}
        {guides?.length === 0 && <li className="text-sm">{t("none")}</li>}
        {guides?.map((g) => (
          <li key={g.id} className="flex flex-wrap items-center gap-2" data-testid="guide-option">
            <span className="font-semibold">{g.title}</span>
            <button type="button" className="rounded border border-qc-blue px-2 py-0.5 text-sm text-qc-blue" onClick={() => onInsert(`${g.title} : ${g.url}`)} aria-label={`${t("insertLink")} — ${g.title}`}>
              {t("insertLink")}
            </button>
            <button type="button" className="rounded border border-qc-blue px-2 py-0.5 text-sm text-qc-blue" onClick={() => onInsert(`${g.text}\n\n${g.url}`)} aria-label={`${t("insertText")} — ${g.title}`}>
              {t("insertText")}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
