// Prometheus metrics (prom-client), read at GET /api/metrics with a token. The HTTP ones are
// recorded by the front door for every answer; the state ones (queues, targets at risk, the
// database) are read when scraped. On globalThis: the front door and Next.js's bundles load this
// file separately, and there must be one registry. No "server-only": the front door uses it.
import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from "prom-client";

const KEY = Symbol.for("guichet.metrics");

function build() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "guichet" });
  collectDefaultMetrics({ register: registry, prefix: "guichet_" });
  return {
    registry,
    httpDuration: new Histogram({
      name: "guichet_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by kind of route, method and status class.",
      labelNames: ["kind", "method", "status_class"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    httpErrors: new Counter({
      name: "guichet_http_errors_total",
      help: "HTTP answers with a 4xx or 5xx status, by kind of route and status.",
      labelNames: ["kind", "status"] as const,
      registers: [registry],
    }),
    targets: new Gauge({
      name: "guichet_targets",
      help: "Unmet commitments of open requests, by service and state (at-risk: past the risk instant, not yet due; breached: past due).",
      labelNames: ["service_id", "state"] as const,
      registers: [registry],
    }),
    queue: new Gauge({
      name: "guichet_queue_depth",
      help: "Work waiting: the jobs' queue (created or to retry), stored e-mail not yet processed, e-mail not yet sent.",
      labelNames: ["queue"] as const,
      registers: [registry],
    }),
    database: new Gauge({
      name: "guichet_database_available",
      help: "1 while the database answers, 0 during an outage (the process's state).",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof build>;

export function metrics(): Metrics {
  const holder = globalThis as { [KEY]?: Metrics };
  holder[KEY] ??= build();
  return holder[KEY];
}

const API_RESOURCES = new Set(["catalogue", "inquiries", "requests", "attachments", "tracking"]);

/** The kind of route of a path, a bounded label (never the path itself: numbers and tokens are in it). */
export function routeKind(path: string, isServerAction: boolean): string {
  if (isServerAction) return "action";
  if (path.startsWith("/_next/") || /\.[a-z0-9]{2,5}$/i.test(path)) return "static";
  if (path.startsWith("/api/auth/")) return "auth";
  if (path.startsWith("/api/v1/")) {
    const resource = path.split("/")[3] ?? "";
    return API_RESOURCES.has(resource) ? `api_${resource}` : "api_unknown";
  }
  if (path.startsWith("/api/")) return "api_other";
  return "page";
}

/** Records one answer (called by the front door when the answer is finished). */
export function recordHttp(kind: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  const known = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(method) ? method : "other";
  m.httpDuration.observe({ kind, method: known, status_class: `${Math.floor(status / 100)}xx` }, seconds);
  if (status >= 400) m.httpErrors.inc({ kind, status: String(status) });
}
