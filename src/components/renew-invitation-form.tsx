"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { InvitationLink, type InviteFormState } from "@/components/invite-form";

/** A new link for someone who has not yet chosen a password (the previous link stops working). */
export function RenewInvitationForm({ action, userId }: { action: (state: InviteFormState, form: FormData) => Promise<InviteFormState>; userId: string }) {
  const t = useTranslations("Pilot");
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null, invitation: null });
  return (
    <form action={formAction} className="mt-2">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className="rounded border border-qc-blue px-3 py-1 font-semibold text-qc-blue disabled:opacity-60">
        {t("renew")}
      </button>
      {state.failure && (
        <p role="alert" className="mt-1 font-semibold text-closed">
          {state.failure.message}
        </p>
      )}
      {state.invitation && <InvitationLink invitation={state.invitation} />}
    </form>
  );
}
