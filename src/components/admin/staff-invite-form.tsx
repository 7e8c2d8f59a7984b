"use client";
// The admin invites a person: name, e-mail, role; the centres of an agent or a manager; the MO of
// a pilot. The invitation goes by e-mail; its link is also shown once, ready to copy.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ErrorSummary, FormField } from "@/components/form-field";
import { InvitationLink, type InviteFormState } from "@/components/invite-form";

type Props = {
  action: (state: InviteFormState, form: FormData) => Promise<InviteFormState>;
  roles: { value: string; label: string }[];
  centres: { id: string; label: string }[];
  organizations: { id: string; name: string }[];
};

export function StaffInviteForm({ action, roles, centres, organizations }: Props) {
  const t = useTranslations("AdminStaff");
  const tm = useTranslations("MoRequest");
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null, invitation: null });
  const errors = state.failure?.fieldErrors ?? {};
  // The fields that apply to the role chosen; kept in state so that a failed submission keeps them.
  const [role, setRole] = useState(state.values.role ?? "");
  // After a submission React resets the form to its defaults: they are what was sent (the role
  // below too, with the fields it shows), so that a refusal loses nothing typed.
  const [shown, setShown] = useState(state);
  if (shown !== state) {
    setShown(state);
    setRole(state.values.role ?? "");
  }
  const chosen = (state.values.services ?? "").split(",");
  return (
    <>
      {state.invitation && <InvitationLink invitation={state.invitation} />}
      <form action={formAction} className="mt-4 grid max-w-5xl gap-4 md:grid-cols-2" noValidate data-testid="staff-invite-form">
        {state.failure?.code === "INVALID_PARAMETER" && (
          <div className="md:col-span-2">
            <ErrorSummary title={t("inviteErrors")} errors={errors} labels={{ name: t("name"), email: t("email"), role: t("role"), services: t("centres"), organizationId: t("organization") }} />
          </div>
        )}
        {state.failure && state.failure.code !== "INVALID_PARAMETER" && (
          <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3 md:col-span-2">
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
            <select key={`role-${state.values.role ?? ""}`} {...props} defaultValue={state.values.role ?? ""} onChange={(e) => setRole(e.currentTarget.value)}>
              <option value="">{tm("choose")}</option>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {(role === "agent" || role === "manager") && (
          <fieldset aria-describedby={errors.services ? "services-error" : undefined}>
            <legend className="font-semibold">{t("centres")}</legend>
            <div className="mt-2 flex flex-wrap gap-4">
              {centres.map((c) => (
                <label key={c.id} className="flex items-center gap-2">
                  <input type="checkbox" name="services" value={c.id} defaultChecked={chosen.includes(c.id)} className="h-5 w-5" />
                  {c.label}
                </label>
              ))}
            </div>
            {errors.services && (
              <p id="services-error" className="mt-1 font-semibold text-closed">
                {errors.services}
              </p>
            )}
          </fieldset>
        )}
        {role === "mo_pilot" && (
          <FormField name="organizationId" label={t("organization")} error={errors.organizationId}>
            {(props) => (
              <select {...props} defaultValue={state.values.organizationId ?? ""}>
                <option value="">{tm("choose")}</option>
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <div className="md:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-2 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
            {t("invite")}
          </button>
        </div>
      </form>
    </>
  );
}
