import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeFile, MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE, MAX_MESSAGE_FILES_BYTES, safeFilename, withinMessageLimit } from "./attachments";

describe("judgeFile", () => {
  it.each([
    [{ name: "cv.pdf", size: 10, sniffed: "application/pdf", isText: false }, { ok: true, contentType: "application/pdf", filename: "cv.pdf" }],
    [{ name: "photo.pdf", size: 10, sniffed: "application/x-msdownload", isText: false }, { ok: false, reason: "type-not-allowed" }],
    [{ name: "page.pdf", size: 10, sniffed: null, isText: true }, { ok: false, reason: "type-not-allowed" }],
    [{ name: "notes.txt", size: 10, sniffed: null, isText: true }, { ok: true, contentType: "text/plain", filename: "notes.txt" }],
    [{ name: "liste.csv", size: 10, sniffed: null, isText: true }, { ok: true, contentType: "text/csv", filename: "liste.csv" }],
    [{ name: "logo.svg", size: 10, sniffed: null, isText: true }, { ok: false, reason: "type-not-allowed" }],
    [{ name: "archive.zip", size: 10, sniffed: "application/zip", isText: false }, { ok: false, reason: "type-not-allowed" }],
    [{ name: "binaire.txt", size: 10, sniffed: null, isText: false }, { ok: false, reason: "type-not-allowed" }],
    [{ name: "gros.pdf", size: MAX_FILE_BYTES + 1, sniffed: "application/pdf", isText: false }, { ok: false, reason: "too-large" }],
    [{ name: "vide.pdf", size: 0, sniffed: null, isText: true }, { ok: false, reason: "empty" }],
    [{ name: null, size: 10, sniffed: "image/png", isText: false }, { ok: true, contentType: "image/png", filename: "piece-jointe.png" }],
    [{ name: "rapport.docx", size: 10, sniffed: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", isText: false }, { ok: true, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", filename: "rapport.docx" }],
  ] as const)("%j", (file, verdict) => expect(judgeFile(file)).toEqual(verdict));
});

describe("safeFilename", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\x\\doc.pdf", "doc.pdf"],
    ['a"b<c>.pdf', "abc.pdf"],
    ["...cache", "cache"],
    ["", "piece-jointe.pdf"],
  ])("%j → %j", (name, safe) => expect(safeFilename(name, "pdf")).toBe(safe));
});

describe("withinMessageLimit", () => {
  it("keeps files in order while the message's total and count allow (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: MAX_FILE_BYTES }), { maxLength: 40 }), (sizes) => {
        const { kept, over } = withinMessageLimit(sizes.map((size, i) => ({ size, i })));
        expect(kept.length + over.length).toBe(sizes.length);
        expect(kept.reduce((t, f) => t + f.size, 0)).toBeLessThanOrEqual(MAX_MESSAGE_FILES_BYTES);
        expect(kept.length).toBeLessThanOrEqual(MAX_FILES_PER_MESSAGE);
        expect(kept.map((f) => f.i)).toEqual([...kept.map((f) => f.i)].sort((a, b) => a - b));
      }),
    );
  });
});
