import "server-only";
// The entry wrapper for server actions: expected errors come back as data (code, message and
// field messages in the reader's language), unexpected ones are logged and shown generically.
import { errorFields, log } from "@/server/log";
import { errorBody, toAppError, type AppErrorCode } from "@/server/errors";

export type ActionFailure = {
  ok: false;
  code: AppErrorCode;
  message: string;
  fieldErrors: Record<string, string>;
  details: Record<string, unknown>;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export async function runAction<T>(locale: "fr" | "en", run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") log.error("action_error", { error: errorFields(error) });
    const generic =
      locale === "fr"
        ? { INVALID_PARAMETER: "Corrigez les champs indiqués.", INTERNAL: "Une erreur inattendue est survenue." }
        : { INVALID_PARAMETER: "Please correct the fields shown.", INTERNAL: "An unexpected error occurred." };
    return {
      ok: false,
      code: appError.code,
      message: appError.localized?.[locale] ?? generic[appError.code as keyof typeof generic] ?? errorBody(appError).error.message[locale],
      fieldErrors: Object.fromEntries(Object.entries(appError.fields).map(([k, v]) => [k, v[locale]])),
      details: appError.details,
    };
  }
}

/** What a form submitted (React's own `$ACTION_…` fields left out), given back on a refusal so nothing typed is lost. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}
