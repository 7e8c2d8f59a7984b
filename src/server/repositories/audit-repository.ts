import "server-only";
// The audit log of sensitive acts (views of personal information, identity validations, the
// pilot's changes to people), append-only: a trigger refuses UPDATE and DELETE.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

export type AuditAction = "personal_data_viewed" | "identity_validated" | "member_invited" | "member_invitation_renewed" | "member_updated" | "sender_identified" | "password_reset_requested" | "password_reset" | "admin_created";

export async function appendAudit(
  db: Db | Tx,
  entry: { at: Date; actorUserId: string | null; action: AuditAction; requestId?: string | null; data?: Prisma.InputJsonValue },
): Promise<void> {
  await db.auditEntry.create({ data: { ...entry, requestId: entry.requestId ?? null, data: entry.data ?? {} }, select: { id: true } });
}
