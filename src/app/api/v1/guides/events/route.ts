// POST /api/v1/guides/events {kind: suggested|opened|answered, articleIds} — what a reader did with
// suggested articles, counted anonymously (no person, no address kept). Rate-limited per address.
import { type NextRequest } from "next/server";
import { ZGuideEvent } from "@/schemas/guides";
import { getNow } from "@/server/clock";
import { handleRoute, otherMethods, readJsonBody } from "@/server/http/route-handler";
import { checkRateLimit, clientAddressOf } from "@/server/services/check-rate-limit";
import { recordGuideEvents } from "@/server/services/guides";
import { parseInput } from "@/server/validate";

export function POST(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const now = await getNow();
    await checkRateLimit({ scope: "guide-events", clientAddress: clientAddressOf(request.headers), now, factor: 6 });
    const input = parseInput(ZGuideEvent, await readJsonBody(request), { unknownFields: "refuse" });
    await recordGuideEvents({ articleIds: input.articleIds, kind: input.kind, now });
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
