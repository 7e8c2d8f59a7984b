"use client";
// Sign out through next-auth's own endpoints (its CSRF token, then the sign-out POST, which ends the
// session server-side), without next-auth's client library: the header is on every page, public
// ones included, and that library is most of a public page's own JavaScript.
export function SignOutButton({ label, className, home }: { label: string; className: string; home: string }) {
  async function signOut() {
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
        body: new URLSearchParams({ csrfToken, callbackUrl: home, json: "true" }),
      });
    } finally {
      window.location.href = home;
    }
  }
  return (
    <button type="button" onClick={() => void signOut()} className={className}>
      {label}
    </button>
  );
}
