"use client";
// Keyboard shortcuts of a console page, listed on "?". A shortcut focuses or clicks an element,
// or goes to a page; typing in a field never triggers one.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export type Shortcut = { key: string; label: string } & ({ focus: string } | { click: string } | { href: string } | { rows: string; step: 1 | -1 } | { openRow: string });

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

export function Shortcuts({ shortcuts, title, closeLabel }: { shortcuts: readonly Shortcut[]; title: string; closeLabel: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        const d = dialog.current;
        if (d?.open) d.close();
        else d?.showModal();
        setTick((t) => t + 1);
        return;
      }
      const shortcut = shortcuts.find((s) => s.key === event.key);
      if (!shortcut) return;
      event.preventDefault();
      if ("focus" in shortcut) document.querySelector<HTMLElement>(shortcut.focus)?.focus();
      else if ("click" in shortcut) document.querySelector<HTMLElement>(shortcut.click)?.click();
      else if ("href" in shortcut) router.push(shortcut.href);
      else if ("rows" in shortcut) {
        const rows = [...document.querySelectorAll<HTMLElement>(shortcut.rows)];
        if (rows.length === 0) return;
        const current = rows.indexOf(document.activeElement as HTMLElement);
        const next = current < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, current + shortcut.step));
        rows[next]!.focus();
      } else if ("openRow" in shortcut) {
        const active = document.activeElement as HTMLElement | null;
        if (active?.matches(shortcut.openRow)) active.click();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, shortcuts]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" className="m-auto max-w-md rounded border-2 border-qc-navy p-5 backdrop:bg-black/40" data-testid="shortcuts">
      <h2 id="shortcuts-title" className="text-xl font-bold text-qc-navy">
        {title}
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {shortcuts.map((s) => (
          <div key={s.key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-500 bg-slate-100 px-2 font-mono">{s.key}</kbd>
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>
            <kbd className="rounded border border-slate-500 bg-slate-100 px-2 font-mono">?</kbd>
          </dt>
          <dd>{title}</dd>
        </div>
      </dl>
      <button type="button" onClick={() => dialog.current?.close()} className="mt-4 rounded bg-qc-blue px-4 py-2 font-semibold text-white">
        {closeLabel}
      </button>
    </dialog>
  );
}
