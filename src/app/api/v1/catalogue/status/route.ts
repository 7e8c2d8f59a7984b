// GET /api/v1/catalogue/status?service=…&audience=…&at=… — open now? closes at / next opening
import { NextResponse, type NextRequest } from "next/server";
import { ZCatalogueStatusQuery } from "@/schemas/catalogue";
import { getNow } from "@/server/clock";
import { handleRoute, parseSearchParams, otherMethods } from "@/server/http/route-handler";
import { getCatalogue } from "@/server/services/get-catalogue";
import { queryStatus } from "@/server/services/query-catalogue";

export function GET(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const query = parseSearchParams(ZCatalogueStatusQuery, request.nextUrl.searchParams, ["service", "audience", "at"]);
    const { engine } = await getCatalogue();
    return NextResponse.json(queryStatus(engine, query, await getNow()), { headers: { "Cache-Control": "no-store" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
