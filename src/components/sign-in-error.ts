// The sign-in page's reading of next-auth's `?error=` (server side: the form shows it from the start).

/** What the sign-in page says about next-auth's `?error=` (an unknown value is a failure, not a wrong password). */
export function signInErrorOf(error: string | undefined): string | null {
  if (!error) return null;
  if (error === "AccountDisabled") return "disabled";
  if (error === "SsoNoAccount") return "ssoNoAccount";
  if (error.startsWith("SignInThrottled:")) return error;
  if (error === "CredentialsSignin") return "invalid";
  return "unexpected";
}
