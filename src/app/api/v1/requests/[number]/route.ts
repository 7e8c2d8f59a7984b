// GET /api/v1/requests/{number} — a request, for who may see it (404 for everyone else): a person
// by their session, or an integration by a key of the requests_read scope of the request's service.
import { NextResponse, type NextRequest } from "next/server";
import { acceptLanguageLocale } from "@/i18n/locale-path";
import { apiKeyOf } from "@/server/auth/api-key-auth";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { getRequest } from "@/server/services/get-request";

export function GET(request: NextRequest, { params }: { params: Promise<{ number: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { number } = await params;
    // System messages in the caller's language (Accept-Language: en…), French otherwise.
    const key = await apiKeyOf(request.headers, "requests_read", await getNow());
    const user = key ? null : await getCurrentUser();
    const found = await getRequest({ user, key, number, locale: acceptLanguageLocale(request.headers.get("accept-language")) });
    return NextResponse.json(found, { headers: { "Cache-Control": "private, no-store" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
