import { z } from "zod";
import { MO_FUNCTIONS, MO_NATURES } from "@/domain/requests/mo-request";

// Fields every request form of an MO shares (dotation and SAGIR).
export const ZSubject = z.string({ error: "subject.length" }).trim().min(3, { error: "subject.length" }).max(150, { error: "subject.length" });
export const ZDescription = z
  .string({ error: "message.length" })
  .trim()
  .min(10, { error: "message.length" })
  .max(5000, { error: "message.length" });
/** A checkbox (`on`) or a JSON boolean. */
export const ZUrgent = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
export const ZContactPhone = z
  .string()
  .trim()
  .max(40, { error: "phone.invalid" })
  .regex(/^$|^[0-9 ()+.-]{7,}(,?\s*(poste|ext\.?|#)\s*\d+)?$/i, { error: "phone.invalid" })
  .optional()
  .transform((v) => v || null);

// The Formulaire de requête dotation: the page's form, its action and POST /api/v1/requests share it.
export const ZMoRequestInput = z.object({
  function: z.enum(MO_FUNCTIONS, { error: "choice.invalid" }),
  nature: z.enum(MO_NATURES, { error: "choice.invalid" }),
  subject: ZSubject,
  description: ZDescription,
  urgent: ZUrgent,
  contactPhone: ZContactPhone,
});
export type TMoRequestInput = z.infer<typeof ZMoRequestInput>;
