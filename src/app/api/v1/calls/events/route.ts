// POST /api/v1/calls/events — one state change of a call, from the telephone system, with an
// integration key of the call_events scope (`Authorization: Bearer gk_…`; no person's session).
import { NextResponse, type NextRequest } from "next/server";
import { ZCallEventInput } from "@/schemas/call-event";
import { apiKeyOf } from "@/server/auth/api-key-auth";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { handleRoute, otherMethods, readJsonBody } from "@/server/http/route-handler";
import { receiveCallEvent } from "@/server/services/call-events";
import { parseInput } from "@/server/validate";

export function POST(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const now = await getNow();
    if (!(await apiKeyOf(request.headers, "call_events", now))) {
      throw new AppError("UNAUTHENTICATED", "call events need a key", {}, {
        localized: { fr: "Une clé d'API de la portée « événements d'appel » est requise : `Authorization: Bearer gk_…`.", en: "An API key of the call events scope is required: `Authorization: Bearer gk_…`." },
      });
    }
    const input = parseInput(ZCallEventInput, await readJsonBody(request), { unknownFields: "refuse" });
    const { stored, call } = await receiveCallEvent({ input, now });
    return NextResponse.json(
      {
        stored,
        call: {
          status: call.status,
          queuedAt: call.queuedAt.toISOString(),
          answeredAt: call.answeredAt?.toISOString() ?? null,
          waitSeconds: call.waitSeconds,
          dueAt: call.dueAt?.toISOString() ?? null,
          met: call.met,
        },
      },
      { status: stored ? 201 : 200, headers: { "Cache-Control": "no-store" } },
    );
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
