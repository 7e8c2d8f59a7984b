import "server-only";
// POST /api/v1/calls/events — one state change of a call, from the telephone system, with an
// integration key of the call_events scope (`Authorization: Bearer gk_…`; no person's session),
// and signed when GUICHET_CALL_EVENTS_SECRET is set (webhook-signature.ts).
//
// Answered in two places with this one function: by the front door itself (`serveCallEvent`,
// scripts/server.ts), because a telephone system sends hundreds of events a second and Next.js's
// routing costs more per event than storing it (bench:calls: 244 events/s through Next on the
// benchmark machine); and by the Next.js route (src/app/api/v1/calls/events/route.ts), which takes
// a request carrying cookies — a person's browser, the e2e tests' fixed clock — and `npm run dev`'s
// requests when the front door is not in front.
import { ZCallEventInput } from "@/schemas/call-event";
import { apiKeyOf } from "@/server/auth/api-key-auth";
import { AppError } from "@/server/errors";
import { directRoute, parseJsonText, readBodyText, requireJsonType } from "@/server/http/json-body";
import { webhookSignatureProblem } from "@/server/http/webhook-signature";
import { receiveCallEvent } from "@/server/services/call-events";
import { parseInput } from "@/server/validate";

export type CallEventAnswer = {
  status: 200 | 201;
  body: {
    stored: boolean;
    call: { status: string; queuedAt: string; answeredAt: string | null; waitSeconds: number | null; dueAt: string | null; met: boolean | null };
    /** A voicemail's written request (SAGIR), when this event opened one. */
    request: { number: string } | null;
  };
};

/** The event's answer (201 stored, 200 already there), or an AppError: 401/403 key, 400 body, 415 type. */
export async function answerCallEvent({ headers, readBody, now }: { headers: Headers; readBody: () => Promise<string>; now: Date }): Promise<CallEventAnswer> {
  if (!(await apiKeyOf(headers, "call_events", now))) {
    throw new AppError("UNAUTHENTICATED", "call events need a key", {}, {
      localized: { fr: "Une clé d'API de la portée « événements d'appel » est requise : `Authorization: Bearer gk_…`.", en: "An API key of the call events scope is required: `Authorization: Bearer gk_…`." },
    });
  }
  requireJsonType(headers.get("content-type"));
  const raw = await readBodyText(readBody);
  const secret = process.env.GUICHET_CALL_EVENTS_SECRET;
  if (secret) {
    const problem = webhookSignatureProblem(secret, { timestamp: headers.get("x-guichet-timestamp"), signature: headers.get("x-guichet-signature") }, raw, now.getTime());
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
  const input = parseInput(ZCallEventInput, parseJsonText(headers.get("content-type"), raw), { unknownFields: "refuse" });
  const { stored, call, request } = await receiveCallEvent({ input, now });
  return {
    status: stored ? 201 : 200,
    body: {
      stored,
      call: {
        status: call.status,
        queuedAt: call.queuedAt.toISOString(),
        answeredAt: call.answeredAt?.toISOString() ?? null,
        waitSeconds: call.waitSeconds,
        dueAt: call.dueAt?.toISOString() ?? null,
        met: call.met,
      },
      request,
    },
  };
}

/**
 * The front door's own answer to POST /api/v1/calls/events, without Next.js: the same answer and
 * error shape as the route (handleRoute's).
 */
export const serveCallEvent = directRoute(["authorization", "content-type", "x-forwarded-for", "x-guichet-timestamp", "x-guichet-signature"], answerCallEvent);
