"use client";
// The submit button of an action that cannot be undone (merge a duplicate, delete a holiday or a
// mailbox, save a commitment or hours): the first press asks, in words, what will happen; only
// « Confirmer » submits. Escape or « Annuler » goes back, focus returns to the first button.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

type Props = {
  children: ReactNode;
  /** What will happen, said before it does: « La requête sera fermée comme doublon… ». */
  question: string;
  confirm: string;
  cancel: string;
  /** The submit button's own field, e.g. intent=save when the form also previews. */
  name?: string;
  value?: string;
  variant?: "primary" | "secondary";
  id?: string;
};

const styles = {
  primary: "bg-qc-blue text-white hover:bg-qc-navy",
  secondary: "border border-qc-blue bg-white text-qc-blue hover:bg-qc-pale",
};

export function ConfirmSubmitButton({ children, question, confirm, cancel, name, value, variant = "primary", id }: Props) {
  const [asking, setAsking] = useState(false);
  const { pending } = useFormStatus();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={askRef} id={id} type="button" disabled={pending} onClick={() => setAsking(true)} className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${styles[variant]}`}>
        {children}
      </button>
    );
  }
  return (
    <div role="group" aria-label={question} className="rounded border-l-4 border-amber-700 bg-amber-100 p-3" data-testid="confirm" onKeyDown={(e) => e.key === "Escape" && setAsking(false)}>
      <p className="font-semibold text-amber-950">{question}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button ref={confirmRef} type="submit" name={name} value={value} disabled={pending} className="rounded bg-closed px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-60">
          {confirm}
        </button>
        <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100">
          {cancel}
        </button>
      </div>
    </div>
  );
}
