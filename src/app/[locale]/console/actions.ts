"use server";
// Server actions of the agent console. Each parses the form with the schema the form was drawn
// from, calls its use case (which checks the agent's service and the version seen), and gives
// back what was typed so that a refused or conflicting submission loses nothing.
import { revalidatePath } from "next/cache";
import type { ConsoleFormState } from "@/components/console/action-form";
import type { Locale } from "@/i18n/routing";
import { ZBulkInput, ZSavedViewDelete, ZSavedViewInput, ZCallInput, ZCallSettleInput, ZIdentifySenderInput, ZIdentityInput, ZMergeInput, ZNoteInput, ZReassignInput, ZReplyInput, ZStatusInput } from "@/schemas/console";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { filesFromForm } from "@/server/http/form-files";
import { formValues, runAction } from "@/server/http/server-action";
import { heartbeat } from "@/server/services/agent-console";
import {
  addInternalNote,
  identifySender,
  changeRequestStatus,
  mergeRequest,
  reassignRequest,
  replyToRequest,
  revealPersonalData,
  revealRequester,
  takeInCharge,
  validateIdentity,
} from "@/server/services/handle-request";
import { logCall, settleCall } from "@/server/services/log-call";
import { bulkHandle } from "@/server/services/bulk-handle";
import { removeView, saveView } from "@/server/services/saved-views";
import { parseInput } from "@/server/validate";
import { ZForwardInput, ZReviewDecisionInput, ZSecondLevelAnswerInput, ZWithdrawInput } from "@/schemas/second-level";
import { forwardToSecondLevel, recordSecondLevelAnswer, withdrawReferral } from "@/server/services/second-level";
import { decideResolution } from "@/server/services/quality-review";

const DONE = { fr: "C'est fait.", en: "Done." };

async function handle(
  locale: Locale,
  number: string,
  previous: ConsoleFormState,
  form: FormData,
  run: (values: Record<string, string>, context: { user: Awaited<ReturnType<typeof getCurrentUser>>; now: Date }) => Promise<unknown>,
  notice: { fr: string; en: string } = DONE,
): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => run(values, { user: await getCurrentUser(), now: await getNow() }));
  // Success and conflict alike: the page shows the request's current state.
  if (result.ok || result.code === "CONFLICT") revalidatePath(`/${locale}/console/requetes/${number}`);
  return { seq: previous.seq + 1, ok: result.ok, values, failure: result.ok ? null : result, notice: result.ok ? notice[locale] : null };
}

export async function takeInChargeAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => takeInCharge({ ...c, number, expectedVersion: Number(v.expectedVersion) }));
}

export async function replyAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  let held = false;
  const state = await handle(locale, number, previous, form, async (v, c) => {
    const result = await replyToRequest({ ...c, number, input: parseInput(ZReplyInput, v), files: await filesFromForm(form) });
    held = result.held === true;
    return result;
  }, { fr: "Réponse envoyée.", en: "Reply sent." });
  // Held for the quality review: nothing went out yet, and the agent must know it.
  return held ? { ...state, notice: locale === "fr" ? "Réponse soumise à la révision : elle partira quand un autre agent l'aura approuvée." : "Answer submitted for review: it goes out once another agent approves it." } : state;
}

export async function forwardAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => forwardToSecondLevel({ ...c, number, input: parseInput(ZForwardInput, v) }), {
    fr: "Requête transmise au second niveau par courriel.",
    en: "Request forwarded to the second level by e-mail.",
  });
}

export async function secondLevelAnswerAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => {
    const input = parseInput(ZSecondLevelAnswerInput, v);
    return recordSecondLevelAnswer({ ...c, number, body: input.body, expectedVersion: input.expectedVersion });
  }, { fr: "Réponse du second niveau consignée.", en: "Second-level answer recorded." });
}

export async function withdrawReferralAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => withdrawReferral({ ...c, number, expectedVersion: parseInput(ZWithdrawInput, v).expectedVersion }), {
    fr: "La requête n'attend plus le second niveau.",
    en: "The request no longer waits for the second level.",
  });
}

export async function reviewAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  const decision = form.get("decision");
  return handle(locale, number, previous, form, (v, c) => decideResolution({ ...c, number, input: parseInput(ZReviewDecisionInput, v) }), decision === "approved"
    ? { fr: "Réponse approuvée et envoyée.", en: "Answer approved and sent." }
    : { fr: "Réponse retournée à son auteur.", en: "Answer returned to its author." });
}

export async function identifySenderAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => {
    const input = parseInput(ZIdentifySenderInput, v);
    return identifySender({ ...c, number, expectedVersion: input.expectedVersion, email: input.email });
  }, { fr: "Expéditeur identifié : la requête appartient maintenant à son compte et à son organisation.", en: "Sender identified: the request now belongs to their account and organization." });
}

export async function noteAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => {
    const input = parseInput(ZNoteInput, v);
    return addInternalNote({ ...c, number, expectedVersion: input.expectedVersion, body: input.body });
  });
}

export async function statusAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => {
    const input = parseInput(ZStatusInput, v);
    return changeRequestStatus({ ...c, number, expectedVersion: input.expectedVersion, status: input.status });
  });
}

export async function reassignAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => {
    const input = parseInput(ZReassignInput, v);
    return reassignRequest({ ...c, number, expectedVersion: input.expectedVersion, assigneeId: input.assigneeId });
  });
}

