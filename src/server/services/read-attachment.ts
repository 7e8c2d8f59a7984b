import "server-only";
// Downloading a file of a request: by whoever may read the request (the same "not found" rule as
// the request itself) — the agents of its service, its managers, the admin, its MO's users; a
// candidate through their private tracking link. A requester sees only the files of public messages.
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { hashSecretToken, isWellFormedSecretToken } from "@/server/secret-token";
import { maySeeRequest } from "@/server/services/get-request";
import { attachmentStore } from "@/server/storage/attachment-store";
import { isUuid } from "@/server/validate";

export type AttachmentFile = { filename: string; contentType: string; content: Buffer };

const notFound = () => new AppError("NOT_FOUND", "no such attachment for this reader");
const STAFF = new Set(["agent", "manager", "admin"]);

async function attachmentFacts(id: string) {
  return getDb().attachment.findUnique({
    where: { id },
    select: { requestId: true, message: { select: { visibility: true } }, request: { select: { serviceId: true, organizationId: true, trackingTokenHash: true } } },
  });
}

export async function readAttachment({ user, id }: { user: CurrentUser | null; id: string }): Promise<AttachmentFile> {
  if (!isUuid(id)) throw notFound();
  const facts = await attachmentFacts(id);
  if (!facts || !maySeeRequest(user, facts.request)) throw notFound();
  if (!STAFF.has(user!.role) && facts.message?.visibility !== "public") throw notFound();
  const file = await attachmentStore().read(getDb(), id);
  if (!file) throw notFound();
  return file;
}

export async function readTrackedAttachment({ token, id }: { token: string; id: string }): Promise<AttachmentFile> {
  if (!isUuid(id) || !isWellFormedSecretToken(token)) throw notFound();
  const facts = await attachmentFacts(id);
  if (!facts || facts.request.trackingTokenHash !== hashSecretToken(token) || facts.message?.visibility !== "public") throw notFound();
  const file = await attachmentStore().read(getDb(), id);
  if (!file) throw notFound();
  return file;
}
