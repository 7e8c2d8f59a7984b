"use client";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { ErrorSummary, FormField } from "@/components/form-field";
import type { ActionFailure } from "@/server/http/server-action";
import { FileField } from "@/components/file-field";

export type MoRequestFormState = { values: Record<string, string>; failure: ActionFailure | null };

type Option = { value: string; label: string };

export function MoRequestForm({
  action,
  functions,
  natures,
  emergencyPhone,
  suggestions,
}: {
  action: (state: MoRequestFormState, form: FormData) => Promise<MoRequestFormState>;
  functions: Option[];
  natures: Option[];
  emergencyPhone: string | null;
  /** Articles suggested while the subject is typed (src/components/guide-suggestions.tsx). */
  suggestions?: ReactNode;
}) {
  const t = useTranslations("MoRequest");
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null });
  const errors = state.failure?.fieldErrors ?? {};
  const tf = useTranslations("Forms");
  const select = (name: "function" | "nature", options: Option[]) => (
    <FormField name={name} label={t(name)} error={errors[name]}>
      {(props) => (
        // React resets a form after its action and a <select> would fall back to its first option:
        // remounting it with the kept value keeps the person's choice.
        <select key={`${name}-${state.values[name] ?? ""}`} {...props} defaultValue={state.values[name] ?? ""}>
          <option value="">{t("choose")}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  return (
    <form action={formAction} className="mt-6 max-w-2xl space-y-5" noValidate data-testid="mo-request-form">
      {state.failure?.code === "INVALID_PARAMETER" && <ErrorSummary title={t("errorSummary")} errors={errors} />}
      {state.failure && state.failure.code !== "INVALID_PARAMETER" && (
        <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
          {state.failure.message}
        </p>
      )}
      {select("function", functions)}
      {select("nature", natures)}
      <FormField name="subject" label={t("subject")} error={errors.subject}>
        {(props) => <input {...props} type="text" defaultValue={state.values.subject} maxLength={150} />}
      </FormField>
      {suggestions}
      <FormField name="description" label={t("description")} error={errors.description} hint={t("descriptionHint")}>
        {(props) => <textarea {...props} rows={8} defaultValue={state.values.description} maxLength={5000} />}
      </FormField>
      <div>
        <label className="flex items-center gap-2 font-semibold">
          <input type="checkbox" name="urgent" defaultChecked={state.values.urgent === "on"} className="h-5 w-5" />
          {t("urgent")}
        </label>
        {emergencyPhone && <p className="mt-1 text-sm text-slate-700">{t("urgentHint", { phone: emergencyPhone })}</p>}
      </div>
      <FormField name="contactPhone" label={t("contactPhone")} error={errors.contactPhone} required={false}>
        {(props) => <input {...props} type="tel" autoComplete="tel" defaultValue={state.values.contactPhone} maxLength={40} />}
      </FormField>
      <FileField label={tf("files")} hint={tf("filesHint")} error={errors.files} />
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-3 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
