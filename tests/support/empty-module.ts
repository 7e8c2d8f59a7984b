// Stands in for `server-only` outside Next.js (vitest): the marker has nothing to run.
export {};
