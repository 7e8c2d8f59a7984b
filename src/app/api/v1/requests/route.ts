// POST /api/v1/requests — a signed-in MO user's request (the same use cases as the pages' forms)
import { NextResponse, type NextRequest } from "next/server";
import { ZCreateRequestBody } from "@/schemas/request-api";
import { requireUser } from "@/server/auth/authorize";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { handleRoute, readJsonBody } from "@/server/http/route-handler";
import { createMoRequest } from "@/server/services/create-mo-request";
import { parseInput } from "@/server/validate";

export function POST(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const user = requireUser(await getCurrentUser());
    const { form: _form, ...input } = parseInput(ZCreateRequestBody, await readJsonBody(request));
    const created = await createMoRequest({ user, input, receivedAt: await getNow() });
    return NextResponse.json(
      {
        number: created.number,
        receivedAt: created.receivedAt.toISOString(),
        targets: created.targets.map((t) => ({ id: t.id, dueAt: t.dueAt.toISOString() })),
      },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  });
}
