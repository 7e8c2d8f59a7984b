import "server-only";
// Who is signed in, re-read from the database on each request: a user disabled by their pilot is
// signed out at once, not when their session expires.
import { cookies } from "next/headers";
import { getDb } from "@/server/db/client";
import { findSessionUser } from "@/server/repositories/user-repository";
import { sessionUserId } from "@/server/auth/session-cookies";
import { toCurrentUser, type CurrentUser } from "@/server/auth/session-user";

export { toCurrentUser, type CurrentUser, type UserRole } from "@/server/auth/session-user";

export async function getCurrentUser(): Promise<CurrentUser | null> {
  // The session JWT decoded here rather than through getServerSession: see session-cookies.ts.
  const id = await sessionUserId(await cookies());
  if (!id) return null;
  const row = await findSessionUser(getDb(), id);
  return row ? toCurrentUser(row) : null;
}
