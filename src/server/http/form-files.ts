import "server-only";
// Files of a form (the `files` input of every form that carries a message): each checked from its
// content; a refused file is named at the field, in French and English, and nothing is saved — the
// page keeps what was typed, so the person only picks the files again.
import { MAX_FILE_BYTES, MAX_MESSAGE_FILES_BYTES } from "@/domain/mail/attachments";
import { AppError } from "@/server/errors";
import { checkFiles, type CheckedFile } from "@/server/storage/attachment-store";

const REASONS = {
  "too-large": { fr: "trop volumineux", en: "too large" },
  "type-not-allowed": { fr: "type de fichier non accepté", en: "file type not accepted" },
  empty: { fr: "vide", en: "empty" },
} as const;

export async function filesFromForm(form: FormData, field = "files"): Promise<CheckedFile[]> {
  const files = form.getAll(field).filter((v): v is File => typeof v !== "string" && v.size > 0);
  if (files.length === 0) return [];
  const { accepted, refused } = await checkFiles(await Promise.all(files.map(async (f) => ({ name: f.name, content: Buffer.from(await f.arrayBuffer()) }))));
  if (refused.length) {
    const limits = { fr: `${MAX_FILE_BYTES / 1024 / 1024} Mo par fichier, ${MAX_MESSAGE_FILES_BYTES / 1024 / 1024} Mo en tout`, en: `${MAX_FILE_BYTES / 1024 / 1024} MB a file, ${MAX_MESSAGE_FILES_BYTES / 1024 / 1024} MB in all` };
    throw new AppError("INVALID_PARAMETER", "files refused", {
      [field]: {
        fr: `Fichier refusé : ${refused.map((r) => `${r.name} (${REASONS[r.reason].fr})`).join(", ")}. Acceptés : PDF, images, documents bureautiques, CSV, texte; ${limits.fr}.`,
        en: `File refused: ${refused.map((r) => `${r.name} (${REASONS[r.reason].en})`).join(", ")}. Accepted: PDF, images, office documents, CSV, text; ${limits.en}.`,
      },
    });
  }
  return accepted;
}
