import { z } from "zod";
import { CALL_EVENT_KINDS } from "@/domain/telephony/call-events";
import { ZInstant } from "@/schemas/instant";

/**
 * POST /api/v1/calls/events — one state change of a call, as a telephone system sends it. `callId`
 * is the call's id in that system; `line` a line of the catalogue (src/domain/telephony/lines.ts);
 * `at` an ISO 8601 instant with its offset; `caller` the caller's number (personal information:
 * masked in lists); `agent` who answered (their Guichet e-mail address, or the system's own
 * identifier); `voicemail` on a `voicemail` event. Unknown fields are refused at their name by
 * parseInput (`unknownFields: "refuse"`).
 */
export const ZCallEventInput = z.object({
    callId: z.string({ error: "text.invalid" }).trim().regex(/^[A-Za-z0-9._:@-]{1,100}$/, { error: "text.invalid" }),
    event: z.enum(CALL_EVENT_KINDS, { error: "choice.invalid" }),
    line: z.string({ error: "choice.invalid" }).trim().regex(/^[a-z0-9-]{1,40}$/, { error: "choice.invalid" }),
    at: ZInstant,
    caller: z.string({ error: "phone.invalid" }).trim().regex(/^\+?[0-9 ()./-]{3,32}$/, { error: "phone.invalid" }).nullish(),
    agent: z.string({ error: "text.invalid" }).trim().min(1, { error: "text.invalid" }).max(254, { error: "text.invalid" }).nullish(),
    voicemail: z
      .object({
        durationSeconds: z.number({ error: "text.invalid" }).int({ error: "text.invalid" }).min(0, { error: "text.invalid" }).max(3600, { error: "text.invalid" }),
        recordingUrl: z.url({ protocol: /^https$/, error: "text.invalid" }).max(2000, { error: "text.invalid" }).nullish(),
      })
      .strict()
      .nullish(),
});
export type TCallEventInput = z.infer<typeof ZCallEventInput>;
