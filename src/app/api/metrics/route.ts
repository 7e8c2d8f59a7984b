// GET /api/metrics — Prometheus metrics, for a bearer of GUICHET_METRICS_TOKEN (404 when unset).
import type { NextRequest } from "next/server";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { readMetrics } from "@/server/services/read-metrics";

export function GET(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const { body, contentType } = await readMetrics(request.headers.get("authorization"), new Date());
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
