"use server";
// Server actions of the call detail records' import: the form parsed with its schema (the file read
// from the form data), the use case (which checks the manager), a preview to commit or discard.
import { revalidatePath } from "next/cache";
import type { ConsoleFormState } from "@/components/console/action-form";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZCallImportId, ZCallImportInput } from "@/schemas/call-import";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { formValues, runAction } from "@/server/http/server-action";
import { commitCallImport, discardCallImport, previewCallImport } from "@/server/services/import-calls";
import { parseInput } from "@/server/validate";

export async function previewCallImportAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const upload = form.get("file");
  const result = await runAction(locale, async () => {
    const file = upload instanceof File && upload.size > 0 ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
    return previewCallImport({ user: await getCurrentUser(), input: parseInput(ZCallImportInput, values), file, now: await getNow() });
  });
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  return redirect({ href: `/gestion/appels?apercu=${result.data.id}`, locale });
}

export async function commitCallImportAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const { importId } = parseInput(ZCallImportId, values);
    await commitCallImport({ user: await getCurrentUser(), importId, now: await getNow() });
    return importId;
  });
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  revalidatePath(`/${locale}/gestion/tableau-de-bord`);
  return redirect({ href: `/gestion/appels?importe=${result.data}`, locale });
}

export async function discardCallImportAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => discardCallImport({ user: await getCurrentUser(), importId: parseInput(ZCallImportId, values).importId }));
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  return redirect({ href: "/gestion/appels", locale });
}
