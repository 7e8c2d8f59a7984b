import "server-only";
// Signed-in sessions on the server (user_session): a session cookie counts only while its row is
// not ended — signing out, disabling the account or changing its password ends it.
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

export type SessionEndReason = "signed_out" | "disabled" | "password_changed";

export async function createSession(db: Db, userId: string, now: Date): Promise<string> {
  const row = await db.userSession.create({ data: { userId, createdAt: now }, select: { id: true } });
  return row.id;
}

export async function isSessionActive(db: Db, sessionId: string, userId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const row = await db.userSession.findFirst({ where: { id: sessionId, userId, endedAt: null }, select: { id: true } });
  return row !== null;
}

export async function endSession(db: Db, sessionId: string, reason: SessionEndReason, now: Date): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
}

/** Ends every session of a person (but `exceptId`, the one changing its password). */
export async function endUserSessions(db: Db | Tx, userId: string, reason: SessionEndReason, now: Date, exceptId?: string): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { endedAt: now, endReason: reason },
  });
  return count;
}

/** Sessions ended, or begun before `before` (no cookie lives that long), deleted. */
export async function deleteOldSessions(db: Db, endedBefore: Date, createdBefore: Date): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { OR: [{ endedAt: { lt: endedBefore } }, { createdAt: { lt: createdBefore } }] } });
  return count;
}
