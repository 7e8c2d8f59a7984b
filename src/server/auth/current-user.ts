import "server-only";
// Who is signed in, re-read from the database on each request: a session ended on the server
// (signed out, account disabled, password changed) or a user disabled by their pilot is signed
// out at once, not when the cookie expires.
import { cookies } from "next/headers";
import { getDb } from "@/server/db/client";
import { findSignedInUser } from "@/server/repositories/user-repository";
import { sessionClaims } from "@/server/auth/session-cookies";
import { toCurrentUser, type CurrentUser } from "@/server/auth/session-user";

export { toCurrentUser, type CurrentUser, type UserRole } from "@/server/auth/session-user";

export async function getCurrentUser(): Promise<CurrentUser | null> {
  // The session JWT decoded here rather than through getServerSession: see session-cookies.ts.
  const claims = await sessionClaims(await cookies());
  if (!claims?.sessionId) return null;
  const row = await findSignedInUser(getDb(), claims.userId, claims.sessionId);
  return row ? toCurrentUser(row) : null;
}
