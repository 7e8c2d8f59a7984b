import "server-only";
// A candidate's written inquiry: guarded (nominative → call us; out of mandate → where to go),
// numbered without gaps, with its targets and due instants fixed at receipt, and a private
// tracking token returned once (only its hash is stored).
import { phoneText } from "@/i18n/phone";
import { guardCandidateTopic, type TopicGuard } from "@/domain/requests/candidate-inquiry";
import type { TCandidateInquiryInput } from "@/schemas/inquiry";
import { AppError } from "@/server/errors";
import { audiencePhones, getCatalogue, type Catalogue } from "@/server/services/get-catalogue";
import { openRequest } from "@/server/services/open-request";
import { newSecretToken } from "@/server/secret-token";
import type { CheckedFile } from "@/server/storage/attachment-store";

const SERVICE = "ca-dotation";
const AUDIENCE = "candidate";

export type CreateCandidateInquiryOptions = {
  input: TCandidateInquiryInput;
  receivedAt: Date;
  /** `web` for the form and the API; `email` when it comes from the centre's mailbox. */
  channel?: "web" | "email";
  /** The language the candidate wrote in (the form's page): what we write back is in it. */
  language?: "fr" | "en";
  /** Files of the message, already checked. */
  files?: readonly CheckedFile[];
};

export type CreatedInquiry = {
  number: string;
  receivedAt: Date;
  trackingToken: string;
  targets: { id: string; metric: string; dueAt: Date }[];
};

const phonesOf = (catalogue: Catalogue): string[] => audiencePhones(catalogue, SERVICE, AUDIENCE);

/** The refusal of a guarded topic: nothing is stored, and the candidate is told where to turn. */
export function refusalFor(guard: Exclude<TopicGuard, { kind: "accepted" }>, catalogue: Catalogue, at: Date): AppError {
  const phones = phonesOf(catalogue);
  if (guard.kind === "nominative") {
    const status = catalogue.engine.status(SERVICE, AUDIENCE, at.getTime());
    return new AppError("REFUSED", "nominative request in writing", {}, {
      localized: {
        fr: `Les demandes de nature nominative (au sujet de votre propre dossier) ne sont pas traitées par écrit. Appelez le CA-dotation au ${phones.join(" ou au ")} : votre identité sera validée avant que des renseignements vous soient transmis.`,
        en: `Requests about your own file are not handled in writing. Please call CA-dotation at ${phones.map((p) => phoneText(p, "en")).join(" or ")}: your identity will be validated before any information is given.`,
      },
      details: {
        guard: "nominative",
        phones,
        open: status.open,
        closesAt: status.closesAt === null ? null : new Date(status.closesAt).toISOString(),
        nextOpening: status.nextOpening === null ? null : new Date(status.nextOpening).toISOString(),
      },
    });
  }
  return new AppError("REFUSED", "out of CA-dotation's mandate", {}, {
    localized: guard.redirect,
    details: { guard: "out-of-scope", reason: guard.reason },
  });
}

export async function createCandidateInquiry({ input, receivedAt, channel = "web", language = "fr", files = [] }: CreateCandidateInquiryOptions): Promise<CreatedInquiry> {
  const guard = guardCandidateTopic(input.topic);
  if (guard.kind !== "accepted") throw refusalFor(guard, await getCatalogue(), receivedAt);
  const { token, hash } = newSecretToken();
  const opened = await openRequest({
    serviceId: SERVICE,
    audienceId: AUDIENCE,
    channel,
    type: input.topic,
    subject: input.subject,
    body: input.message,
    urgent: false,
    receivedAt,
    details: { topic: input.topic },
    language,
    files,
    requester: { kind: "guest", name: input.name, email: input.email, trackingTokenHash: hash, trackingToken: token },
  });
  return { ...opened, trackingToken: token };
}
