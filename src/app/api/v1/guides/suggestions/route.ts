// GET /api/v1/guides/suggestions?service=&audience=&q=&locale= — up to three published articles for
// the subject someone is typing in a new request (public for candidates' articles; an MO's or
// SAGIR's need the reader's session). Rate-limited per client address (more than a form: typing).
import { NextResponse, type NextRequest } from "next/server";
import { ZGuideSuggestionQuery } from "@/schemas/guides";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { handleRoute, otherMethods, parseSearchParams } from "@/server/http/route-handler";
import { checkRateLimit, clientAddressOf } from "@/server/services/check-rate-limit";
import { suggestGuides } from "@/server/services/guides";

export function GET(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    await checkRateLimit({ scope: "guide-suggestions", clientAddress: clientAddressOf(request.headers), now: await getNow(), factor: 12 });
    const query = parseSearchParams(ZGuideSuggestionQuery, request.nextUrl.searchParams, ["service", "audience", "q", "locale"]);
    const hits = await suggestGuides({ user: await getCurrentUser(), audience: { serviceId: query.service, audienceId: query.audience }, subject: query.q, locale: query.locale });
    return NextResponse.json(
      { suggestions: hits.map((h) => ({ id: h.id, slug: h.slug, title: h.title, excerpt: h.excerpt })) },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
