import { z } from "zod";
import { unknownPlaceholders } from "@/domain/requests/canned-replies";

export const CANNED_KINDS = ["answer", "delay_notice", "redirection"] as const;

const ZTitle = z.string({ error: "canned.title" }).trim().min(3, { error: "canned.title" }).max(120, { error: "canned.title" });
const ZBody = z.string({ error: "canned.body" }).trim().min(10, { error: "canned.body" }).max(5000, { error: "canned.body" });

/** A manager's canned reply, in French and English, whose placeholders the catalogue fills. */
export const ZCannedReplyInput = z
  .object({
    id: z.string().max(80).optional().transform((v) => v || null),
    kind: z.enum(CANNED_KINDS, { error: "choice.invalid" }),
    titleFr: ZTitle,
    titleEn: ZTitle,
    bodyFr: ZBody,
    bodyEn: ZBody,
    active: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "active", z.boolean()),
  })
  .superRefine((v, ctx) => {
    for (const field of ["bodyFr", "bodyEn"] as const) {
      if (unknownPlaceholders(v[field], v.kind).length) ctx.addIssue({ code: "custom", path: [field], message: v[field].includes("{date}") && v.kind !== "delay_notice" ? "canned.dateOnlyInNotice" : "canned.placeholder" });
    }
  });
export type TCannedReplyInput = z.infer<typeof ZCannedReplyInput>;
