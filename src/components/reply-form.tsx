"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FileField } from "@/components/file-field";
import type { ActionFailure } from "@/server/http/server-action";

export type ReplyFormState = { sent: boolean; message: string; failure: ActionFailure | null };

/** The requester's answer on the tracking page; the text survives a failed submission. */
export function ReplyForm({ action }: { action: (state: ReplyFormState, form: FormData) => Promise<ReplyFormState> }) {
  const t = useTranslations("Tracking");
  const [state, formAction, pending] = useActionState(action, { sent: false, message: "", failure: null });
  const tf = useTranslations("Forms");
  const filesError = state.failure?.fieldErrors.files;
  const error = state.failure?.fieldErrors.message ?? (state.failure && !filesError ? state.failure.message : null);
  return (
    <form action={formAction} className="mt-3 max-w-2xl space-y-3" noValidate>
      {state.sent && (
        <p role="status" className="rounded border-l-4 border-ok bg-ok-pale p-3">
          {t("replySent")}
        </p>
      )}
      <label htmlFor="message" className="block font-semibold">
        {t("replyLabel")}
      </label>
      <textarea
        id="message"
        name="message"
        rows={5}
        required
        maxLength={5000}
        key={state.sent ? "sent" : "draft"}
        defaultValue={state.message}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "message-error" : undefined}
        className="block w-full rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-closed"
      />
      {error && (
        <p id="message-error" role="alert" className="font-semibold text-closed">
          {error}
        </p>
      )}
      <FileField label={tf("files")} hint={tf("filesHint")} error={filesError} />
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-2 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {t("replySubmit")}
      </button>
    </form>
  );
}
