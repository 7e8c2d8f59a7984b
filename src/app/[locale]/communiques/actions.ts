"use server";
// Communiqués: write and save a draft, send or plan it (a centre), submit it (an MO's pilot),
// forward or return it (SAGIR agents), replace a sent one, ask a question, answer questions.
import { revalidatePath } from "next/cache";
import type { ConsoleFormState } from "@/components/console/action-form";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZCommuniqueAnswer, ZCommuniqueDraft, ZCommuniqueQuestion, ZCommuniqueReturn, ZCommuniqueSend, ZUserLocale } from "@/schemas/communique";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { filesFromForm } from "@/server/http/form-files";
import { formValues, runAction } from "@/server/http/server-action";
import {
  answerCommuniqueQuestions,
  askAboutCommunique,
  cancelPlannedCommunique,
  deleteCommuniqueDraft,
  draftReplacement,
  forwardCommunique,
  returnCommunique,
  saveCommuniqueDraft,
  sendCommunique,
  setUserLocale,
  submitCommunique,
} from "@/server/services/communiques";
import { isUuid, parseInput } from "@/server/validate";

const LISTS = ["roles", "groups", "organizationIds", "numbers"] as const;

/** The form's values, its checkbox lists as lists (and, given back on a refusal, one per line). */
function read(form: FormData): { input: Record<string, unknown>; values: Record<string, string> } {
  const values = formValues(form);
  const input: Record<string, unknown> = { ...values };
  for (const name of LISTS) {
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    input[name] = all;
    values[name] = all.join("\n");
  }
  return { input, values };
}

const state = (previous: ConsoleFormState, values: Record<string, string>, result: { ok: true } | { ok: false }, notice: string | null, failure: ConsoleFormState["failure"] = null): ConsoleFormState => ({
  seq: previous.seq + 1,
  ok: result.ok,
  values,
  failure,
  notice: result.ok ? notice : null,
});

const checkedId = (id: string) => {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "not a communiqué id");
  return id;
};

export async function saveCommuniqueAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const { input, values } = read(form);
  const result = await runAction(locale, async () => {
    const parsed = parseInput(ZCommuniqueDraft, input);
    // Files are checked after the texts: a refused file is named at its field, nothing is saved.
    const files = await filesFromForm(form);
    const removeAttachmentIds = Object.keys(values).filter((k) => k.startsWith("remove-") && isUuid(k.slice(7))).map((k) => k.slice(7));
    return saveCommuniqueDraft({ user: await getCurrentUser(), input: parsed, now: await getNow(), files, removeAttachmentIds });
  });
  if (!result.ok) return state(previous, values, result, null, result);
  // The draft's page: read again, its reach shown, sent (or submitted) from there.
  return redirect({ href: `/communiques/${result.data.id}`, locale });
}

/**
 * A send, submit, return or cancel changes what the page offers (its form is gone once done), so
 * the action goes back to the page, which says what was done from the communiqué as it now is.
 */
const done = (locale: Locale, id: string, what: "envoye" | "planifie" | "soumis" | "retourne" | "annule") =>
  redirect({ href: `/communiques/${id}?fait=${what}`, locale });

export async function sendCommuniqueAction(locale: Locale, id: string, forward: boolean, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const send = parseInput(ZCommuniqueSend, values);
    const options = { user: await getCurrentUser(), id: checkedId(id), send, now: await getNow() };
    return forward ? forwardCommunique(options) : sendCommunique(options);
  });
  if (!result.ok) return state(previous, values, result, null, result);
  return done(locale, id, result.data.at ? "planifie" : "envoye");
}

export async function cancelPlannedAction(locale: Locale, id: string, previous: ConsoleFormState): Promise<ConsoleFormState> {
  const result = await runAction(locale, async () => cancelPlannedCommunique({ user: await getCurrentUser(), id: checkedId(id), now: await getNow() }));
  if (!result.ok) return state(previous, {}, result, null, result);
  return done(locale, id, "annule");
}

