"use server";
// The admin's answers to a person's request about their information (Loi 25): look up, export
// (JSON, handed over by the browser as a file), erase. The address travels in the form's body,
// never in an address bar or a log.
import { z } from "zod";
import type { Locale } from "@/i18n/routing";
import { ZEmail } from "@/schemas/fields";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { runAction, type ActionResult } from "@/server/http/server-action";
import { erasePerson, exportPerson, lookUpPerson, type PersonSummary } from "@/server/services/person-data";
import { parseInput } from "@/server/validate";

const ZPersonLookup = z.object({ email: ZEmail });
const emailOf = (form: FormData) => parseInput(ZPersonLookup, { email: String(form.get("email") ?? "") }).email;

export async function lookUpPersonAction(locale: Locale, form: FormData): Promise<ActionResult<PersonSummary>> {
  return runAction(locale, async () => lookUpPerson({ user: await getCurrentUser(), email: emailOf(form) }));
}

export async function exportPersonAction(locale: Locale, form: FormData): Promise<ActionResult<string>> {
  return runAction(locale, async () => JSON.stringify(await exportPerson({ user: await getCurrentUser(), email: emailOf(form), now: await getNow() }), null, 2));
}

export async function erasePersonAction(locale: Locale, form: FormData): Promise<ActionResult<{ erased: string[]; open: string[]; summary: PersonSummary }>> {
  return runAction(locale, async () => {
    const user = await getCurrentUser();
    const email = emailOf(form);
    const result = await erasePerson({ user, email, now: await getNow() });
    return { ...result, summary: await lookUpPerson({ user, email }) };
  });
}
