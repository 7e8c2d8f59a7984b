// What no person types, refused in every input before its schema reads it (one rule for every form,
// route and action): NUL and the other C0 and C1 control characters — line breaks and tabs aside —,
// lone surrogates, and the non-characters U+FFFE and U+FFFF. PostgreSQL refuses NUL in text (a 500
// once), a terminal obeys ANSI escapes, and none of them carries meaning a person typed.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasForbiddenText(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** The paths (`a.b.0`) of the strings, keys included, that hold a forbidden character; nested up to `maxDepth`. */
export function forbiddenTextPaths(input: unknown, maxDepth = 32): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string[], depth: number) => {
    if (found.length >= 20) return;
    if (typeof value === "string") {
      if (hasForbiddenText(value)) found.push(path.join(".") || "body");
      return;
    }
    if (depth >= maxDepth || value === null || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (hasForbiddenText(key)) found.push([...path, "(clé)"].join("."));
      else walk(inner, [...path, key], depth + 1);
    }
  };
  walk(input, [], 0);
  return found;
}
