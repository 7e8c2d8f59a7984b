// The signed-in person of a use case, as getCurrentUser() would give it, without a browser.
import type { CurrentUser } from "../../src/server/auth/current-user";
import { toCurrentUser } from "../../src/server/auth/current-user";
import type { Db } from "../../src/server/db/client";
import { findSessionUser } from "../../src/server/repositories/user-repository";

export async function currentUserFor(db: Db, email: string): Promise<CurrentUser> {
  const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const user = toCurrentUser((await findSessionUser(db, id))!);
  if (!user) throw new Error(`${email} is disabled`);
  return user;
}
