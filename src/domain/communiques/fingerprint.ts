// A communiqué's fingerprint: what proves it went out unchanged (server-side: node:crypto).
import { createHash } from "node:crypto";

export type FingerprintInput = {
  titleFr: string;
  bodyFr: string;
  titleEn: string | null;
  bodyEn: string | null;
  files: readonly { filename: string; sha256: string }[];
};

/**
 * The SHA-256 of what the people receive: both languages' title and text and each file's name and
 * SHA-256 (files in name order), each part length-prefixed so that no two contents share a text.
 * Shown on the communiqué: a forwarded communiqué keeps its author's fingerprint.
 */
export function communiqueFingerprint(input: FingerprintInput): string {
  const hash = createHash("sha256");
  const part = (text: string) => {
    const bytes = Buffer.from(text, "utf8");
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  };
  part("guichet-communique-v1");
  part(input.titleFr);
  part(input.bodyFr);
  part(input.titleEn ?? "");
  part(input.bodyEn ?? "");
  const files = [...input.files].sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : a.sha256 < b.sha256 ? -1 : 1));
  part(String(files.length));
  for (const f of files) {
    part(f.filename);
    part(f.sha256);
  }
  return hash.digest("hex");
}

/** The fingerprint as shown: groups of 8 hexadecimal digits, so a person can compare two by eye. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,8}/g)?.join(" ") ?? fingerprint;
}