export async function mergeAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  const state = await handle(locale, number, previous, form, (v, c) => {
    const input = parseInput(ZMergeInput, v);
    return mergeRequest({ ...c, number, expectedVersion: input.expectedVersion, into: input.into });
  });
  if (state.ok) {
    const into = String(form.get("into") ?? "").trim().toUpperCase();
    revalidatePath(`/${locale}/console/requetes/${into}`);
    return { ...state, link: { href: `/${locale}/console/requetes/${into}`, label: into } };
  }
  return state;
}

export async function identityAction(locale: Locale, number: string, previous: ConsoleFormState, form: FormData) {
  return handle(locale, number, previous, form, (v, c) => {
    const input = parseInput(ZIdentityInput, v);
    return validateIdentity({ ...c, number, expectedVersion: input.expectedVersion, method: input.method, note: input.note });
  });
}

export type RevealState = { data: Record<string, string | number | null> | null; error: string | null };

export async function revealRequesterAction(locale: Locale, number: string): Promise<RevealState> {
  const result = await runAction(locale, async () => revealRequester({ user: await getCurrentUser(), number, now: await getNow() }));
  return result.ok ? { data: result.data, error: null } : { data: null, error: result.message };
}

export async function revealBirthAction(locale: Locale, number: string): Promise<RevealState> {
  const result = await runAction(locale, async () => revealPersonalData({ user: await getCurrentUser(), number, now: await getNow() }));
  return result.ok ? { data: result.data, error: null } : { data: null, error: result.message };
}

export async function heartbeatAction(locale: Locale, number: string): Promise<string[]> {
  const result = await runAction(locale, async () => heartbeat({ user: await getCurrentUser(), number, now: await getNow() }));
  return result.ok ? result.data.map((v) => v.name) : [];
}

export async function logCallAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => logCall({ user: await getCurrentUser(), serviceId, input: parseInput(ZCallInput, values), now: await getNow() }));
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  revalidatePath(`/${locale}/console/${serviceId}`);
  const { number, answer } = result.data;
  const fr = [number ? `Requête ${number} ouverte.` : "Appel journalisé."];
  const en = [number ? `Request ${number} opened.` : "Call logged."];
  if (answer) {
    fr.push(answer.met ? "Répondu dans le délai." : "Délai de réponse dépassé.");
    en.push(answer.met ? "Answered within target." : "Answer target missed.");
  }
  return {
    seq: previous.seq + 1,
    ok: true,
    values: {},
    failure: null,
    notice: (locale === "fr" ? fr : en).join(" "),
    tone: answer && !answer.met ? "warning" : "success",
    link: number ? { href: `/${locale}/console/requetes/${number}`, label: number } : null,
  };
}

/** The screen pop's « Régler l'appel »: a call the telephone system reported, settled with its own instants. */
export async function settleCallAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => settleCall({ user: await getCurrentUser(), serviceId, input: parseInput(ZCallSettleInput, values) }));
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  // No revalidation: this page would render « déjà réglé » in place of the notice; the queue and
  // the pop are read fresh (dynamic pages, polled pop).
  const { number } = result.data;
  const notice = number ? { fr: `Requête ${number} ouverte.`, en: `Request ${number} opened.` } : { fr: "Appel réglé.", en: "Call settled." };
  return {
    seq: previous.seq + 1,
    ok: true,
    values: {},
    failure: null,
    notice: notice[locale],
    tone: "success",
    link: number ? { href: `/${locale}/console/requetes/${number}`, label: number } : null,
  };
}

/** The queue's bulk action: each ticked request at the version seen; what was done and what was not, per request. */
export async function bulkAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () =>
    bulkHandle({ user: await getCurrentUser(), serviceId, input: parseInput(ZBulkInput, { ...values, selected: form.getAll("selected").filter((v) => typeof v === "string") }), now: await getNow() }),
  );
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  revalidatePath(`/${locale}/console/${serviceId}`);
  const done = result.data.filter((o) => o.ok).map((o) => o.number);
  const refused = result.data.flatMap((o) => (o.ok ? [] : [`${o.number} : ${o.message[locale]}`]));
  const lines =
    locale === "fr"
      ? [`${done.length} requête${done.length > 1 ? "s" : ""} traitée${done.length > 1 ? "s" : ""}${done.length ? ` : ${done.join(", ")}` : ""}.`, ...(refused.length ? [`Non traitée${refused.length > 1 ? "s" : ""} :`, ...refused] : [])]
      : [`${done.length} request${done.length === 1 ? "" : "s"} done${done.length ? `: ${done.join(", ")}` : ""}.`, ...(refused.length ? ["Not done:", ...refused.map((r) => r.replace(" : ", ": "))] : [])];
  return { seq: previous.seq + 1, ok: true, values: {}, failure: null, notice: lines.join("\n"), tone: refused.length ? "warning" : "success" };
}

/** Saves the queue's current filters under a name (the agent's own, per service). */
export async function saveViewAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => saveView({ user: await getCurrentUser(), serviceId, input: parseInput(ZSavedViewInput, values) }));
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  revalidatePath(`/${locale}/console/${serviceId}`);
  const name = values.name?.trim() ?? "";
  return { seq: previous.seq + 1, ok: true, values: {}, failure: null, notice: locale === "fr" ? `Vue « ${name} » enregistrée.` : `View "${name}" saved.` };
}

export async function deleteViewAction(locale: Locale, serviceId: string, previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const values = formValues(form);
  const result = await runAction(locale, async () => removeView({ user: await getCurrentUser(), serviceId, id: parseInput(ZSavedViewDelete, values).id }));
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  revalidatePath(`/${locale}/console/${serviceId}`);
  return { seq: previous.seq + 1, ok: true, values: {}, failure: null, notice: locale === "fr" ? "Vue supprimée." : "View deleted." };
}
