import "server-only";
// An MO user answers in their MO's request thread (CA-dotation or SAGIR).
import type { MoCentre } from "@/domain/requests/mo-request";
import type { TRequesterReplyInput } from "@/schemas/inquiry";
import { requireCentreAccess } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendRequesterMessage, findOrganizationRequest } from "@/server/repositories/request-repository";
import { attachmentStore, type CheckedFile } from "@/server/storage/attachment-store";

export type ReplyToMoRequestOptions = { user: CurrentUser | null; centre: MoCentre; number: string; input: TRequesterReplyInput; now: Date; files?: readonly CheckedFile[] };

export async function replyToMoRequest({ user, centre, number, input, now, files = [] }: ReplyToMoRequestOptions): Promise<void> {
  const requester = requireCentreAccess(user, centre);
  await getDb().$transaction(async (tx) => {
    const row = await findOrganizationRequest(tx, requester.organization.id, number);
    if (!row || row.serviceId !== centre) throw new AppError("NOT_FOUND", "no such request for this MO");
    if (row.status === "closed") {
      throw new AppError("REFUSED", "request closed", {}, {
        localized: { fr: "Cette requête est fermée.", en: "This request is closed." },
      });
    }
    const { messageId } = await appendRequesterMessage(tx, row.id, input.message, now, requester.id);
    await attachmentStore().save(tx, { requestId: row.id, messageId, at: now }, files);
  });
}
