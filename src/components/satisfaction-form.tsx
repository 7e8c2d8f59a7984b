"use client";
// « Êtes-vous satisfait de la réponse ? » — one question, an optional comment; after the answer,
// thanks (or, a second time, « déjà répondu »). The comment typed survives a refusal.
import { useActionState } from "react";
import type { ActionFailure } from "@/server/http/server-action";

export type SatisfactionFormState = { done: boolean; values: Record<string, string>; failure: ActionFailure | null };
export type SatisfactionFormText = { question: string; legend: string; yes: string; no: string; comment: string; commentHint: string; send: string; thanks: string };

export function SatisfactionForm({ action, text, idPrefix = "avis" }: { action: (state: SatisfactionFormState, form: FormData) => Promise<SatisfactionFormState>; text: SatisfactionFormText; idPrefix?: string }) {
  const [state, formAction, pending] = useActionState(action, { done: false, values: {}, failure: null });
  if (state.done) {
    return (
      <p role="status" className="rounded border-l-4 border-ok bg-ok-pale p-3 font-semibold" data-testid="satisfaction-thanks">
        {text.thanks}
      </p>
    );
  }
  const errors = state.failure?.fieldErrors ?? {};
  const general = state.failure && Object.keys(errors).length === 0 ? state.failure.message : null;
  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-3" data-testid="satisfaction-form">
      {general && (
        <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3 font-semibold" data-testid="satisfaction-failure">
          {general}
        </p>
      )}
      <fieldset aria-describedby={errors.satisfied ? `${idPrefix}-satisfied-error` : undefined}>
        <legend className="font-semibold">{text.question}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["yes", "no"] as const).map((v) => (
            <label key={v} htmlFor={`${idPrefix}-${v}`} className="flex items-center gap-2 rounded border border-slate-400 px-3 py-2">
              <input id={`${idPrefix}-${v}`} type="radio" name="satisfied" value={v} defaultChecked={state.values.satisfied === v} className="h-5 w-5" />
              {v === "yes" ? text.yes : text.no}
            </label>
          ))}
        </div>
        {errors.satisfied && (
          <p id={`${idPrefix}-satisfied-error`} className="mt-1 font-semibold text-closed">
            {errors.satisfied}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor={`${idPrefix}-comment`} className="block font-semibold">
          {text.comment}
        </label>
        <p id={`${idPrefix}-comment-hint`} className="text-sm text-slate-700">
          {text.commentHint}
        </p>
        <textarea
          id={`${idPrefix}-comment`}
          name="comment"
          rows={4}
          maxLength={2000}
          defaultValue={state.values.comment ?? ""}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={`${idPrefix}-comment-hint${errors.comment ? ` ${idPrefix}-comment-error` : ""}`}
          className="mt-1 block w-full rounded border border-slate-500 px-3 py-2"
        />
        {errors.comment && (
          <p id={`${idPrefix}-comment-error`} className="mt-1 font-semibold text-closed">
            {errors.comment}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {text.send}
      </button>
    </form>
  );
}
