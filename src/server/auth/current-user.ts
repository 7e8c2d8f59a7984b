import "server-only";
// Who is signed in, re-read from the database on each request: a user disabled by their pilot is
// signed out at once, not when their session expires.
import { getServerSession } from "next-auth";
import { getDb } from "@/server/db/client";
import { findSessionUser } from "@/server/repositories/user-repository";
import { authOptions } from "@/server/auth/options";
import { toCurrentUser, type CurrentUser } from "@/server/auth/session-user";

export { toCurrentUser, type CurrentUser, type UserRole } from "@/server/auth/session-user";

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const row = await findSessionUser(getDb(), id);
  return row ? toCurrentUser(row) : null;
}
