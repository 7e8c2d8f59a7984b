import { z } from "zod";
import { MO_FUNCTIONS, MO_NATURES } from "@/domain/requests/mo-request";

// The Formulaire de requête dotation: the page's form, its action and POST /api/v1/requests share it.
export const ZMoRequestInput = z.object({
  function: z.enum(MO_FUNCTIONS, { error: "choice.invalid" }),
  nature: z.enum(MO_NATURES, { error: "choice.invalid" }),
  subject: z.string({ error: "subject.length" }).trim().min(3, { error: "subject.length" }).max(150, { error: "subject.length" }),
  description: z.string({ error: "message.length" }).trim().min(10, { error: "message.length" }).max(5000, { error: "message.length" }),
  urgent: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  contactPhone: z
    .string()
    .trim()
    .max(40, { error: "phone.invalid" })
    .regex(/^$|^[0-9 ()+.-]{7,}(,?\s*(poste|ext\.?|#)\s*\d+)?$/i, { error: "phone.invalid" })
    .optional()
    .transform((v) => v || null),
});
export type TMoRequestInput = z.infer<typeof ZMoRequestInput>;
