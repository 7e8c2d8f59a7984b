import { z } from "zod";

/** A pilot's change to one member of their MO: enable/disable, and the centres they may use. */
export const ZUpdateMemberInput = z.object({
  userId: z.uuid({ error: "text.invalid" }),
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  services: z.array(z.enum(["ca-dotation", "sagir"], { error: "choice.invalid" })).max(2),
});
export type TUpdateMemberInput = z.infer<typeof ZUpdateMemberInput>;
