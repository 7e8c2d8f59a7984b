"use server";
// The guides' desk: save a version (agents and managers), publish a version or archive (managers).
import { revalidatePath } from "next/cache";
import type { ConsoleFormState } from "@/components/console/action-form";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZGuideArticleInput, ZGuidePublication } from "@/schemas/guides";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { filesFromForm } from "@/server/http/form-files";
import { formValues, runAction } from "@/server/http/server-action";
import { archiveGuide, proposeGuideFromMessage, publishGuide, saveGuideVersion } from "@/server/services/guides";
import { AppError } from "@/server/errors";
import { isUuid, parseInput } from "@/server/validate";

const NOTICES = {
  saved: { fr: (v: number) => `Version ${v} enregistrée.`, en: (v: number) => `Version ${v} saved.` },
  published: { fr: (v: number) => `Version ${v} publiée.`, en: (v: number) => `Version ${v} published.` },
  archived: { fr: "Article archivé.", en: "Article archived." },
};

export async function saveGuideAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const input = parseInput(ZGuideArticleInput, values);
    // Files are checked after the texts: a refused file is named at its field, nothing is saved.
    const files = await filesFromForm(form);
    const removeAttachmentIds = Object.keys(values).filter((k) => k.startsWith("remove-") && isUuid(k.slice(7))).map((k) => k.slice(7));
    return saveGuideVersion({ user: await getCurrentUser(), input, now: await getNow(), files, removeAttachmentIds });
  });
  if (result.ok && !values.articleId) {
    // A new article: its page, where it is read again, published or edited.
    return redirect({ href: `/gestion/guides/${serviceId}/${result.data.articleId}`, locale });
  }
  if (result.ok) revalidatePath(`/${locale}/gestion/guides/${serviceId}/${result.data.articleId}`);
  return { seq: previous.seq + 1, ok: result.ok, values, failure: result.ok ? null : result, notice: result.ok ? NOTICES.saved[locale](result.data.version) : null };
}

export async function publishGuideAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const input = parseInput(ZGuidePublication, values);
    await publishGuide({ user: await getCurrentUser(), articleId: input.articleId, version: input.version, now: await getNow() });
    return input.version;
  });
  if (result.ok) revalidatePath(`/${locale}/gestion/guides/${serviceId}/${values.articleId}`);
  return { seq: previous.seq + 1, ok: result.ok, values, failure: result.ok ? null : result, notice: result.ok ? NOTICES.published[locale](result.data) : null };
}

export async function archiveGuideAction(locale: Locale, serviceId: string, articleId: string, previous: ConsoleFormState): Promise<ConsoleFormState> {
  const result = await runAction(locale, async () => archiveGuide({ user: await getCurrentUser(), articleId, now: await getNow() }));
  if (result.ok) revalidatePath(`/${locale}/gestion/guides/${serviceId}/${articleId}`);
  return { seq: previous.seq + 1, ok: result.ok, values: {}, failure: result.ok ? null : result, notice: result.ok ? NOTICES.archived[locale] : null };
}

/** From the console: an agent's answer made into a draft article (personal information removed); opens the draft. */
export async function proposeGuideAction(locale: Locale, number: string, messageId: string, previous: ConsoleFormState): Promise<ConsoleFormState> {
  const result = await runAction(locale, async () => {
    if (!isUuid(messageId)) throw new AppError("NOT_FOUND", "not a message id");
    return proposeGuideFromMessage({ user: await getCurrentUser(), number, messageId, now: await getNow() });
  });
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values: {}, failure: result, notice: null };
  return redirect({ href: `/gestion/guides/${result.data.serviceId}/${result.data.articleId}`, locale });
}
