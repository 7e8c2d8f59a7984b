// The HTTP server of `npm run dev` and `npm start` (started by scripts/run-app.ts): Next.js behind
// the front door (src/server/http/front-door-handler.ts), which Next's own `next start` cannot be —
// it keeps a client's X-Forwarded-For, sets no security headers and answers some malformed requests
// with 500s. GUICHET_TRUSTED_PROXIES names the proxies whose X-Forwarded-* headers are believed.
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import { register } from "node:module";
import path from "node:path";
import next from "next";
import { parseTrustedProxies } from "../src/server/http/front-door";
import { answerClientError, createFrontDoor } from "../src/server/http/front-door-handler";
import { createPageCache, registerPageCache } from "../src/server/http/page-cache";

const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

let trusted;
try {
  trusted = parseTrustedProxies(process.env.GUICHET_TRUSTED_PROXIES);
} catch (error) {
  console.error(`guichet: ${(error as Error).message}`);
  process.exit(1);
}

// Next.js is told "localhost" whatever address is listened on: given 127.0.0.1, its locale rewrites
// (next-intl) came back as redirects to the same page, forever.
const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
// The public pages are served from memory for a minute at a time (src/server/http/page-cache.ts).
const pageCache = dev ? undefined : createPageCache();
if (pageCache) registerPageCache(pageCache);
// The files of public/, served as they are; other paths naming a file get the app's 404 page.
const publicFiles = new Set(
  readdirSync(path.join(process.cwd(), "public"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(path.join(process.cwd(), "public"), path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`),
);
// The telephone system's call events and the candidates' inquiries, from a request without cookies,
// are answered by the front door itself: hundreds a second, for which Next.js's routing would cost
// as much as storing them (src/server/http/call-events-endpoint.ts, inquiry-endpoint.ts).
// Those modules are the app's server modules (marked `server-only`): resolved as Next resolves them.
register("./lib/server-only-hook.mjs", import.meta.url);
const { serveCallEvent } = await import("../src/server/http/call-events-endpoint");
const { serveInquiry } = await import("../src/server/http/inquiry-endpoint");
const direct = { "POST /api/v1/calls/events": serveCallEvent, "POST /api/v1/inquiries": serveInquiry };
const server = createServer(createFrontDoor({ handle: (req, res) => handle(req, res), trusted, dev, pageCache, publicFiles, direct }));
server.on("clientError", answerClientError);
// An idle kept-alive connection is closed after 65 s, not Node's 5 s: longer than a reverse proxy's
// or a client's own idle delay (60 s for nginx and the cloud load balancers), so that neither sends
// a request on a connection the server is closing at that instant (a "socket hang up", a 502).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// Development's hot reload (a WebSocket upgrade) is wired by Next.js itself on its first request.
server.listen(port, hostname, () => {
  console.log(`guichet: ${dev ? "développement" : "production"} sur http://${hostname ?? "localhost"}:${port}`);
});

let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections();
  void app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
