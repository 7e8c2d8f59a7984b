// Which files a request may carry: the type is read from the content (the sender's name and
// declared type prove nothing), checked against an allow-list, with a size per file and per message.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_MESSAGE_FILES_BYTES = 25 * 1024 * 1024;
export const MAX_FILES_PER_MESSAGE = 20;

/** Types sniffed from the content that are accepted, with the extension they are saved under. */
const ALLOWED: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/tiff": "tif",
  "image/heic": "heic",
  "image/bmp": "bmp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
  // Word 97–2003, Excel 97–2003 (Compound File Binary).
  "application/x-cfb": "doc",
  "application/msword": "doc",
  "application/vnd.ms-excel": "xls",
  "application/rtf": "rtf",
  "message/rfc822": "eml",
};

const TEXT_EXTENSIONS: Record<string, string> = { csv: "text/csv", txt: "text/plain", eml: "message/rfc822", log: "text/plain" };

export type FileVerdict =
  | { ok: true; contentType: string; filename: string }
  | { ok: false; reason: "too-large" | "type-not-allowed" | "empty" };

/** A file name that is safe to show and to offer for download (no path, no control characters). */
export function safeFilename(name: string | null | undefined, fallbackExtension: string): string {
  const base = (name ?? "")
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 150);
  return base || `piece-jointe.${fallbackExtension}`;
}

function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name);
  return match ? match[1]!.toLowerCase() : "";
}

/**
 * The verdict on one file. `sniffed` is the type read from its first bytes (null when the bytes
 * have no signature); `isText` says the bytes are valid UTF-8 text without NUL (CSV, text, .eml).
 */
export function judgeFile(file: { name: string | null; size: number; sniffed: string | null; isText: boolean }): FileVerdict {
  if (file.size === 0) return { ok: false, reason: "empty" };
  if (file.size > MAX_FILE_BYTES) return { ok: false, reason: "too-large" };
  if (file.sniffed) {
    const extension = ALLOWED[file.sniffed];
    if (!extension) return { ok: false, reason: "type-not-allowed" };
    return { ok: true, contentType: file.sniffed, filename: safeFilename(file.name, extension) };
  }
  const declared = extensionOf(file.name ?? "");
  if (file.isText && TEXT_EXTENSIONS[declared]) return { ok: true, contentType: TEXT_EXTENSIONS[declared]!, filename: safeFilename(file.name, declared) };
  if (file.isText && !declared) return { ok: true, contentType: "text/plain", filename: safeFilename(file.name, "txt") };
  return { ok: false, reason: "type-not-allowed" };
}

/** Which of a message's files fit within the per-message total, in order (the rest are refused as too large). */
export function withinMessageLimit<T extends { size: number }>(files: readonly T[]): { kept: T[]; over: T[] } {
  const kept: T[] = [];
  const over: T[] = [];
  let total = 0;
  for (const file of files) {
    if (kept.length < MAX_FILES_PER_MESSAGE && total + file.size <= MAX_MESSAGE_FILES_BYTES) {
      kept.push(file);
      total += file.size;
    } else {
      over.push(file);
    }
  }
  return { kept, over };
}
