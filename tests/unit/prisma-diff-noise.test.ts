import { describe, expect, it } from "vitest";
import { withoutGeneratedColumnNoise } from "../../tools/prisma-migrate/prisma-diff";

// Prisma's diff proposes to drop the "default" of the generated search_vector columns; the
// migration tool removes those clauses and keeps every real change.
describe("withoutGeneratedColumnNoise", () => {
  it.each([
    ["alone", '-- AlterTable\nALTER TABLE "request" ALTER COLUMN "search_vector" DROP DEFAULT;', ""],
    [
      "after a real clause",
      '-- AlterTable\nALTER TABLE "request" ADD COLUMN     "thread_vector" tsvector,\nALTER COLUMN "search_vector" DROP DEFAULT;',
      '-- AlterTable\nALTER TABLE "request" ADD COLUMN     "thread_vector" tsvector;',
    ],
    [
      "between real clauses",
      'ALTER TABLE "request" ADD COLUMN     "a" TEXT,\nALTER COLUMN "search_vector" DROP DEFAULT,\nADD COLUMN     "b" TEXT;',
      'ALTER TABLE "request" ADD COLUMN     "a" TEXT,\nADD COLUMN     "b" TEXT;',
    ],
    ["a real change only", 'CREATE INDEX "x" ON "request"("a");', 'CREATE INDEX "x" ON "request"("a");'],
  ])("%s", (_name, sql, expected) => {
    expect(withoutGeneratedColumnNoise(sql).trim()).toBe(expected);
  });

  it("keeps the other statements of the diff", () => {
    const sql = '-- AlterTable\nALTER TABLE "message" ALTER COLUMN "search_vector" DROP DEFAULT;\n\n-- CreateIndex\nCREATE INDEX "y" ON "message"("at");';
    expect(withoutGeneratedColumnNoise(sql).trim()).toBe('-- CreateIndex\nCREATE INDEX "y" ON "message"("at");');
  });
});
