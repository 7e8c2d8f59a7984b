import { z } from "zod";
import { ZEmail } from "@/schemas/fields";

/** A pilot's change to one member of their MO: enable/disable, and the centres they may use. */
export const ZUpdateMemberInput = z.object({
  userId: z.uuid({ error: "text.invalid" }),
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  services: z.array(z.enum(["ca-dotation", "sagir"], { error: "choice.invalid" })).max(2),
});
export type TUpdateMemberInput = z.infer<typeof ZUpdateMemberInput>;

/** Roles a pilot may invite: the MO's specialists of each centre. */
export const INVITABLE_ROLES = ["mo_specialist", "sagir_user"] as const;

/** A pilot invites a person of their MO. */
export const ZInviteMemberInput = z.object({
  name: z.string({ error: "personName.length" }).trim().min(1, { error: "personName.length" }).max(120, { error: "personName.length" }),
  email: ZEmail,
  role: z.enum(INVITABLE_ROLES, { error: "choice.invalid" }),
});
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

/** An invited person chooses their password. */
export const ZSetPasswordInput = z
  .object({
    password: z.string({ error: "password.length" }).min(12, { error: "password.length" }).max(200, { error: "password.length" }),
    confirmation: z.string({ error: "password.mismatch" }),
  })
  .refine((v) => v.password === v.confirmation, { error: "password.mismatch", path: ["confirmation"] });
export type TSetPasswordInput = z.infer<typeof ZSetPasswordInput>;
