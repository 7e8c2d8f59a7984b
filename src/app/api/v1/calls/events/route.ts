// POST /api/v1/calls/events — one state change of a call, from the telephone system, with an
// integration key of the call_events scope (`Authorization: Bearer gk_…`; no person's session),
// and signed when GUICHET_CALL_EVENTS_SECRET is set (src/server/http/webhook-signature.ts).
import { NextResponse, type NextRequest } from "next/server";
import { ZCallEventInput } from "@/schemas/call-event";
import { apiKeyOf } from "@/server/auth/api-key-auth";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { handleRoute, otherMethods, readJsonBody } from "@/server/http/route-handler";
import { webhookSignatureProblem } from "@/server/http/webhook-signature";
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
    const secret = process.env.GUICHET_CALL_EVENTS_SECRET;
    if (secret) {
      const raw = await request.clone().text();
      const problem = webhookSignatureProblem(secret, { timestamp: request.headers.get("x-guichet-timestamp"), signature: request.headers.get("x-guichet-signature") }, raw, now.getTime());
      if (problem) {
        throw new AppError("UNAUTHENTICATED", `webhook signature ${problem}`, {}, {
          localized: {
            fr: "Signature absente, périmée ou invalide : X-Guichet-Timestamp (secondes Unix, à 5 minutes près) et X-Guichet-Signature: sha256=<HMAC-SHA256 de « horodatage.corps »>.",
            en: "Signature missing, stale or invalid: X-Guichet-Timestamp (Unix seconds, within 5 minutes) and X-Guichet-Signature: sha256=<HMAC-SHA256 of \"timestamp.body\">.",
          },
          details: { signature: problem },
        });
      }
    }
    const input = parseInput(ZCallEventInput, await readJsonBody(request), { unknownFields: "refuse" });
    const { stored, call, request: opened } = await receiveCallEvent({ input, now });
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
        // A voicemail's written request (SAGIR), when this event opened one.
        request: opened,
      },
      { status: stored ? 201 : 200, headers: { "Cache-Control": "no-store" } },
    );
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
