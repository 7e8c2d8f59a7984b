// The lint rules that keep src/domain pure, checked against the project's own ESLint config.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("layer boundaries", () => {
  it.each([
    ['import { NextResponse } from "next/server";\nexport const a = NextResponse;\n', "next"],
    ['import { useState } from "react";\nexport const a = useState;\n', "react"],
    ['import { PrismaClient } from "@prisma/client";\nexport const a = PrismaClient;\n', "prisma"],
    ['import { PrismaClient } from "@/generated/prisma/client";\nexport const a = PrismaClient;\n', "the generated client"],
    ['import { z } from "zod";\nexport const a = z;\n', "zod"],
    ['export const a = process.env.TZ;\n', "process.env"],
    ['export const a = Date.now();\n', "Date.now()"],
    ['export const a = new Date();\n', "new Date()"],
  ])("rejects %j in src/domain (%s)", async (code) => {
    const ids = await ruleIdsFor(code, "src/domain/catalogue/example.ts");
    expect(ids.some((id) => /no-restricted-(imports|syntax|globals)/.test(id))).toBe(true);
  }, 30_000);

  it("accepts pure code in src/domain", async () => {
    expect(await ruleIdsFor("export const a = (ms: number): Date => new Date(ms);\n", "src/domain/catalogue/example.ts")).toEqual([]);
  }, 30_000);

  it("keeps pages away from the database", async () => {
    const ids = await ruleIdsFor('import { getDb } from "@/server/db/client";\nexport const a = getDb;\n', "src/app/example/page.tsx");
    expect(ids).toContain("no-restricted-imports");
  }, 30_000);
});
