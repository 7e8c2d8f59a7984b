import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { audienceProblems, communiqueTextsIn, formatCommuniqueNumber, type CommuniqueAudience } from "./communiques";
import { communiqueFingerprint, formatFingerprint, type FingerprintInput } from "./fingerprint";

const base: FingerprintInput = { titleFr: "Nouvelle fonction", bodyFr: "Le texte du communiqué.", titleEn: null, bodyEn: null, files: [{ filename: "avis.pdf", sha256: "ab".repeat(32) }] };
const audience = (values: Partial<CommuniqueAudience> = {}): CommuniqueAudience => ({ organizations: "all", organizationIds: [], roles: ["sagir_user"], groups: [], ...values });

describe("a communiqué's fingerprint", () => {
  it("is a SHA-256 in hexadecimal, the same for the same content whatever the files' order", () => {
    const two = { ...base, files: [...base.files, { filename: "annexe.pdf", sha256: "cd".repeat(32) }] };
    expect(communiqueFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(communiqueFingerprint(two)).toBe(communiqueFingerprint({ ...two, files: [...two.files].reverse() }));
  });

  it.each([
    ["the French title", { titleFr: "Nouvelle fonction !" }],
    ["the French text", { bodyFr: "Le texte du communiqué" }],
    ["an English version", { titleEn: "New function", bodyEn: "The communiqué's text." }],
    ["a file's content", { files: [{ filename: "avis.pdf", sha256: "ac".repeat(32) }] }],
    ["a file's name", { files: [{ filename: "avis2.pdf", sha256: "ab".repeat(32) }] }],
    ["no file", { files: [] }],
  ])("changes with %s", (_what, change) => {
    expect(communiqueFingerprint({ ...base, ...change })).not.toBe(communiqueFingerprint(base));
  });

  it("never confuses two contents whose parts only move a boundary (length-prefixed parts)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d) => {
        fc.pre(a !== c || b !== d);
        expect(communiqueFingerprint({ ...base, titleFr: a, bodyFr: b })).not.toBe(communiqueFingerprint({ ...base, titleFr: c, bodyFr: d }));
      }),
    );
  });

  it("is shown in groups of eight digits", () => {
    expect(formatFingerprint("0123456789abcdef0123")).toBe("01234567 89abcdef 0123");
  });
});

describe("an audience", () => {
  it.each([
    ["SAGIR users of adhered MOs in RH", "sagir", "dggir", audience({ organizations: "adhered", groups: ["rh"] }), []],
    ["CA-dotation's specialists and pilots", "ca-dotation", "ca-dotation", audience({ roles: ["mo_specialist", "mo_pilot"] }), []],
    ["no role", "sagir", "dggir", audience({ roles: [] }), ["roles"]],
    ["a role of the other centre", "ca-dotation", "ca-dotation", audience({ roles: ["sagir_user"] }), ["roles"]],
    ["SAGIR groups on a CA-dotation communiqué", "ca-dotation", "ca-dotation", audience({ roles: ["mo_specialist"], groups: ["rh"] }), ["groups"]],
    ["« adhered » (SAGIR's) on CA-dotation", "ca-dotation", "ca-dotation", audience({ roles: ["mo_specialist"], organizations: "adhered" }), ["organizations"]],
    ["an empty list of MOs", "sagir", "dggir", audience({ organizations: "list" }), ["organizationIds"]],
    ["an MO's communiqué to all MOs", "sagir", "mo", audience(), ["organizations"]],
    ["an MO's communiqué to its own MO", "sagir", "mo", audience({ organizations: "list", organizationIds: ["m"] }), []],
  ] as const)("%s", (_what, service, source, value, problems) => {
    expect(audienceProblems(service, source, value)).toEqual(problems);
  });
});

describe("numbers and languages", () => {
  it.each([
    ["COM-SAG", 2026, 1, "COM-SAG-2026-001"],
    ["COM-CAD", 2027, 1234, "COM-CAD-2027-1234"],
  ] as const)("%s %i #%i → %s", (prefix, year, sequence, text) => {
    expect(formatCommuniqueNumber(prefix, year, sequence)).toBe(text);
  });

  it("reads the English version only where there is one (title and text)", () => {
    const row = { titleFr: "Titre", bodyFr: "Texte", titleEn: "Title", bodyEn: "Text" };
    expect(communiqueTextsIn(row, "en")).toEqual({ lang: "en", title: "Title", body: "Text" });
    expect(communiqueTextsIn({ ...row, bodyEn: null }, "en")).toEqual({ lang: "fr", title: "Titre", body: "Texte" });
    expect(communiqueTextsIn(row, "fr")).toEqual({ lang: "fr", title: "Titre", body: "Texte" });
  });
});
