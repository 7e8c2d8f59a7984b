import { z } from "zod";
import { ZMoRequestInput } from "@/schemas/mo-request";
import {
  ZSagirAccess,
  ZSagirArrival,
  ZSagirDeparture,
  ZSagirParametrization,
  ZSagirSelfService,
  ZSagirSpecialised,
  ZSagirTraining,
} from "@/schemas/sagir-request";

/**
 * POST /api/v1/requests: a signed-in person's request, by form — the same schemas as the pages.
 * `dotation` is the Formulaire de requête dotation; `sagir` is SAGIR's Outil Requête, whose
 * `type` picks one of its seven forms.
 */
const sagir = { form: z.literal("sagir") };
const ZSagirBody = z.discriminatedUnion(
  "type",
  [
    ZSagirAccess.extend(sagir),
    ZSagirSelfService.extend(sagir),
    ZSagirSpecialised.extend(sagir),
    ZSagirTraining.extend(sagir),
    ZSagirArrival.extend(sagir),
    // Its day-in-month refinement is kept: safeExtend is the extension that allows refinements.
    ZSagirDeparture.safeExtend(sagir),
    ZSagirParametrization.extend(sagir),
  ],
  { error: "sagirType.invalid" },
);

export const ZCreateRequestBody = z.discriminatedUnion("form", [ZMoRequestInput.extend({ form: z.literal("dotation") }), ZSagirBody], {
  error: "form.invalid",
});
export type TCreateRequestBody = z.infer<typeof ZCreateRequestBody>;
