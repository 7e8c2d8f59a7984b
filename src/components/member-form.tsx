"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionFailure } from "@/server/http/server-action";

export type MemberFormState = { saved: boolean; failure: ActionFailure | null };

type Props = {
  action: (state: MemberFormState, form: FormData) => Promise<MemberFormState>;
  member: { id: string; name: string; active: boolean; services: string[]; isSelf: boolean };
  offered: { id: string; label: string }[];
};

/** One member's access, saved on its own: active or not, and the centres they may use. */
export function MemberForm({ action, member, offered }: Props) {
  const t = useTranslations("Pilot");
  const [state, formAction, pending] = useActionState(action, { saved: false, failure: null });
  const error = state.failure ? (Object.values(state.failure.fieldErrors)[0] ?? state.failure.message) : null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-x-4 gap-y-2" aria-label={member.name} data-testid={`member-${member.id}`}>
      <input type="hidden" name="userId" value={member.id} />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="active" defaultChecked={member.active} disabled={member.isSelf} className="h-5 w-5" />
        {t("active")}
      </label>
      {member.isSelf && <input type="hidden" name="active" value="on" />}
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="sr-only">{t("centres")}</legend>
        {offered.map((s) => (
          <label key={s.id} className="flex items-center gap-2">
            <input type="checkbox" name="services" value={s.id} defaultChecked={member.services.includes(s.id)} className="h-5 w-5" />
            {s.label}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-3 py-1.5 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {t("save")}
      </button>
      <span aria-live="polite" className="text-sm">
        {state.saved && <span className="text-ok">{t("saved")}</span>}
        {error && <span className="font-semibold text-closed">{error}</span>}
      </span>
    </form>
  );
}
