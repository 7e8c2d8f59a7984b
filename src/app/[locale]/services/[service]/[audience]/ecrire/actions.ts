"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { InquiryFormState } from "@/components/inquiry-form";
import type { Locale } from "@/i18n/routing";
import { ZCandidateInquiryInput } from "@/schemas/inquiry";
import { getNow } from "@/server/clock";
import { filesFromForm } from "@/server/http/form-files";
import { runAction } from "@/server/http/server-action";
import { checkRateLimit, clientAddressOf } from "@/server/services/check-rate-limit";
import { createCandidateInquiry } from "@/server/services/create-candidate-inquiry";
import { parseInput } from "@/server/validate";

const FIELDS = ["name", "email", "subject", "topic", "message"] as const;

export async function submitInquiry(locale: Locale, _previous: InquiryFormState, form: FormData): Promise<InquiryFormState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
  const result = await runAction(locale, async () => {
    const now = await getNow();
    await checkRateLimit({ scope: "inquiries", clientAddress: clientAddressOf(await headers()), now });
    const input = parseInput(ZCandidateInquiryInput, values);
    return createCandidateInquiry({ input, receivedAt: now, language: locale, files: await filesFromForm(form) });
  });
  if (result.ok) redirect(`${locale === "en" ? "/en" : ""}/suivi/${result.data.trackingToken}?nouvelle=1`);
  return { values, failure: result };
}
