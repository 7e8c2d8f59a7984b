"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, FormField } from "@/components/form-field";
import type { ActionFailure } from "@/server/http/server-action";

export type SetPasswordFormState = { failure: ActionFailure | null };

/**
 * A person chooses a password (typed twice): the invited person's first, or a new one after « mot de
 * passe oublié » (`namespace` NewPassword). Passwords are never sent back to the page.
 */
export function SetPasswordForm({ action, email, namespace = "Invitation" }: { action: (state: SetPasswordFormState, form: FormData) => Promise<SetPasswordFormState>; email: string; namespace?: "Invitation" | "NewPassword" }) {
  const t = useTranslations(namespace);
  const [state, formAction, pending] = useActionState(action, { failure: null });
  const errors = state.failure?.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-6 max-w-md space-y-4" noValidate data-testid="set-password-form">
      {state.failure?.code === "INVALID_PARAMETER" && <ErrorSummary title={t("errors")} errors={errors} />}
      {state.failure && state.failure.code !== "INVALID_PARAMETER" && (
        <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
          {state.failure.message}
        </p>
      )}
      {/* Lets password managers store the password with the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <FormField name="password" label={t("password")} error={errors.password} hint={t("passwordHint")}>
        {(props) => <input {...props} type="password" autoComplete="new-password" maxLength={200} />}
      </FormField>
      <FormField name="confirmation" label={t("confirmation")} error={errors.confirmation}>
        {(props) => <input {...props} type="password" autoComplete="new-password" maxLength={200} />}
      </FormField>
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-3 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
