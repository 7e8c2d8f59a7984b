// npm run db:migrate — applies pending migrations to DATABASE_URL (Prisma's folder format and bookkeeping).
import { applyMigrations } from "../src/server/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}
try {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
