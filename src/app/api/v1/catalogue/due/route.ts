// GET /api/v1/catalogue/due?service=…&audience=…&channel=…&receivedAt=… — applicable targets and due instants
import { NextResponse, type NextRequest } from "next/server";
import { ZCatalogueDueQuery } from "@/schemas/catalogue";
import { getNow } from "@/server/clock";
import { handleRoute, parseSearchParams, otherMethods } from "@/server/http/route-handler";
import { getCatalogue } from "@/server/services/get-catalogue";
import { queryDue } from "@/server/services/query-catalogue";

export function GET(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const query = parseSearchParams(ZCatalogueDueQuery, request.nextUrl.searchParams, ["service", "audience", "channel", "receivedAt"]);
    const { engine } = await getCatalogue();
    return NextResponse.json(queryDue(engine, query, await getNow()), { headers: { "Cache-Control": "no-store" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
