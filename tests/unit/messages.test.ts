// The message catalogues (messages/fr.json, messages/en.json): the same keys in both languages,
// and no key written twice in an object (JSON keeps the last one silently: « details » once became
// an object and the audit log's column header threw at render).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const LOCALES = ["fr", "en"] as const;
const text = (locale: string) => readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8");

/** Every key written twice in one object, by its path (a small scanner: strings, objects, arrays). */
function duplicateKeys(source: string): string[] {
  const found: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(source[i] ?? "")) i++;
  };
  const readString = (): string => {
    let out = "";
    i++; // opening quote
    while (source[i] !== '"') {
      if (source[i] === "\\") {
        out += source[i]! + source[i + 1]!;
        i += 2;
      } else out += source[i++];
    }
    i++;
    return out;
  };
  const readValue = (path: string): void => {
    skipSpace();
    const c = source[i];
    if (c === "{") {
      i++;
      const seen = new Set<string>();
      skipSpace();
      while (source[i] !== "}") {
        skipSpace();
        const key = readString();
        if (seen.has(key)) found.push(`${path}${key}`);
        seen.add(key);
        skipSpace();
        i++; // colon
        readValue(`${path}${key}.`);
        skipSpace();
        if (source[i] === ",") i++;
        skipSpace();
      }
      i++;
    } else if (c === "[") {
      i++;
      skipSpace();
      while (source[i] !== "]") {
        readValue(path);
        skipSpace();
        if (source[i] === ",") i++;
        skipSpace();
      }
      i++;
    } else if (c === '"') readString();
    else while (!/[,}\]\s]/.test(source[i] ?? ",")) i++;
  };
  readValue("");
  return found;
}

const keysOf = (value: unknown, prefix = ""): string[] =>
  value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

describe("message catalogues", () => {
  it.each(LOCALES)("%s.json writes no key twice in an object", (locale) => {
    expect(duplicateKeys(text(locale))).toEqual([]);
  });

  it("the scanner finds a key written twice", () => {
    expect(duplicateKeys('{"a": {"b": "x", "c": [1, {"d": 2}], "b": {"e": "y"}}, "f": true}')).toEqual(["a.b"]);
  });

  it("French and English have the same keys", () => {
    const [fr, en] = LOCALES.map((l) => keysOf(JSON.parse(text(l))).sort());
    expect(en).toEqual(fr);
  });
});
