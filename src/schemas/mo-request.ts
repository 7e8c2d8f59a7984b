import { z } from "zod";
import { MO_FUNCTIONS, MO_NATURES } from "@/domain/requests/mo-request";
import { ZContactPhone, ZMessage, ZSubject, ZUrgent } from "@/schemas/fields";

// The Formulaire de requête dotation: the page's form, its action and POST /api/v1/requests share it.
export const ZMoRequestInput = z.object({
  function: z.enum(MO_FUNCTIONS, { error: "choice.invalid" }),
  nature: z.enum(MO_NATURES, { error: "choice.invalid" }),
  subject: ZSubject,
  description: ZMessage,
  urgent: ZUrgent,
  contactPhone: ZContactPhone,
});
export type TMoRequestInput = z.infer<typeof ZMoRequestInput>;
