"use server";
// The admin's integration keys: create (shown once), revoke. The form's schema validates; the
// service checks the role.
import { revalidatePath } from "next/cache";
import type { ApiKeyFormState } from "@/components/admin/api-key-form";
import { formatDateTime } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";
import { ZApiKeyInput } from "@/schemas/admin";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { runAction, type ActionFailure } from "@/server/http/server-action";
import { createApiKey, revokeApiKey } from "@/server/services/administer-api-keys";
import { parseInput } from "@/server/validate";

const PAGE = "/admin/cles";

export async function createApiKeyAction(locale: Locale, _previous: ApiKeyFormState, form: FormData): Promise<ApiKeyFormState> {
  const values = { name: String(form.get("name") ?? ""), scope: String(form.get("scope") ?? ""), expiresOn: String(form.get("expiresOn") ?? "") };
  const result = await runAction(locale, async () => createApiKey({ user: await getCurrentUser(), input: parseInput(ZApiKeyInput, values), now: await getNow() }));
  if (!result.ok) return { values, failure: result, created: null };
  revalidatePath(`/${locale}${PAGE}`);
  // « Valide jusqu'au lundi 29 novembre 2027, … »: the end of the chosen day, without its article.
  return { values: {}, failure: null, created: { name: values.name.trim(), key: result.data.key, validUntil: formatDateTime(result.data.expiresAt.getTime(), locale).replace(/^le /, "") } };
}

export async function revokeApiKeyAction(locale: Locale, id: string): Promise<{ failure: ActionFailure | null }> {
  const result = await runAction(locale, async () => revokeApiKey({ user: await getCurrentUser(), id, now: await getNow() }));
  if (result.ok) revalidatePath(`/${locale}${PAGE}`);
  return { failure: result.ok ? null : result };
}
