import { z } from "zod";
import { ZEmail, ZMessage } from "@/schemas/fields";
import { ZIsoDate } from "@/schemas/sagir-request";

// Second level and follow-up, quality review: the forms of the console and of the managers' page,
// shared by the pages and their server actions. Messages are keys of messages.ts.

const ZVersion = z.coerce.number({ error: "text.invalid" }).int().min(0);
const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** A second-level party of a service, as a manager enters it. */
export const ZContactInput = z.object({
  name: z.string({ error: "personName.length" }).trim().min(1, { error: "personName.length" }).max(120, { error: "personName.length" }),
  email: ZEmail,
  role: z.string({ error: "contactRole.length" }).trim().max(200, { error: "contactRole.length" }).default(""),
});
export type TContactInput = z.output<typeof ZContactInput>;

export const ZContactUpdate = ZContactInput.extend({ id: z.uuid({ error: "choice.invalid" }), active: ZCheckbox });
export type TContactUpdate = z.output<typeof ZContactUpdate>;

export const ZReviewSetting = z.object({ reviewResolutions: ZCheckbox });

/** An agent forwards the request to a second-level party, with a note, and sets the follow-up date. */
export const ZForwardInput = z.object({
  contactId: z.uuid({ error: "contact.required" }),
  note: ZMessage,
  followUpDate: z.string({ error: "followUpDate.required" }).trim().min(1, { error: "followUpDate.required" }).pipe(ZIsoDate),
  expectedVersion: ZVersion,
});
export type TForwardInput = z.output<typeof ZForwardInput>;

/** The second level's answer, typed by the agent (a call, a Teams message), or the forward withdrawn. */
export const ZSecondLevelAnswerInput = z.object({ body: ZMessage, expectedVersion: ZVersion });
export const ZWithdrawInput = z.object({ expectedVersion: ZVersion });

/** A reviewer's decision on a resolution held for review; a return says why. */
export const ZReviewDecisionInput = z
  .object({
    decision: z.enum(["approved", "returned"], { error: "choice.invalid" }),
    comment: z.string().trim().max(5000, { error: "message.length" }).optional().transform((v) => v || null),
    expectedVersion: ZVersion,
  })
  .superRefine((v, ctx) => {
    if (v.decision === "returned" && (!v.comment || v.comment.length < 10)) ctx.addIssue({ code: "custom", path: ["comment"], message: "reviewComment.required" });
  });
export type TReviewDecisionInput = z.output<typeof ZReviewDecisionInput>;

/** How far ahead a follow-up date may be. */
export const MAX_FOLLOW_UP_DAYS = 90;
