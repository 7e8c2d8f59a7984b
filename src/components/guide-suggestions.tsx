"use client";
// Deflection: while someone types the subject of a new request (the field `subject` of the form
// it sits in), up to three published articles of the request's audience are suggested. Each can
// be opened (in a new tab: what was typed stays) and said to answer the question — then no request
// is needed and the form says so. What is shown, opened and « answered » is counted, anonymously.
import { useEffect, useRef, useState } from "react";
import { splitHighlight } from "@/domain/guides/highlight";
import { localePath } from "@/i18n/locale-path";

export type GuideSuggestionsText = {
  title: string;
  intro: string;
  answered: string;
  thanksTitle: string;
  thanks: string;
  stillAsk: string;
  newTab: string;
};

type Suggestion = { id: string; slug: string; title: string; excerpt: string };

const WAIT_MS = 350;

function post(body: unknown): void {
  void fetch("/api/v1/guides/events", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), keepalive: true }).catch(() => undefined);
}

/** A highlighted excerpt rendered as text, the matched words in <mark>. */
function Excerpt({ text }: { text: string }) {
  return (
    <>
      {splitHighlight(text).map((p, i) => (p.match ? <mark key={i} className="bg-amber-100 text-inherit">{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

export function GuideSuggestions({ serviceId, audienceId, locale, text, fieldId = "subject" }: { serviceId: string; audienceId: string; locale: "fr" | "en"; text: GuideSuggestionsText; fieldId?: string }) {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [answered, setAnswered] = useState<Suggestion | null>(null);
  const counted = useRef(new Set<string>());
  const latest = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = (event: Event) => {
      const target = event.target as HTMLInputElement | null;
      if (!target || target.id !== fieldId) return;
      clearTimeout(timer);
      const query = target.value.trim();
      timer = setTimeout(async () => {
        const seq = ++latest.current;
        if (query.length < 3) {
          setItems([]);
          return;
        }
        try {
          const params = new URLSearchParams({ service: serviceId, audience: audienceId, q: query, locale });
          const response = await fetch(`/api/v1/guides/suggestions?${params}`, { headers: { Accept: "application/json" } });
          if (!response.ok || seq !== latest.current) return;
          const found = ((await response.json()) as { suggestions: Suggestion[] }).suggestions;
          setItems(found);
          const fresh = found.map((s) => s.id).filter((id) => !counted.current.has(id));
          fresh.forEach((id) => counted.current.add(id));
          if (fresh.length) post({ kind: "suggested", articleIds: fresh });
        } catch {
          // Suggestions are a help: without them the form works as before.
        }
      }, WAIT_MS);
    };
    document.addEventListener("input", onInput);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("input", onInput);
    };
  }, [serviceId, audienceId, locale, fieldId]);

  if (answered) {
    return (
      <div role="status" className="rounded border-l-4 border-ok bg-ok-pale p-4" data-testid="guide-answered">
        <p className="font-semibold">{text.thanksTitle}</p>
        <p className="mt-1">{text.thanks}</p>
        <button type="button" className="mt-2 text-qc-blue underline" onClick={() => setAnswered(null)}>
          {text.stillAsk}
        </button>
      </div>
    );
  }
  return (
    <div aria-live="polite" data-testid="guide-suggestions">
      {items.length > 0 && (
        <section aria-labelledby="guide-suggestions-title" className="rounded border border-qc-blue bg-qc-pale p-4">
          <h2 id="guide-suggestions-title" className="font-semibold">{text.title}</h2>
          <p className="text-sm text-slate-700">{text.intro}</p>
          <ul className="mt-2 space-y-3">
            {items.map((s) => (
              <li key={s.id} data-testid="guide-suggestion">
                <a
                  href={localePath(`/guides/${s.slug}`, locale)}
                  target="_blank"
                  rel="noopener"
                  className="font-semibold text-qc-blue underline"
                  onClick={() => post({ kind: "opened", articleIds: [s.id] })}
                >
                  {s.title}
                  <span className="sr-only"> ({text.newTab})</span>
                </a>
                <p className="text-sm text-slate-800">
                  <Excerpt text={s.excerpt} />
                </p>
                <button
                  type="button"
                  aria-label={`${text.answered} — ${s.title}`}
                  className="mt-1 rounded border border-qc-blue bg-white px-3 py-1 text-sm font-semibold text-qc-blue hover:bg-white/70"
                  onClick={() => {
                    post({ kind: "answered", articleIds: [s.id] });
                    setAnswered(s);
                  }}
                >
                  {text.answered}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
