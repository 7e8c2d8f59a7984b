import "server-only";
// Attachments: checked (type from the content, allow-list, sizes: src/domain/mail/attachments.ts)
// and stored behind one interface. The PostgreSQL store keeps the bytes in the `attachment` table;
// another store (S3-compatible) would keep them elsewhere and only a `storage_key` here — chosen
// by configuration (GUICHET_ATTACHMENT_STORE), with PostgreSQL the only one built today.
import { createHash } from "node:crypto";
import { TextDecoder } from "node:util";
import { fileTypeFromBuffer } from "file-type";
import { judgeFile, withinMessageLimit, type FileVerdict } from "@/domain/mail/attachments";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/repositories/request-repository";

export type IncomingFile = { name: string | null; content: Buffer };
export type RefusedFile = { name: string; reason: Exclude<FileVerdict, { ok: true }>["reason"] };
export type CheckedFile = { filename: string; contentType: string; content: Buffer; sha256: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    utf8.decode(content.subarray(0, 64 * 1024));
    return true;
  } catch {
    return false;
  }
}

/** Each file judged from its content; the accepted ones within the message's total. */
export async function checkFiles(files: readonly IncomingFile[]): Promise<{ accepted: CheckedFile[]; refused: RefusedFile[] }> {
  const accepted: CheckedFile[] = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    const sniffed = file.content.length ? ((await fileTypeFromBuffer(file.content))?.mime ?? null) : null;
    const verdict = judgeFile({ name: file.name, size: file.content.length, sniffed, isText: isText(file.content) });
    if (verdict.ok) accepted.push({ filename: verdict.filename, contentType: verdict.contentType, content: file.content, sha256: createHash("sha256").update(file.content).digest("hex") });
    else refused.push({ name: file.name ?? "(sans nom)", reason: verdict.reason });
  }
  const { kept, over } = withinMessageLimit(accepted.map((f) => ({ ...f, size: f.content.length })));
  return { accepted: kept, refused: [...refused, ...over.map((f) => ({ name: f.filename, reason: "too-large" as const }))] };
}

export type AttachmentStore = {
  save(tx: Tx, owner: { requestId: string; messageId: string | null; at: Date }, files: readonly CheckedFile[]): Promise<void>;
  read(db: Db | Tx, id: string): Promise<{ filename: string; contentType: string; content: Buffer; requestId: string } | null>;
  forMessages(db: Db | Tx, messageIds: readonly string[]): Promise<{ filename: string; contentType: string; content: Buffer; messageId: string }[]>;
};

export const postgresAttachmentStore: AttachmentStore = {
  async save(tx, owner, files) {
    if (files.length === 0) return;
    await tx.attachment.createMany({
      data: files.map((f) => ({ requestId: owner.requestId, messageId: owner.messageId, filename: f.filename, contentType: f.contentType, size: f.content.length, sha256: f.sha256, data: new Uint8Array(f.content), createdAt: owner.at })),
    });
  },
  async read(db, id) {
    const row = await db.attachment.findUnique({ where: { id }, select: { filename: true, contentType: true, data: true, requestId: true } });
    if (!row?.data) return null;
    return { filename: row.filename, contentType: row.contentType, content: Buffer.from(row.data), requestId: row.requestId };
  },
  async forMessages(db, messageIds) {
    if (messageIds.length === 0) return [];
    const rows = await db.attachment.findMany({ where: { messageId: { in: [...messageIds] }, data: { not: null } }, select: { filename: true, contentType: true, data: true, messageId: true }, orderBy: { createdAt: "asc" } });
    return rows.map((r) => ({ filename: r.filename, contentType: r.contentType, content: Buffer.from(r.data!), messageId: r.messageId! }));
  },
};

export function attachmentStore(): AttachmentStore {
  const kind = process.env.GUICHET_ATTACHMENT_STORE ?? "postgres";
  if (kind !== "postgres") throw new Error(`GUICHET_ATTACHMENT_STORE=${kind}: only "postgres" is available`);
  return postgresAttachmentStore;
}
