// GET /api/v1/communiques/attachments/{id} — a communiqué's file, to whoever may read the
// communiqué (the people it reached, those who manage it); 404 for everyone else.
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { attachmentResponse } from "@/server/http/attachment-response";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { readCommuniqueAttachment } from "@/server/services/communiques";
import { isUuid } from "@/server/validate";
import { AppError } from "@/server/errors";

export function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { id } = await params;
    if (!isUuid(id)) throw new AppError("NOT_FOUND", "no such file");
    return attachmentResponse(await readCommuniqueAttachment({ user: await getCurrentUser(), id }));
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
