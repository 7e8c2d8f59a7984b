"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useRouter } from "@/i18n/navigation";

/** next-auth's error for a throttled attempt: `SignInThrottled:<seconds to wait>`. */
function throttledSeconds(error: string | null | undefined): number | null {
  const match = /^SignInThrottled:(\d+)$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}

/** Credentials sign-in through next-auth, errors in the reader's language, the e-mail kept. */
export function SignInForm({ initialError }: { initialError: string | null }) {
  const t = useTranslations("SignIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setPending(false);
    if (result?.ok) {
      router.push("/espace");
      router.refresh();
    } else if (throttledSeconds(result?.error) !== null) setError(result!.error!);
    else setError(result?.error === "AccountDisabled" ? "disabled" : result?.error ? "invalid" : "unexpected");
  }

  const wait = throttledSeconds(error);
  const message =
    wait !== null
      ? wait < 60
        ? t("throttledSeconds", { seconds: wait })
        : t("throttledMinutes", { minutes: Math.ceil(wait / 60) })
      : error === "disabled"
        ? t("disabled")
        : error === "ssoNoAccount"
          ? t("ssoNoAccount")
        : error === "invalid" || error === "CredentialsSignin"
          ? t("invalid")
          : error
            ? t("unexpected")
            : null;
  return (
    <form onSubmit={submit} className="mt-6 max-w-md space-y-4" noValidate>
      {message && (
        <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3 font-semibold" data-testid="sign-in-error">
          {message}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block font-semibold">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="mt-1 block w-full rounded border border-slate-500 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded border border-slate-500 px-3 py-2"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-qc-blue px-5 py-3 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
