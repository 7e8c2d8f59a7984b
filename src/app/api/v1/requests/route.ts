// POST /api/v1/requests — a signed-in MO user's request: `form: "dotation"` (Formulaire de requête
// dotation) or `form: "sagir"` with a `type` (Outil Requête). The same use cases as the pages' forms.
import { NextResponse, type NextRequest } from "next/server";
import { ZCreateRequestBody } from "@/schemas/request-api";
import { requireUser } from "@/server/auth/authorize";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { handleRoute, readJsonBody, otherMethods } from "@/server/http/route-handler";
import { createMoRequest } from "@/server/services/create-mo-request";
import { createSagirRequest } from "@/server/services/create-sagir-request";
import { parseInput } from "@/server/validate";

export function POST(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const user = requireUser(await getCurrentUser());
    const body = parseInput(ZCreateRequestBody, await readJsonBody(request), { unknownFields: "refuse" });
    const receivedAt = await getNow();
    const created =
      body.form === "dotation"
        ? { ...(await createMoRequest({ user, input: body, receivedAt })), lateNotice: null }
        : await createSagirRequest({ user, input: body, receivedAt });
    return NextResponse.json(
      {
        number: created.number,
        receivedAt: created.receivedAt.toISOString(),
        urgent: created.urgent,
        // Departure notices only: true when sent less than 48 business-day hours before the entry in SAGIR.
        ...(created.lateNotice === null ? {} : { lateNotice: created.lateNotice }),
        targets: created.targets.map((t) => ({ id: t.id, dueAt: t.dueAt.toISOString() })),
      },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  });
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
