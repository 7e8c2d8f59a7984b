import { z } from "zod";
import { CANDIDATE_TOPICS } from "@/domain/requests/candidate-inquiry";
import { ZEmail, ZMessage, ZSubject } from "@/schemas/fields";

// The candidate's written inquiry: the form, its server action and POST /api/v1/inquiries all
// validate with this one schema. Messages are keys of src/schemas/messages.ts.
export const ZCandidateInquiryInput = z.object({
  name: z.string({ error: "name.length" }).trim().min(1, { error: "name.length" }).max(120, { error: "name.length" }),
  email: ZEmail,
  subject: ZSubject,
  topic: z.enum(CANDIDATE_TOPICS, { error: "topic.invalid" }),
  message: ZMessage,
});
export type TCandidateInquiryInput = z.infer<typeof ZCandidateInquiryInput>;

/** A candidate's answer on the tracking page. */
export const ZRequesterReplyInput = z.object({
  message: ZMessage,
});
export type TRequesterReplyInput = z.infer<typeof ZRequesterReplyInput>;
