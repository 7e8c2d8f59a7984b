"use client";
// One of SAGIR's Outil Requête forms, drawn from its field list (SAGIR_FORM_FIELDS, resolved to
// labels by the page). The departure form says before submission whether the notice will be
// late: the page gives the first on-time entry date for a notice sent now, and the warning
// follows the date the person picks (the server decides again at receipt). Values survive every
// failed submission.
import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactNode } from "react";
import { ErrorSummary, FormField, inputClass } from "@/components/form-field";
import type { ActionFailure } from "@/server/http/server-action";
import { FileField } from "@/components/file-field";

export type SagirFormState = { values: Record<string, string>; failure: ActionFailure | null };

export type SagirFieldView = {
  name: string;
  kind: "text" | "textarea" | "select" | "date" | "email" | "birth";
  required: boolean;
  maxLength?: number;
  label: string;
  hint?: string;
  options?: { value: string; label: string }[];
};

type Props = {
  action: (state: SagirFormState, form: FormData) => Promise<SagirFormState>;
  type: string;
  fields: SagirFieldView[];
  urgentPhone: string | null;
  /** Departure form only: the first on-time entry date for a notice sent now, raw and for display. */
  departure: { earliest: string; earliestLabel: string } | null;
  months: string[];
  /** Articles suggested while the subject is typed (src/components/guide-suggestions.tsx). */
  suggestions?: ReactNode;
};

export function SagirRequestForm({ action, type, fields, urgentPhone, departure, months, suggestions }: Props) {
  const t = useTranslations("Sagir");
  const tm = useTranslations("MoRequest");
  const tf = useTranslations("Form");
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null });
  const [entryDate, setEntryDate] = useState(state.values.sagirEntryDate ?? "");
  const errors = state.failure?.fieldErrors ?? {};
  const tfiles = useTranslations("Forms");
  const late = departure !== null && /^\d{4}-\d{2}-\d{2}$/.test(entryDate) && entryDate < departure.earliest;
  const v = (name: string) => state.values[name] ?? "";

  const control = (f: SagirFieldView) => {
    if (f.kind === "birth") {
      return (
        <fieldset key={f.name} aria-describedby={f.hint ? "birth-hint" : undefined}>
          <legend className="font-semibold">
            {f.label} <span aria-hidden="true" className="text-sm font-normal text-slate-700">({tf("required")})</span>
          </legend>
          {f.hint && (
            <p id="birth-hint" className="text-sm text-slate-700">
              {f.hint}
            </p>
          )}
          <div className="mt-1 flex flex-wrap gap-4">
            {(["birthDay", "birthMonth"] as const).map((part) => (
              <div key={part} className="min-w-[8rem]">
                <label htmlFor={part} className="block">
                  {t(part)}
                </label>
                <select
                  id={part}
                  name={part}
                  required
                  key={`${part}-${v(part)}`}
                  defaultValue={v(part)}
                  aria-invalid={errors[part] ? true : undefined}
                  aria-describedby={errors[part] ? `${part}-error` : undefined}
                  className={inputClass}
                  autoComplete="off"
                >
                  <option value="">{tm("choose")}</option>
                  {(part === "birthDay" ? Array.from({ length: 31 }, (_, i) => String(i + 1)) : months.map((_, i) => String(i + 1))).map((value) => (
                    <option key={value} value={value}>
                      {part === "birthDay" ? value : months[Number(value) - 1]}
                    </option>
                  ))}
                </select>
                {errors[part] && (
                  <p id={`${part}-error`} className="mt-1 font-semibold text-closed">
                    {errors[part]}
                  </p>
                )}
              </div>
            ))}
          </div>
        </fieldset>
      );
    }
    return (
      <FormField key={f.name} name={f.name} label={f.label} error={errors[f.name]} hint={f.hint} required={f.required}>
        {(props) => {
          switch (f.kind) {
            case "select":
              return (
                // Remounted with the kept value: React's form reset would fall back to the first option.
                <select key={`${f.name}-${v(f.name)}`} {...props} defaultValue={v(f.name)}>
                  <option value="">{tm("choose")}</option>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              );
            case "textarea":
              return <textarea {...props} rows={f.name === "description" ? 8 : 4} defaultValue={v(f.name)} maxLength={f.maxLength} />;
            case "date":
              return f.name === "sagirEntryDate" ? (
                <input {...props} type="date" value={entryDate} onChange={(e) => setEntryDate(e.target.value)} />
              ) : (
                <input {...props} type="date" defaultValue={v(f.name)} />
              );
            case "email":
              return <input {...props} type="email" autoComplete="off" defaultValue={v(f.name)} maxLength={f.maxLength} />;
            default:
              return <input {...props} type="text" autoComplete="off" defaultValue={v(f.name)} maxLength={f.maxLength} />;
          }
        }}
      </FormField>
    );
  };

  return (
    <form action={formAction} className="mt-6 max-w-2xl space-y-5" noValidate data-testid="sagir-form" data-type={type}>
      {state.failure?.code === "INVALID_PARAMETER" && (
        <ErrorSummary
          title={tm("errorSummary")}
          errors={errors}
          labels={{
            ...Object.fromEntries(fields.map((f) => [f.name, f.label])),
            birthDay: t("birthDay"),
            birthMonth: t("birthMonth"),
            contactPhone: tm("contactPhone"),
          }}
        />
      )}
      {state.failure && state.failure.code !== "INVALID_PARAMETER" && (
        <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
          {state.failure.message}
        </p>
      )}
      {departure && (
        <p className="rounded border-l-4 border-qc-blue bg-qc-pale p-3" data-testid="lead-time">
          {t("leadTime", { earliest: departure.earliestLabel })}
        </p>
      )}
      {fields.map((f) => (
        <div key={f.name}>
          {control(f)}
          {f.name === "subject" && suggestions && <div className="mt-3">{suggestions}</div>}
          {f.name === "sagirEntryDate" && late && (
            <p role="status" className="mt-2 rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="late-warning">
              <strong>{t("lateNoticeBadge")}</strong> — {t("lateWarning", { earliest: departure!.earliestLabel })}
            </p>
          )}
        </div>
      ))}
      <div>
        <label className="flex items-center gap-2 font-semibold">
          <input type="checkbox" name="urgent" defaultChecked={v("urgent") === "on"} className="h-5 w-5" />
          {tm("urgent")}
        </label>
        {urgentPhone && <p className="mt-1 text-sm text-slate-700">{t("urgentHint", { phone: urgentPhone })}</p>}
      </div>
      <FormField name="contactPhone" label={tm("contactPhone")} error={errors.contactPhone} required={false}>
        {(props) => <input {...props} type="tel" autoComplete="tel" defaultValue={v("contactPhone")} maxLength={40} />}
      </FormField>
      <FileField label={tfiles("files")} hint={tfiles("filesHint")} error={errors.files} />
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-3 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {pending ? tm("sending") : tm("submit")}
      </button>
    </form>
  );
}
