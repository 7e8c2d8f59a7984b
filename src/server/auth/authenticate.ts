import "server-only";
// The credentials check behind sign-in. Unknown e-mail and wrong password look the same; a
// disabled account is named only to someone who gave its right password.
import { ZSignInInput } from "@/schemas/auth";
import { verifyPassword } from "@/server/auth/password";
import { getDb } from "@/server/db/client";
import { findUserForSignIn } from "@/server/repositories/user-repository";

export type AuthenticationResult = { ok: true; user: { id: string; email: string; name: string } } | { ok: false; reason: "invalid" | "disabled" };

// Spent on unknown e-mails too, so that timing does not tell which addresses exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export async function authenticate(credentials: unknown): Promise<AuthenticationResult> {
  const parsed = ZSignInInput.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const user = await findUserForSignIn(getDb(), parsed.data.email);
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) return { ok: false, reason: "invalid" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
