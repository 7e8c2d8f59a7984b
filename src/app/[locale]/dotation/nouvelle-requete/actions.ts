"use server";
import { redirect } from "next/navigation";
import type { MoRequestFormState } from "@/components/mo-request-form";
import type { Locale } from "@/i18n/routing";
import { ZMoRequestInput } from "@/schemas/mo-request";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { filesFromForm } from "@/server/http/form-files";
import { runAction } from "@/server/http/server-action";
import { createMoRequest } from "@/server/services/create-mo-request";
import { parseInput } from "@/server/validate";

const FIELDS = ["function", "nature", "subject", "description", "urgent", "contactPhone"] as const;

export async function submitMoRequest(locale: Locale, _previous: MoRequestFormState, form: FormData): Promise<MoRequestFormState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
  const result = await runAction(locale, async () =>
    createMoRequest({ user: await getCurrentUser(), input: parseInput(ZMoRequestInput, values), receivedAt: await getNow(), files: await filesFromForm(form), language: locale }),
  );
  if (result.ok) redirect(`${locale === "en" ? "/en" : ""}/dotation/requetes/${result.data.number}?nouvelle=1`);
  return { values, failure: result };
}
