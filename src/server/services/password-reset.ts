import "server-only";
// « Mot de passe oublié » : a link by e-mail (through the outbox), valid one hour, single use, stored
// hashed. The answer is the same whether or not an account has the address, and nothing is sent
// when none does. Choosing the new password ends every session of the account (a thief's too).
// Asking is rate-limited per client address, like the public forms.
import { queueAccountEmail } from "@/server/repositories/mail-repository";
import type { TPasswordResetRequestInput } from "@/schemas/auth";
import type { TSetPasswordInput } from "@/schemas/pilot";
import { hashPassword } from "@/server/auth/password";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { localePath } from "@/i18n/locale-path";
import { passwordResetMail } from "@/server/mail/templates";
import { appendAudit } from "@/server/repositories/audit-repository";
import { endUserSessions } from "@/server/repositories/session-repository";
import { findPasswordReset, findResettableUser, setPasswordResetToken, spendPasswordReset } from "@/server/repositories/user-repository";
import { hashSecretToken, isWellFormedSecretToken, newSecretToken } from "@/server/secret-token";
import { checkRateLimit } from "@/server/services/check-rate-limit";

export const PASSWORD_RESET_VALIDITY_MS = 60 * 60 * 1000;

export type PasswordResetMailOptions = { baseUrl: string; locale: "fr" | "en" };

/** Queues the link when an active account has the address; says nothing either way. */
export async function requestPasswordReset({ input, now, clientAddress, mail }: { input: TPasswordResetRequestInput; now: Date; clientAddress: string; mail: PasswordResetMailOptions }): Promise<void> {
  await checkRateLimit({ scope: "password-reset", clientAddress, now });
  const user = await findResettableUser(getDb(), input.email);
  // The token is made either way: the same work for a known and an unknown address.
  const { token, hash } = newSecretToken();
  if (!user) return;
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_VALIDITY_MS);
  const rendered = passwordResetMail({ name: user.name, url: `${mail.baseUrl}${localePath(`/connexion/nouveau-mot-de-passe/${token}`, mail.locale)}`, expiresAt }, mail.locale);
  await getDb().$transaction(async (tx) => {
    await setPasswordResetToken(tx, user.id, hash, expiresAt);
    await queueAccountEmail(tx, { userId: user.id, kind: "password_reset", locale: mail.locale, subject: rendered.subject, body: rendered.text, html: rendered.html, at: now });
    await appendAudit(tx, { at: now, actorUserId: user.id, action: "password_reset_requested", data: {} });
  });
}

/** The account's address behind a link, or null when the link is not (or no longer) valid. */
export async function readPasswordReset({ token, now }: { token: string; now: Date }): Promise<{ email: string } | null> {
  if (!isWellFormedSecretToken(token)) return null;
  return findPasswordReset(getDb(), hashSecretToken(token), now);
}

/** The new password: the link is spent, every session of the account ends. */
export async function completePasswordReset({ token, input, now }: { token: string; input: TSetPasswordInput; now: Date }): Promise<{ email: string }> {
  const invalid = new AppError("NOT_FOUND", "password reset link not valid", {}, {
    localized: {
      fr: "Ce lien n'est plus valide (il sert une fois, pendant une heure). Demandez-en un nouveau à la page « Mot de passe oublié ».",
      en: "This link is no longer valid (it works once, for one hour). Ask for a new one on the “Forgot your password” page.",
    },
  });
  if (!isWellFormedSecretToken(token)) throw invalid;
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    const user = await spendPasswordReset(tx, hashSecretToken(token), passwordHash, now);
    if (!user) throw invalid;
    const ended = await endUserSessions(tx, user.id, "password_changed", now);
    await appendAudit(tx, { at: now, actorUserId: user.id, action: "password_reset", data: { sessionsEnded: ended } });
    return { email: user.email };
  });
}
