import { z } from "zod";
import { ZMoRequestInput } from "@/schemas/mo-request";

/**
 * POST /api/v1/requests: a signed-in person's request, by form. `dotation` is the Formulaire de
 * requête dotation (the same schema as the page's form). SAGIR's Outil Requête forms join this union.
 */
export const ZCreateRequestBody = z.discriminatedUnion("form", [ZMoRequestInput.extend({ form: z.literal("dotation") })], {
  error: "form.invalid",
});
export type TCreateRequestBody = z.infer<typeof ZCreateRequestBody>;
