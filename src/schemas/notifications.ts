import { z } from "zod";

/** Which notification to mark read: its id, or "all". */
export const ZNotificationsRead = z.object({
  id: z.union([z.literal("all"), z.string().regex(/^\d{1,18}$/, { error: "choice.invalid" }).transform((v) => BigInt(v))], { error: "choice.invalid" }),
});

/** The list's page: notifications older than this id (keyset). */
export const ZNotificationsPage = z.object({ avant: z.string().regex(/^\d{1,18}$/).transform((v) => BigInt(v)).optional().catch(undefined) });
