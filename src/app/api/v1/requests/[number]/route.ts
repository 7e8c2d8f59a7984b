// GET /api/v1/requests/{number} — a request, for who may see it (404 for everyone else)
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { getRequest } from "@/server/services/get-request";

export function GET(_request: NextRequest, { params }: { params: Promise<{ number: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { number } = await params;
    const request = await getRequest({ user: await getCurrentUser(), number });
    return NextResponse.json(request, { headers: { "Cache-Control": "private, no-store" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
