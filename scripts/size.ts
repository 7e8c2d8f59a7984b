// npm run -s size — the JavaScript the public pages send, gzip, and the app's own share of it.
// Starts the production build (scripts/production-app.ts), reads each public page's HTML as a
// browser gets it, and sums the gzip sizes (zlib's default level, as the server sends them) of the
// module scripts it loads. The framework is what every page of any Next.js app loads
// (.next/build-manifest.json's rootMainFiles: React DOM, the Next.js runtime); the legacy
// browsers' polyfills (nomodule) are not loaded by a modern browser. What is left is the app's own
// client code: the components marked "use client" on the page and the libraries they pull in.
// Fails (exit 1) when a page's own code is over the budget: issue 13's 15 kB.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startProductionApp } from "./production-app";

const BUDGET_BYTES = 15_000;
const PAGES = ["/", "/services/ca-dotation", "/services/ca-dotation/candidate", "/services/ca-dotation/candidate/ecrire", "/en/services/sagir"];

const root = path.join(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(path.join(root, ".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
const framework = new Set(manifest.rootMainFiles.map((f) => `/_next/${f}`));
const polyfills = new Set(manifest.polyfillFiles.map((f) => `/_next/${f}`));

const sizes = new Map<string, number>();
function gzipSize(src: string): number {
  if (!sizes.has(src)) sizes.set(src, gzipSync(readFileSync(path.join(root, ".next", src.replace(/^\/_next\//, "").split("?")[0]!))).length);
  return sizes.get(src)!;
}

const app = await startProductionApp();
let over = false;
try {
  console.log("page                                         framework kB   own kB   own scripts");
  for (const page of PAGES) {
    const html = await (await fetch(`${app.base}${page}`)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
    const sources = [...new Set(scripts.map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]).filter((s): s is string => Boolean(s?.startsWith("/_next/"))))].filter((s) => !polyfills.has(s.split("?")[0]!));
    const own = sources.filter((s) => !framework.has(s.split("?")[0]!));
    const frameworkBytes = sources.filter((s) => framework.has(s.split("?")[0]!)).reduce((sum, s) => sum + gzipSize(s), 0);
    const ownBytes = own.reduce((sum, s) => sum + gzipSize(s), 0);
    if (ownBytes > BUDGET_BYTES) over = true;
    const detail = own.map((s) => `${path.basename(s.split("?")[0]!)} ${(gzipSize(s) / 1000).toFixed(1)}`).join(", ");
    console.log(`${page.padEnd(44)} ${(frameworkBytes / 1000).toFixed(1).padStart(12)} ${(ownBytes / 1000).toFixed(1).padStart(8)}${ownBytes > BUDGET_BYTES ? " ✗" : "  "} ${detail}`);
  }
} finally {
  app.stop();
}
console.log(`budget: the app's own code ≤ ${BUDGET_BYTES / 1000} kB gzip a page`);
process.exit(over ? 1 : 0);
