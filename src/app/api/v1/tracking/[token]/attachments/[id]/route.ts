// GET /api/v1/tracking/{token}/attachments/{id} — a file of the candidate's own request, through their private link
import type { NextRequest } from "next/server";
import { attachmentResponse } from "@/server/http/attachment-response";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { readTrackedAttachment } from "@/server/services/read-attachment";

export function GET(_request: NextRequest, { params }: { params: Promise<{ token: string; id: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { token, id } = await params;
    return attachmentResponse(await readTrackedAttachment({ token, id }));
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
