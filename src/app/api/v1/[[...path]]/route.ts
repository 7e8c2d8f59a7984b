// ANY /api/v1/<unknown> — not found, in the API's JSON error shape (never Next's HTML page)
import { NextResponse } from "next/server";
import { AppError, errorBody } from "@/server/errors";

function notFound(): Response {
  return NextResponse.json(errorBody(new AppError("NOT_FOUND", "no such API route")), { status: 404 });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
