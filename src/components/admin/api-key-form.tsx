"use client";
// The admin makes an integration key: a name, a scope, its last day. The key is shown once, ready
// to copy; a refusal keeps what was typed.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, FormField } from "@/components/form-field";
import { CopyButton } from "@/components/invite-form";
import type { ActionFailure } from "@/server/http/server-action";

export type ApiKeyFormState = {
  values: Record<string, string>;
  failure: ActionFailure | null;
  created: { name: string; key: string; validUntil: string } | null;
};

type Props = {
  action: (state: ApiKeyFormState, form: FormData) => Promise<ApiKeyFormState>;
  scopes: { value: string; label: string }[];
  /** The expiry offered: a year from today (YYYY-MM-DD). */
  defaultExpiry: string;
};

export function ApiKeyForm({ action, scopes, defaultExpiry }: Props) {
  const t = useTranslations("AdminKeys");
  const tm = useTranslations("MoRequest");
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null, created: null });
  const errors = state.failure?.fieldErrors ?? {};
  return (
    <>
      {state.created && (
        <div role="status" className="mt-4 max-w-4xl rounded-lg border-l-4 border-ok bg-ok-pale p-4" data-testid="api-key-created">
          <p className="font-semibold">{t("createdTitle", { name: state.created.name })}</p>
          <p className="mt-1">{t("createdNote", { date: state.created.validUntil })}</p>
          <label htmlFor="api-key" className="mt-2 block font-semibold">
            {t("keyLabel")}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input id="api-key" readOnly value={state.created.key} onFocus={(e) => e.currentTarget.select()} className="block min-w-0 flex-1 rounded border border-slate-500 bg-white px-3 py-2 font-mono text-sm" />
            <CopyButton text={state.created.key} label={t("copy")} done={t("copied")} />
          </div>
        </div>
      )}
      <form action={formAction} className="mt-4 grid max-w-5xl gap-4 md:grid-cols-3" noValidate data-testid="api-key-form">
        {state.failure?.code === "INVALID_PARAMETER" && (
          <div className="md:col-span-3">
            <ErrorSummary title={t("newTitle")} errors={errors} labels={{ name: t("name"), scope: t("scope"), expiresOn: t("expiresOn") }} />
          </div>
        )}
        {state.failure && state.failure.code !== "INVALID_PARAMETER" && (
          <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3 md:col-span-3">
            {state.failure.message}
          </p>
        )}
        <FormField name="name" label={t("name")} hint={t("nameHint")} error={errors.name}>
          {(props) => <input {...props} type="text" autoComplete="off" defaultValue={state.values.name} maxLength={80} />}
        </FormField>
        <FormField name="scope" label={t("scope")} error={errors.scope}>
          {(props) => (
            <select key={`scope-${state.values.scope ?? ""}`} {...props} defaultValue={state.values.scope ?? ""}>
              <option value="">{tm("choose")}</option>
              {scopes.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField name="expiresOn" label={t("expiresOn")} hint={t("expiresHint")} error={errors.expiresOn}>
          {(props) => <input {...props} type="date" defaultValue={state.values.expiresOn ?? defaultExpiry} />}
        </FormField>
        <div className="md:col-span-3">
          <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-3 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
            {t("create")}
          </button>
        </div>
      </form>
    </>
  );
}

/** « Révoquer », after the admin confirms: the key's system is refused from its next request. */
export function RevokeApiKeyForm({ action, name }: { action: (state: { failure: ActionFailure | null }) => Promise<{ failure: ActionFailure | null }>; name: string }) {
  const t = useTranslations("AdminKeys");
  const [state, formAction, pending] = useActionState(action, { failure: null });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t("revokeConfirm", { name }))) event.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} aria-label={`${t("revoke")} — ${name}`} className="rounded border border-closed px-3 py-1 font-semibold text-closed hover:bg-closed-pale disabled:opacity-60">
        {t("revoke")}
      </button>
      {state.failure && (
        <p role="alert" className="mt-1 font-semibold text-closed">
          {state.failure.message}
        </p>
      )}
    </form>
  );
}
