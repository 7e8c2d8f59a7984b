// GET /api/v1/catalogue — services, audiences, channels, calendars, holidays and targets (public, cacheable)
import { NextResponse } from "next/server";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { getNow } from "@/server/clock";
import { getCataloguePublication } from "@/server/services/get-catalogue-publication";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handleRoute(async () =>
    NextResponse.json(await getCataloguePublication(await getNow()), {
      headers: { "Cache-Control": "public, max-age=300, stale-while-revalidate=3600" },
    }),
  );
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
