// GET /api/v1/requests/{number} — a request, for who may see it (404 for everyone else)
import { NextResponse, type NextRequest } from "next/server";
import { acceptLanguageLocale } from "@/i18n/locale-path";
import { getCurrentUser } from "@/server/auth/current-user";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { getRequest } from "@/server/services/get-request";

export function GET(request: NextRequest, { params }: { params: Promise<{ number: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { number } = await params;
    // System messages in the caller's language (Accept-Language: en…), French otherwise.
    const found = await getRequest({ user: await getCurrentUser(), number, locale: acceptLanguageLocale(request.headers.get("accept-language")) });
    return NextResponse.json(found, { headers: { "Cache-Control": "private, no-store" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
