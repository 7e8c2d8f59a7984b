import { z } from "zod";
import { CANDIDATE_TOPICS } from "@/domain/requests/candidate-inquiry";

// The candidate's written inquiry: the form, its server action and POST /api/v1/inquiries all
// validate with this one schema. Messages are keys of src/schemas/messages.ts.
export const ZCandidateInquiryInput = z.object({
  name: z.string({ error: "name.length" }).trim().min(1, { error: "name.length" }).max(120, { error: "name.length" }),
  email: z
    .string({ error: "email.invalid" })
    .trim()
    .toLowerCase()
    .max(254, { error: "email.invalid" })
    .pipe(z.email({ error: "email.invalid" })),
  subject: z.string({ error: "subject.length" }).trim().min(3, { error: "subject.length" }).max(150, { error: "subject.length" }),
  topic: z.enum(CANDIDATE_TOPICS, { error: "topic.invalid" }),
  message: z.string({ error: "message.length" }).trim().min(10, { error: "message.length" }).max(5000, { error: "message.length" }),
});
export type TCandidateInquiryInput = z.infer<typeof ZCandidateInquiryInput>;

/** A candidate's answer on the tracking page. */
export const ZRequesterReplyInput = z.object({
  message: z.string({ error: "message.length" }).trim().min(10, { error: "message.length" }).max(5000, { error: "message.length" }),
});
export type TRequesterReplyInput = z.infer<typeof ZRequesterReplyInput>;
