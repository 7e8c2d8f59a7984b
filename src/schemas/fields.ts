import { z } from "zod";

// Fields the forms share (the candidate's inquiry, the MO forms of both centres, the pilot's
// invitation), so that one rule and one message hold everywhere. Messages are keys of messages.ts.

export const ZEmail = z
  .string({ error: "email.invalid" })
  .trim()
  .toLowerCase()
  .max(254, { error: "email.invalid" })
  .pipe(z.email({ error: "email.invalid" }));

export const ZSubject = z.string({ error: "subject.length" }).trim().min(3, { error: "subject.length" }).max(150, { error: "subject.length" });

/** A message or a description: 10 to 5,000 characters. */
export const ZMessage = z
  .string({ error: "message.length" })
  .trim()
  .min(10, { error: "message.length" })
  .max(5000, { error: "message.length" });

/**
 * A checkbox (`on` when ticked, absent or empty when not) or a JSON boolean. Anything else — `"yes"`,
 * `1`, `null`, `[]`, an object — is refused at the field rather than read as "no".
 */
export const ZUrgent = z.preprocess(
  (v) => (v === undefined || v === "" || v === "false" ? false : v === "on" || v === "true" ? true : v),
  z.boolean({ error: "checkbox.invalid" }),
);

export const ZContactPhone = z
  .string()
  .trim()
  .max(40, { error: "phone.invalid" })
  .regex(/^$|^[0-9 ()+.-]{7,}(,?\s*(poste|ext\.?|#)\s*\d+)?$/i, { error: "phone.invalid" })
  .optional()
  .transform((v) => v || null);

/**
 * A text's English version is whole or absent (a guide's article, a communiqué): a title without a
 * text, or the reverse, would show half of it. The issue is put on the field that is missing.
 */
export function checkEnglishPair(v: { titleEn?: string | null; bodyEn?: string | null }, ctx: z.RefinementCtx): void {
  if (Boolean(v.titleEn) !== Boolean(v.bodyEn)) ctx.addIssue({ code: "custom", path: [v.titleEn ? "bodyEn" : "titleEn"], message: "english.pair" });
}
