"use client";
// « Mot de passe oublié » : the address, then the same confirmation whether or not an account has it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, FormField } from "@/components/form-field";
import type { ActionFailure } from "@/server/http/server-action";

export type ForgotPasswordFormState = { values: Record<string, string>; failure: ActionFailure | null; sent: boolean };

export function ForgotPasswordForm({ action }: { action: (state: ForgotPasswordFormState, form: FormData) => Promise<ForgotPasswordFormState> }) {
  const t = useTranslations("PasswordReset");
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null, sent: false });
  const errors = state.failure?.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-6 max-w-md space-y-4" noValidate data-testid="forgot-password-form">
      {state.sent && (
        <p role="status" className="rounded-lg border-l-4 border-ok bg-ok-pale p-3" data-testid="reset-sent">
          {t("sent")}
        </p>
      )}
      {state.failure?.code === "INVALID_PARAMETER" && <ErrorSummary title={t("errors")} errors={errors} />}
      {state.failure && state.failure.code !== "INVALID_PARAMETER" && (
        <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
          {state.failure.message}
        </p>
      )}
      <FormField name="email" label={t("email")} error={errors.email}>
        {(props) => <input {...props} type="email" autoComplete="email" maxLength={254} defaultValue={state.values.email ?? ""} key={`email-${state.values.email ?? ""}`} />}
      </FormField>
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-3 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
