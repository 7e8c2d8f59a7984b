// GET|POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF)
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { unusableCallbackCookies } from "@/server/auth/session-cookies";
import { authOptions } from "@/server/auth/options";
import { AppError, errorBody } from "@/server/errors";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

function malformed(): Response {
  const error = new AppError("INVALID_PARAMETER", "malformed JSON", {
    body: { fr: "Le corps de la requête doit être un objet JSON valide.", en: "The request body must be a valid JSON object." },
  });
  return NextResponse.json(errorBody(error), { status: 400 });
}

/**
 * Before next-auth: a callback-url cookie it would refuse is deleted (it reads this request's
 * cookies after the deletion, and the browser is told to drop it) — otherwise every call of that
 * browser answers 500 (see src/server/auth/session-cookies.ts); a JSON body must be a JSON object
 * (anything else is the caller's error, 400, not a crash with an empty body).
 */
async function handle(request: NextRequest, context: Context): Promise<Response> {
  const store = await cookies();
  for (const name of unusableCallbackCookies(store, process.env.NEXTAUTH_URL ?? new URL(request.url).origin)) store.delete(name);
  if (request.method === "POST" && /\bjson\b/i.test(request.headers.get("content-type") ?? "")) {
    const text = await request.clone().text();
    if (text.trim()) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return malformed();
      } catch {
        return malformed();
      }
    }
  }
  return handler(request, context);
}

export { handle as GET, handle as POST };
