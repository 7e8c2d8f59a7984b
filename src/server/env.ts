import "server-only";
// The environment the server reads, in one place. See .env.example.
import { AppError } from "@/server/errors";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new AppError("DATABASE_UNAVAILABLE", "DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.");
  }
  return url;
}

export function hasDatabase(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

/**
 * End-to-end tests set GUICHET_TEST_CLOCK=1 on the server they start, which lets a request fix
 * "now" with the `guichet-now` cookie. Never set in production.
 */
export function isTestClockEnabled(): boolean {
  return process.env.GUICHET_TEST_CLOCK === "1";
}
