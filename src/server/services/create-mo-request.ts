import "server-only";
// An MO staffing specialist's Formulaire de requête dotation: channel `request-form`, the
// 48-hour first-reply target fixed at receipt, the request belongs to the user's MO.
import { requireCentreAccess } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import type { TMoRequestInput } from "@/schemas/mo-request";
import { openRequest, type OpenedRequest } from "@/server/services/open-request";
import type { CheckedFile } from "@/server/storage/attachment-store";

export type CreateMoRequestOptions = { user: CurrentUser | null; input: TMoRequestInput; receivedAt: Date; files?: readonly CheckedFile[]; language?: "fr" | "en" };

export async function createMoRequest({ user, input, receivedAt, files = [], language = "fr" }: CreateMoRequestOptions): Promise<OpenedRequest> {
  const requester = requireCentreAccess(user, "ca-dotation");
  return openRequest({
    serviceId: "ca-dotation",
    audienceId: "mo-specialist",
    channel: "request-form",
    type: input.nature,
    subject: input.subject,
    body: input.description,
    urgent: input.urgent,
    receivedAt,
    details: { function: input.function, nature: input.nature, contactPhone: input.contactPhone },
    requester: { kind: "user", userId: requester.id, organizationId: requester.organization.id, email: requester.email },
    files,
    language,
  });
}
