import "server-only";
// The first administrator of a new installation (`npm run -s admin -- create-admin <e-mail>`): an
// account with the admin role and no password, and a single-use link (valid 24 hours, stored
// hashed) where the person chooses it — the invitation page the pilots' invitations use. Nothing
// demo is created. Run again for an admin who has not chosen a password yet, it replaces the link;
// an account that already has a password, or another role, is left alone.
import { appendAudit } from "@/server/repositories/audit-repository";
import type { Db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { localePath } from "@/i18n/locale-path";
import { newSecretToken } from "@/server/secret-token";

export const ADMIN_LINK_VALIDITY_MS = 24 * 60 * 60 * 1000;

export type CreatedAdmin = { email: string; url: string; expiresAt: Date; renewed: boolean };

export async function createFirstAdmin(db: Db, { email, name, now, baseUrl }: { email: string; name: string; now: Date; baseUrl: string }): Promise<CreatedAdmin> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + ADMIN_LINK_VALIDITY_MS);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true } });
  if (existing && (existing.role !== "admin" || existing.passwordHash !== null)) {
    throw new AppError("REFUSED", "account exists", {}, {
      localized: {
        fr: `${email} a déjà un compte Guichet${existing.role === "admin" ? " d'administration, avec son mot de passe" : ""} : rien n'a été changé.`,
        en: `${email} already has a Guichet account${existing.role === "admin" ? " (admin, with its password)" : ""}: nothing was changed.`,
      },
    });
  }
  const user = existing
    ? await db.user.update({ where: { id: existing.id }, data: { invitationTokenHash: hash, invitationExpiresAt: expiresAt, disabledAt: null }, select: { id: true } })
    : await db.user.create({ data: { email, name, role: "admin", invitationTokenHash: hash, invitationExpiresAt: expiresAt }, select: { id: true } });
  await appendAudit(db, { at: now, actorUserId: null, action: "admin_created", data: { userId: user.id, renewed: Boolean(existing) } });
  return { email, url: `${baseUrl.replace(/\/$/, "")}${localePath(`/invitation/${token}`, "fr")}`, expiresAt, renewed: Boolean(existing) };
}
