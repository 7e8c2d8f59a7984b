// GET /api/health — liveness for a load balancer: the process answers. Nothing else is checked
// (a database outage must not get healthy instances restarted); see /api/ready.
import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/route-handler";

export function GET(): Response {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
