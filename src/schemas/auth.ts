import { z } from "zod";

export const ZSignInInput = z.object({
  email: z.string({ error: "email.invalid" }).trim().toLowerCase().pipe(z.email({ error: "email.invalid" })),
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(200, { error: "text.invalid" }),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** « Mot de passe oublié » : the address the link goes to (if an account has it). */
export const ZPasswordResetRequestInput = z.object({
  email: z.string({ error: "email.invalid" }).trim().toLowerCase().pipe(z.email({ error: "email.invalid" })),
});
export type TPasswordResetRequestInput = z.infer<typeof ZPasswordResetRequestInput>;
