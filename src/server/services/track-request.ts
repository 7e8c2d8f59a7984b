import "server-only";
import type { Locale } from "@/i18n/routing";
import { messageText } from "@/i18n/system-messages";
// What a candidate's private tracking link opens: their own request only, its public thread,
// and their answers back. An unknown or malformed token is simply "not found".
import type { TRequesterReplyInput } from "@/schemas/inquiry";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendRequesterMessage, findTrackedRequest } from "@/server/repositories/request-repository";
import { hashSecretToken, isWellFormedSecretToken } from "@/server/secret-token";
import { attachmentStore, type CheckedFile } from "@/server/storage/attachment-store";

export type TrackedRequest = {
  number: string;
  subject: string;
  status: string;
  receivedAt: string;
  targets: { id: string; metric: string; dueAt: string; metAt: string | null }[];
  /** The request this one was merged into (a duplicate), which goes on in its place. */
  mergedInto: string | null;
  messages: { id: string; from: "requester" | "agent"; body: string; at: string; attachments: { id: string; filename: string; size: number }[] }[];
};

/** The request behind a tracking link, its system messages in the reader's language. */
export async function getTrackedRequest(token: string, locale: Locale = "fr"): Promise<TrackedRequest | null> {
  if (!isWellFormedSecretToken(token)) return null;
  const row = await findTrackedRequest(getDb(), hashSecretToken(token));
  if (!row) return null;
  return {
    number: row.number,
    subject: row.subject,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    targets: row.targets.map((t) => ({ id: t.targetId, metric: t.metric, dueAt: t.dueAt.toISOString(), metAt: t.metAt?.toISOString() ?? null })),
    mergedInto: row.mergedInto?.number ?? null,
    messages: row.messages.map((m) => ({
      id: m.id,
      from: m.authorKind === "requester" ? "requester" : "agent",
      body: messageText({ ...m, authorName: m.author?.name }, row.number, locale),
      at: m.at.toISOString(),
      attachments: m.attachments,
    })),
  };
}

export type ReplyAsRequesterOptions = { token: string; input: TRequesterReplyInput; now: Date; files?: readonly CheckedFile[] };

export async function replyAsRequester({ token, input, now, files = [] }: ReplyAsRequesterOptions): Promise<void> {
  const notFound = new AppError("NOT_FOUND", "unknown tracking token");
  if (!isWellFormedSecretToken(token)) throw notFound;
  await getDb().$transaction(async (tx) => {
    const row = await findTrackedRequest(tx, hashSecretToken(token));
    if (!row) throw notFound;
    if (row.status === "closed") {
      throw new AppError("REFUSED", "request closed", {}, {
        localized: {
          fr: "Cette demande est fermée. Pour une nouvelle question, écrivez-nous de nouveau.",
          en: "This request is closed. For a new question, please write to us again.",
        },
      });
    }
    const { messageId } = await appendRequesterMessage(tx, row.id, input.message, now);
    await attachmentStore().save(tx, { requestId: row.id, messageId, at: now }, files);
  });
}