export async function submitCommuniqueAction(locale: Locale, id: string, previous: ConsoleFormState): Promise<ConsoleFormState> {
  const result = await runAction(locale, async () => submitCommunique({ user: await getCurrentUser(), id: checkedId(id), now: await getNow() }));
  if (!result.ok) return state(previous, {}, result, null, result);
  return done(locale, id, "soumis");
}

export async function returnCommuniqueAction(locale: Locale, id: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const { reason } = parseInput(ZCommuniqueReturn, values);
    await returnCommunique({ user: await getCurrentUser(), id: checkedId(id), reason, now: await getNow() });
  });
  if (!result.ok) return state(previous, values, result, null, result);
  return done(locale, id, "retourne");
}

export async function deleteDraftAction(locale: Locale, id: string, previous: ConsoleFormState): Promise<ConsoleFormState> {
  const result = await runAction(locale, async () => deleteCommuniqueDraft({ user: await getCurrentUser(), id: checkedId(id) }));
  if (!result.ok) return state(previous, {}, result, null, result);
  return redirect({ href: "/communiques", locale });
}

export async function replaceCommuniqueAction(locale: Locale, id: string, previous: ConsoleFormState): Promise<ConsoleFormState> {
  const result = await runAction(locale, async () => draftReplacement({ user: await getCurrentUser(), id: checkedId(id), now: await getNow() }));
  if (!result.ok) return state(previous, {}, result, null, result);
  return redirect({ href: `/communiques/${result.data.id}/modifier`, locale });
}

export async function askQuestionAction(locale: Locale, id: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const input = parseInput(ZCommuniqueQuestion, values);
    return askAboutCommunique({ user: await getCurrentUser(), id: checkedId(id), input, now: await getNow(), locale });
  });
  if (!result.ok) return state(previous, values, result, null, result);
  const centre = result.data.number.startsWith("SAG") ? "/sagir/requetes" : "/dotation/requetes";
  return {
    ...state(previous, {}, result, locale === "fr" ? `Question envoyée : requête ${result.data.number}.` : `Question sent: request ${result.data.number}.`),
    link: { href: `${locale === "en" ? "/en" : ""}${centre}/${result.data.number}`, label: locale === "fr" ? "Suivre la requête" : "Follow the request" },
  };
}

export async function answerQuestionsAction(locale: Locale, id: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const { input, values } = read(form);
  const result = await runAction(locale, async () => {
    const parsed = parseInput(ZCommuniqueAnswer, input);
    return answerCommuniqueQuestions({ user: await getCurrentUser(), id: checkedId(id), input: parsed, now: await getNow() });
  });
  if (!result.ok) return state(previous, values, result, null, result);
  revalidatePath(`/${locale}/communiques/${id}`);
  const done = result.data.filter((o) => o.ok && !o.held).length;
  const held = result.data.filter((o) => o.ok && o.held).length;
  const refusedLines = result.data.flatMap((o) => (o.ok ? [] : [`${o.number} : ${o.message[locale]}`]));
  const lines = [
    done || !held ? (locale === "fr" ? `${done} réponse${done > 1 ? "s" : ""} envoyée${done > 1 ? "s" : ""}.` : `${done} answer${done > 1 ? "s" : ""} sent.`) : null,
    held ? (locale === "fr" ? `${held} réponse${held > 1 ? "s" : ""} soumise${held > 1 ? "s" : ""} à la révision d'un second agent avant l'envoi.` : `${held} answer${held > 1 ? "s" : ""} held for a second agent's review before sending.`) : null,
    ...refusedLines,
  ];
  const notice = lines.filter(Boolean).join("\n");
  return { ...state(previous, refusedLines.length ? values : {}, result, notice), tone: refusedLines.length ? "warning" : "success" };
}

export async function saveLocaleAction(locale: Locale, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => setUserLocale({ user: await getCurrentUser(), locale: parseInput(ZUserLocale, values).locale }));
  if (result.ok) revalidatePath(`/${locale}/espace`);
  return state(previous, values, result, locale === "fr" ? "Langue enregistrée." : "Language saved.", result.ok ? null : result);
}
