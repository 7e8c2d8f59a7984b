// A module resolution hook for the front door's process (scripts/server.ts): `server-only` — the
// marker that keeps a module out of the browser's bundles — resolves to its server build (empty),
// as it does inside Next.js's server bundles, so that the front door can answer a route with the
// app's own server modules (src/server/http/call-events-endpoint.ts). Nothing else changes: the
// process's other packages (React for Next's renderer) keep their default resolution.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  return nextResolve(specifier, context);
}
