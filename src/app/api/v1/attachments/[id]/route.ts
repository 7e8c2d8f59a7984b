// GET /api/v1/attachments/{id} — a request's file, for who may read the request (404 for everyone else)
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { attachmentResponse } from "@/server/http/attachment-response";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { readAttachment } from "@/server/services/read-attachment";

export function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => attachmentResponse(await readAttachment({ user: await getCurrentUser(), id: (await params).id })));
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
