// npm run -s phone:simulate -- --line cad-candidates [--calls 200] [--speed 60] [--url http://localhost:3000]
//                              [--key gk_…] [--seed 1] [--past]
// Plays a day of realistic calls into a running instance's call events API (queued, answered after
// a drawn wait, some abandoned, some voicemails), so that the wallboard and the dashboard move. The
// key (scope « événements d'appel », made at /admin/cles) comes from --key or GUICHET_API_KEY.
// Live by default, `speed` times faster than real time; --past sends the day that ends now, at once.
// Bad input: exit 2 and one line on stderr.
import { DEFAULT_PHONE_LINES, LINE_ID } from "../src/domain/telephony/lines";
import { playCalls } from "./lib/play-calls";

const USAGE = "usage: npm run -s phone:simulate -- --line <cad-candidates|cad-mo|sagir|a line of the catalogue> [--calls 200] [--speed 60] [--url http://localhost:3000] [--key gk_…] [--seed 1] [--past]";
const fail = (line: string): never => {
  process.stderr.write(`${line}\n`);
  process.exit(2);
};

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const known = new Set(["--line", "--calls", "--speed", "--url", "--key", "--seed", "--past"]);
for (let i = 0; i < args.length; i++) {
  if (!known.has(args[i]!)) fail(`${args[i]}: unknown option — ${USAGE}`);
  if (args[i] !== "--past") i += 1;
}
// A line of the catalogue (the instance refuses one it does not have); the centres' are known here,
// a line added in the catalogue is taken as SAGIR's when its id starts with « sagir », else CA-dotation's.
const lineId = option("line") ?? "";
if (!LINE_ID.test(lineId)) fail(`--line: a line of the catalogue, e.g. ${DEFAULT_PHONE_LINES.map((l) => l.id).join(", ")} — ${USAGE}`);
const line = DEFAULT_PHONE_LINES.find((l) => l.id === lineId) ?? { id: lineId, serviceId: lineId.startsWith("sagir") ? "sagir" : "ca-dotation" };
const number = (name: string, fallback: number, max: number) => {
  const text = option(name);
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) fail(`--${name}: a number from 1 to ${max}`);
  return value;
};
const calls = Math.round(number("calls", 200, 100_000));
const speed = number("speed", 60, 100_000);
const seed = Math.round(number("seed", Date.now() % 1_000_000, Number.MAX_SAFE_INTEGER));
const key = option("key") ?? process.env.GUICHET_API_KEY ?? fail("--key or GUICHET_API_KEY: an integration key of the call events scope (/admin/cles)");
const url = option("url") ?? "http://localhost:3000";
// The demo agents of the line's centre answer (any other identifier is kept as the system gives it).
const agents = line.serviceId === "sagir" ? ["agent.sagir@cspq.exemple.qc.ca"] : ["agent.dotation@cspq.exemple.qc.ca"];
// SAGIR's callers wait longer (15-minute target) than CA-dotation's candidates (5 minutes).
const meanWaitMs = line.serviceId === "sagir" ? 6 * 60_000 : 2.5 * 60_000;

const result = await playCalls(
  { seed, calls, meanGapMs: (8 * 60 * 60_000) / calls, meanWaitMs, meanPatienceMs: 2 * meanWaitMs, voicemailShare: 0.05, agents, idPrefix: `sim-${seed}` },
  { url, key, line: line.id, speed, pastEndMs: args.includes("--past") ? Date.now() - 60_000 : null, log: (l) => process.stderr.write(`${l}\n`) },
);
process.stdout.write(
  `${result.calls} appels sur la ligne ${line.id} : ${result.outcomes.answered ?? 0} répondus, ${result.outcomes.abandoned ?? 0} abandonnés, ${result.outcomes.voicemail ?? 0} messages vocaux — ${result.sent} événements envoyés, ${result.failed} refusés\n`,
);
process.exit(result.failed ? 1 : 0);
