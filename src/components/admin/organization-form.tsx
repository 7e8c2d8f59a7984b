"use client";
// An MO as the admin records it: name, acronym, e-mail domains, the centres it uses (SAGIR with
// the dates of its two prerequisites), the CA-dotation emergency number its specialists are
// given, and its « responsables sectoriels » (rows added and removed in place).
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ErrorSummary, FormField, inputClass } from "@/components/form-field";
import type { ActionFailure } from "@/server/http/server-action";

export type OrganizationFormValues = {
  name: string;
  code: string;
  emailDomains: string;
  services: string[];
  sagirImplementedOn: string;
  sagirAdheredOn: string;
  emergencyPhone: string;
  contacts: { name: string; email: string; phone: string }[];
};

export type OrganizationFormState = { values: OrganizationFormValues; failure: ActionFailure | null };

type Props = {
  action: (state: OrganizationFormState, form: FormData) => Promise<OrganizationFormState>;
  initial: OrganizationFormValues;
  centres: { id: string; label: string }[];
};

const blankContact = { name: "", email: "", phone: "" };

export function OrganizationForm({ action, initial, centres }: Props) {
  const t = useTranslations("AdminOrganizations");
  const [state, formAction, pending] = useActionState(action, { values: initial, failure: null });
  const errors = state.failure?.fieldErrors ?? {};
  const values = state.values;
  // The contact rows on screen (keys stable across additions and removals).
  const [rows, setRows] = useState(() => values.contacts.map((c, i) => ({ key: i, ...c })));
  const [nextKey, setNextKey] = useState(values.contacts.length);
  const [sagir, setSagir] = useState(values.services.includes("sagir"));
  // After a refused submission the form is reset to what was sent: the rows follow it (new keys,
  // so that each input takes its sent value), and nothing typed is lost.
  const [shown, setShown] = useState(state);
  if (shown !== state) {
    setShown(state);
    setRows(state.values.contacts.map((c, i) => ({ key: nextKey + i, ...c })));
    setNextKey(nextKey + state.values.contacts.length);
    setSagir(state.values.services.includes("sagir"));
  }
  const labels: Record<string, string> = {
    name: t("name"),
    code: t("code"),
    emailDomains: t("emailDomains"),
    services: t("services"),
    sagirImplementedOn: t("sagirImplementedOn"),
    sagirAdheredOn: t("sagirAdheredOn"),
    emergencyPhone: t("emergencyPhone"),
  };
  rows.forEach((_, i) => {
    labels[`contacts.${i}.name`] = t("contactLabel", { n: i + 1, field: t("contactName") });
    labels[`contacts.${i}.email`] = t("contactLabel", { n: i + 1, field: t("contactEmail") });
    labels[`contacts.${i}.phone`] = t("contactLabel", { n: i + 1, field: t("contactPhone") });
  });
  return (
    <form action={formAction} className="mt-6 max-w-6xl space-y-6" noValidate data-testid="organization-form">
      {state.failure?.code === "INVALID_PARAMETER" && <ErrorSummary title={t("errors")} errors={errors} labels={labels} />}
      {state.failure && state.failure.code !== "INVALID_PARAMETER" && (
        <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
          {state.failure.message}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <FormField name="name" label={t("name")} error={errors.name}>
          {(props) => <input {...props} type="text" defaultValue={values.name} maxLength={200} />}
        </FormField>
        <FormField name="code" label={t("code")} hint={t("codeHint")} error={errors.code}>
          {(props) => <input {...props} type="text" defaultValue={values.code} maxLength={15} className={`${props.className} uppercase`} />}
        </FormField>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <FormField name="emailDomains" label={t("emailDomains")} hint={t("emailDomainsHint")} error={errors.emailDomains} required={false}>
          {(props) => <textarea {...props} rows={3} defaultValue={values.emailDomains} />}
        </FormField>
        <FormField name="emergencyPhone" label={t("emergencyPhone")} hint={t("emergencyPhoneHint")} error={errors.emergencyPhone} required={false}>
          {(props) => <input {...props} type="tel" defaultValue={values.emergencyPhone} maxLength={40} />}
        </FormField>
      </div>
      <fieldset className="rounded border border-slate-300 p-4" aria-describedby={errors.services ? "services-error" : undefined}>
        <legend className="px-1 font-semibold">{t("services")}</legend>
        <div className="flex flex-wrap gap-6">
          {centres.map((c) => (
            <label key={c.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="services"
                value={c.id}
                defaultChecked={values.services.includes(c.id)}
                onChange={c.id === "sagir" ? (e) => setSagir(e.currentTarget.checked) : undefined}
                className="h-5 w-5"
              />
              {c.label}
            </label>
          ))}
        </div>
        {errors.services && (
          <p id="services-error" className="mt-1 font-semibold text-closed">
            {errors.services}
          </p>
        )}
        <p className="mt-3 text-sm text-slate-700">{t("sagirPrerequisites")}</p>
        <div className="mt-2 grid gap-4 md:grid-cols-2">
          <FormField name="sagirImplementedOn" label={t("sagirImplementedOn")} error={errors.sagirImplementedOn} required={sagir}>
            {(props) => <input {...props} type="date" defaultValue={values.sagirImplementedOn} />}
          </FormField>
          <FormField name="sagirAdheredOn" label={t("sagirAdheredOn")} error={errors.sagirAdheredOn} required={sagir}>
            {(props) => <input {...props} type="date" defaultValue={values.sagirAdheredOn} />}
          </FormField>
        </div>
      </fieldset>
      <fieldset className="rounded border border-slate-300 p-4">
        <legend className="px-1 font-semibold">{t("contacts")}</legend>
        <p className="text-sm text-slate-700">{t("contactsHint")}</p>
        <ol className="mt-3 space-y-3">
          {rows.map((row, i) => (
            <li key={row.key} className="grid items-end gap-3 md:grid-cols-[1fr_1fr_12rem_auto]" data-testid="contact-row">
              {(["name", "email", "phone"] as const).map((field) => {
                const id = `contacts.${i}.${field}`;
                const error = errors[id];
                return (
                  <div key={field}>
                    <label htmlFor={id} className="block font-semibold">
                      {t("contactLabel", { n: i + 1, field: t(field === "name" ? "contactName" : field === "email" ? "contactEmail" : "contactPhone") })}
                    </label>
                    <input
                      id={id}
                      name={field === "name" ? "contactName" : field === "email" ? "contactEmail" : "contactPhone"}
                      type={field === "email" ? "email" : field === "phone" ? "tel" : "text"}
                      defaultValue={row[field]}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      className={inputClass}
                    />
                    {error && (
                      <p id={`${id}-error`} className="mt-1 font-semibold text-closed">
                        {error}
                      </p>
                    )}
                  </div>
                );
              })}
              <button type="button" onClick={() => setRows(rows.filter((r) => r.key !== row.key))} className="rounded border border-slate-500 px-3 py-2 font-semibold text-slate-800 hover:bg-slate-100">
                {t("removeContact", { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        {rows.length < 10 && (
          <button
            type="button"
            onClick={() => {
              setRows([...rows, { key: nextKey, ...blankContact }]);
              setNextKey(nextKey + 1);
            }}
            className="mt-3 rounded border border-qc-blue px-3 py-2 font-semibold text-qc-blue hover:bg-qc-pale"
          >
            {t("addContact")}
          </button>
        )}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-2 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
