"use server";
import { headers } from "next/headers";
import type { ForgotPasswordFormState } from "@/components/forgot-password-form";
import type { Locale } from "@/i18n/routing";
import { ZPasswordResetRequestInput } from "@/schemas/auth";
import { getNow } from "@/server/clock";
import { publicBaseUrl } from "@/server/http/public-url";
import { runAction } from "@/server/http/server-action";
import { clientAddressOf } from "@/server/services/check-rate-limit";
import { requestPasswordReset } from "@/server/services/password-reset";
import { parseInput } from "@/server/validate";

export async function forgotPasswordAction(locale: Locale, _previous: ForgotPasswordFormState, form: FormData): Promise<ForgotPasswordFormState> {
  const values = { email: String(form.get("email") ?? "") };
  const result = await runAction(locale, async () =>
    requestPasswordReset({
      input: parseInput(ZPasswordResetRequestInput, values),
      now: await getNow(),
      clientAddress: clientAddressOf(await headers()),
      mail: { baseUrl: await publicBaseUrl(), locale },
    }),
  );
  return result.ok ? { values: {}, failure: null, sent: true } : { values, failure: result, sent: false };
}
