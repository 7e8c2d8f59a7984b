// GET /api/ready — readiness for a load balancer: 200 when the database answers and the background
// jobs' worker runs (or the jobs are switched off), else 503 naming what is not ready. Answered while the database
// is down (the front door lets it through) so that the balancer sees the state change.
import { NextResponse } from "next/server";
import { checkReadiness } from "@/server/services/readiness";
import { otherMethods } from "@/server/http/route-handler";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
