"use client";
// The pilot invites a person: name, e-mail, role. On success the invitation link is shown once,
// ready to copy, with its expiry; it is not stored in clear anywhere.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ErrorSummary, FormField } from "@/components/form-field";
import type { ActionFailure } from "@/server/http/server-action";

export type InviteFormState = {
  values: Record<string, string>;
  failure: ActionFailure | null;
  invitation: { name: string; url: string; expires: string } | null;
};

type Props = {
  action: (state: InviteFormState, form: FormData) => Promise<InviteFormState>;
  roles: { value: string; label: string }[];
};

export function InviteForm({ action, roles }: Props) {
  const t = useTranslations("Pilot");
  const tm = useTranslations("MoRequest");
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null, invitation: null });
  const errors = state.failure?.fieldErrors ?? {};
  return (
    <>
      {state.invitation && <InvitationLink invitation={state.invitation} />}
      <form action={formAction} className="mt-4 max-w-2xl space-y-4" noValidate data-testid="invite-form">
        {state.failure?.code === "INVALID_PARAMETER" && <ErrorSummary title={t("inviteErrors")} errors={errors} />}
        {state.failure && state.failure.code !== "INVALID_PARAMETER" && (
          <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
            {state.failure.message}
          </p>
        )}
        <FormField name="name" label={t("name")} error={errors.name}>
          {(props) => <input {...props} type="text" autoComplete="off" defaultValue={state.values.name} maxLength={120} />}
        </FormField>
        <FormField name="email" label={t("email")} error={errors.email}>
          {(props) => <input {...props} type="email" autoComplete="off" defaultValue={state.values.email} maxLength={254} />}
        </FormField>
        <FormField name="role" label={t("role")} error={errors.role}>
          {(props) => (
            <select key={`role-${state.values.role ?? ""}`} {...props} defaultValue={state.values.role ?? ""}>
              <option value="">{tm("choose")}</option>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-2 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
          {t("invite")}
        </button>
      </form>
    </>
  );
}

/** Copies a text to the clipboard and says so (for screen readers too); where the browser refuses, the field stays selectable. */
export function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
        className="rounded border border-qc-blue px-4 py-2 font-semibold text-qc-blue hover:bg-qc-pale"
        data-testid="copy-invitation"
      >
        {label}
      </button>
      <span aria-live="polite" className="self-center text-sm">
        {copied ? done : ""}
      </span>
    </>
  );
}

/** A fresh invitation link, shown once to the pilot, who passes it on to the person. */
export function InvitationLink({ invitation }: { invitation: { name: string; url: string; expires: string } }) {
  const t = useTranslations("Pilot");
  return (
    <div role="status" className="mt-4 max-w-2xl rounded-lg border-l-4 border-ok bg-ok-pale p-4" data-testid="invitation">
      <p className="font-semibold">{t("invitationReady", { name: invitation.name })}</p>
      <label htmlFor="invitation-url" className="mt-2 block">
        {t("invitationLink")}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="invitation-url"
          readOnly
          value={invitation.url}
          onFocus={(e) => e.currentTarget.select()}
          className="block min-w-0 flex-1 rounded border border-slate-500 bg-white px-3 py-2 font-mono text-sm"
        />
        <CopyButton text={invitation.url} label={t("copyLink")} done={t("copied")} />
      </div>
      <p className="mt-2 text-sm">{t("invitationExpires", { moment: invitation.expires })}</p>
    </div>
  );
}
