"use server";
import { redirect } from "next/navigation";
import type { SagirFormState } from "@/components/sagir-request-form";
import { SAGIR_FORM_FIELDS, type SagirRequestType } from "@/domain/requests/sagir-request";
import type { Locale } from "@/i18n/routing";
import { ZSagirRequestInput } from "@/schemas/sagir-request";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { filesFromForm } from "@/server/http/form-files";
import { runAction } from "@/server/http/server-action";
import { createSagirRequest } from "@/server/services/create-sagir-request";
import { parseInput } from "@/server/validate";

/** The form's field names: its typed fields (the birth pair as two), then the common ones. */
function fieldNames(type: SagirRequestType): string[] {
  const typed = SAGIR_FORM_FIELDS[type].flatMap((f) => (f.kind === "birth" ? ["birthDay", "birthMonth"] : [f.name]));
  return [...typed, "urgent", "contactPhone"];
}

export async function submitSagirRequest(locale: Locale, type: SagirRequestType, _previous: SagirFormState, form: FormData): Promise<SagirFormState> {
  const values = Object.fromEntries(fieldNames(type).map((f) => [f, String(form.get(f) ?? "")]));
  const result = await runAction(locale, async () =>
    createSagirRequest({ user: await getCurrentUser(), input: parseInput(ZSagirRequestInput, { ...values, type }), receivedAt: await getNow(), files: await filesFromForm(form), language: locale }),
  );
  if (result.ok) redirect(`${locale === "en" ? "/en" : ""}/sagir/requetes/${result.data.number}?nouvelle=1`);
  return { values, failure: result };
}
