// POST /api/v1/inquiries — a candidate's written inquiry (public, rate-limited per client address)
import { NextResponse, type NextRequest } from "next/server";
import { ZCandidateInquiryInput } from "@/schemas/inquiry";
import { getNow } from "@/server/clock";
import { handleRoute, readJsonBody, trackingUrlFor, otherMethods } from "@/server/http/route-handler";
import { checkRateLimit, clientAddressOf } from "@/server/services/check-rate-limit";
import { createCandidateInquiry } from "@/server/services/create-candidate-inquiry";
import { parseInput } from "@/server/validate";

export function POST(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const now = await getNow();
    await checkRateLimit({ scope: "inquiries", clientAddress: clientAddressOf(request.headers), now });
    const input = parseInput(ZCandidateInquiryInput, await readJsonBody(request), { unknownFields: "refuse" });
    const created = await createCandidateInquiry({ input, receivedAt: now });
    return NextResponse.json(
      {
        number: created.number,
        receivedAt: created.receivedAt.toISOString(),
        trackingUrl: trackingUrlFor(request, created.trackingToken),
        targets: created.targets.map((t) => ({ id: t.id, dueAt: t.dueAt.toISOString() })),
      },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
