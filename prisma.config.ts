// Prisma 7 reads the connection URL here (never from schema.prisma). `env()` would throw during
// `prisma generate` on a machine with no database, so the URL falls back to a placeholder:
// generate never connects, and the app resolves its real URL at start (src/server/db).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://guichet@127.0.0.1:5432/guichet" },
});
