// POST /api/v1/inquiries — a candidate's written inquiry (src/server/http/inquiry-endpoint.ts, which
// the front door answers itself for a request without cookies: this route takes the others, and
// those of a server without the front door).
import { NextResponse, type NextRequest } from "next/server";
import { getNow } from "@/server/clock";
import { answerInquiry } from "@/server/http/inquiry-endpoint";
import { handleRoute, otherMethods } from "@/server/http/route-handler";

export function POST(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const { status, body } = await answerInquiry({ headers: request.headers, readBody: () => request.text(), now: await getNow(), origin: new URL(request.url).origin });
    return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
