// POST /api/v1/calls/events — one state change of a call, from the telephone system
// (src/server/http/call-events-endpoint.ts, which the front door answers itself for a request
// without cookies: this route takes the others, and those of a server without the front door).
import { NextResponse, type NextRequest } from "next/server";
import { getNow } from "@/server/clock";
import { answerCallEvent } from "@/server/http/call-events-endpoint";
import { handleRoute, otherMethods } from "@/server/http/route-handler";

export function POST(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const { status, body } = await answerCallEvent({ headers: request.headers, readBody: () => request.text(), now: await getNow() });
    return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
