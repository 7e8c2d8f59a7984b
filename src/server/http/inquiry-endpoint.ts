import "server-only";
// POST /api/v1/inquiries — a candidate's written inquiry (public, rate-limited per client address).
//
// Answered in two places with this one function, like the telephone system's events
// (call-events-endpoint.ts): by the front door itself (`serveInquiry`, scripts/server.ts) for a
// request without cookies — a form posted by another site's server, a script, a load test — because
// Next.js's routing costs as much per inquiry as storing it (issue 13's target: ≥ 300 inquiries/s);
// and by the Next.js route (src/app/api/v1/inquiries/route.ts), which takes a request carrying cookies
// (a browser, the e2e tests' fixed clock) and `npm run dev`'s requests when the front door is not in
// front.
import { ZCandidateInquiryInput } from "@/schemas/inquiry";
import { directRoute, readJson } from "@/server/http/json-body";
import { publicUrlOr } from "@/server/http/public-url";
import { checkRateLimit, clientAddressOf } from "@/server/services/check-rate-limit";
import { createCandidateInquiry } from "@/server/services/create-candidate-inquiry";
import { parseInput } from "@/server/validate";

export type InquiryAnswer = {
  status: 201;
  body: { number: string; receivedAt: string; trackingUrl: string; targets: { id: string; dueAt: string }[] };
};

/**
 * The inquiry's answer (201, with its number, its tracking link — given once — and its targets), or
 * an AppError: 429 over the limit, 415 not JSON, 400 at the fields, 422 a topic not handled in writing.
 * `origin`: the origin the request came to (its tracking link's, unless GUICHET_PUBLIC_URL is set).
 */
export async function answerInquiry({ headers, readBody, now, origin }: { headers: Headers; readBody: () => Promise<string>; now: Date; origin: string }): Promise<InquiryAnswer> {
  await checkRateLimit({ scope: "inquiries", clientAddress: clientAddressOf(headers), now });
  const input = parseInput(ZCandidateInquiryInput, await readJson(headers.get("content-type"), readBody), { unknownFields: "refuse" });
  const created = await createCandidateInquiry({ input, receivedAt: now });
  return {
    status: 201,
    body: {
      number: created.number,
      receivedAt: created.receivedAt.toISOString(),
      trackingUrl: `${publicUrlOr(origin)}/suivi/${created.trackingToken}`,
      targets: created.targets.map((t) => ({ id: t.id, dueAt: t.dueAt.toISOString() })),
    },
  };
}

/** The front door's own answer to POST /api/v1/inquiries, without Next.js: the route's answer and error shape. */
export const serveInquiry = directRoute(["content-type", "x-forwarded-for"], answerInquiry);
