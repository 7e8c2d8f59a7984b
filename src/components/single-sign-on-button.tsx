"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";

/**
 * « Se connecter avec … »: next-auth sends the browser to the identity provider, which sends it back
 * to `/api/auth/callback/oidc`, then to `callbackUrl`. (A navigation, not a form post: the page's
 * `form-action 'self'` keeps forms on this site.)
 */
export function SingleSignOnButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl }).finally(() => setPending(false));
      }}
      className="w-full rounded border-2 border-qc-blue bg-white px-5 py-3 font-semibold text-qc-blue hover:bg-qc-blue hover:text-white disabled:opacity-60"
      data-testid="sso-button"
    >
      {label}
    </button>
  );
}
