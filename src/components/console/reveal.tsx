"use client";
// Shows masked personal information on demand (the server audits each display).
import { useState, useTransition } from "react";

export function Reveal({ reveal, button, render }: { reveal: () => Promise<{ data: Record<string, string | number | null> | null; error: string | null }>; button: string; render: "requester" | "birth" }) {
  const [state, setState] = useState<{ data: Record<string, string | number | null> | null; error: string | null } | null>(null);
  const [pending, start] = useTransition();
  if (state?.data) {
    const d = state.data;
    const text = render === "requester" ? [d.name, d.email].filter(Boolean).join(" — ") : `${d.birthDay} / ${d.birthMonth}`;
    return <span data-testid={`revealed-${render}`}>{text || "—"}</span>;
  }
  return (
    <span>
      <button type="button" disabled={pending} onClick={() => start(async () => setState(await reveal()))} className="rounded border border-qc-blue px-3 py-1 font-semibold text-qc-blue hover:bg-qc-pale">
        {button}
      </button>
      {state?.error && (
        <span role="alert" className="ml-2 font-semibold text-closed">
          {state.error}
        </span>
      )}
    </span>
  );
}
