// npm run db:seed — applies pending migrations and seeds what is missing (see src/server/db/seed.ts).
import { prepareDatabase } from "../src/server/db/prepare-database";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm run dev seeds its embedded database by itself).");
  process.exit(2);
}
// Demo accounts have public passwords: only on request.
const result = await prepareDatabase(url, new Date(), { demo: process.env.GUICHET_DEMO_DATA === "1" });
console.log(
  `Migrations applied: ${result.migrationsApplied.length}; holiday years generated: ${result.holidayYearsGenerated.join(", ") || "none"}; demo accounts created: ${result.demoUsersCreated}.`,
);
