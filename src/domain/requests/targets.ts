// Target state from events (issue 4 §5): when each target of a request was met is read from the
// request's event log, and its state (pending, at risk, met, breached) from that instant and the
// due instant fixed at receipt. One definition, used by the writers (which keep `met_at` and the
// queue's columns in step), the queue, the request view, the dashboards and the API.
// Pure: the engine, the events and "now" come in as parameters.
import type { CatalogueEngine, TargetState } from "../catalogue/engine";
import type { ClockId, DurationUnit, TargetStateName } from "../catalogue/types";

/** The metric of a promise made by an *avis de délai*: met by the next answer (or redirection). */
export const PROMISE_METRIC = "promised-reply";
export const PROMISE_TARGET_PREFIX = "promise-";

/** The kinds of an agent's public reply. */
export const REPLY_KINDS = ["answer", "delay_notice", "redirection"] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

export type EventFact = { kind: string; at: number; data: Readonly<Record<string, unknown>> };

export type TargetFacts = {
  targetId: string;
  metric: string;
  clock: ClockId;
  amount: number;
  unit: DurationUnit;
  calendarId: string;
  startsAt: number;
  dueAt: number;
  riskAt: number;
};

/** Whether an event is the metric event of a target (spec §4's "metric (what satisfies it)"). */
export function eventSatisfies(metric: string, event: EventFact): boolean {
  switch (metric) {
    case "answer":
      return event.kind === "call_answered";
    case "take-in-charge":
      return event.kind === "taken_in_charge";
    case "first-reply":
    case "reply-or-delay-notice":
      // Any public reply of an agent: an answer, an avis de délai, a redirection. The
      // acknowledgement sent when a request is taken in charge is not a reply.
      return event.kind === "public_reply";
    case PROMISE_METRIC:
      return event.kind === "public_reply" && event.data.replyKind !== "delay_notice";
    default:
      return false;
  }
}

/** When a target was met: its first metric event at or after the target's start, or null. */
export function metAtFromEvents(target: Pick<TargetFacts, "metric" | "startsAt">, events: readonly EventFact[]): number | null {
  let first: number | null = null;
  for (const event of events) {
    if (event.at < target.startsAt || !eventSatisfies(target.metric, event)) continue;
    if (first === null || event.at < first) first = event.at;
  }
  return first;
}

export type QueueFacts = {
  /** Earliest due instant of a target not met yet (null: every target met, or none). */
  nextDueAt: number | null;
  /** Earliest at-risk instant of a target not met yet. */
  nextRiskAt: number | null;
  /** Some target was met after its due instant. */
  missed: boolean;
  hasTargets: boolean;
};

/**
 * What the queue stores of a request's targets. A duplicate merged into another request has no
 * live target left: its unmet targets are withdrawn (the surviving request carries them).
 */
export function queueFacts(targets: readonly (Pick<TargetFacts, "dueAt" | "riskAt"> & { metAt: number | null })[], withdrawn = false): QueueFacts {
  let nextDueAt: number | null = null;
  let nextRiskAt: number | null = null;
  let missed = false;
  for (const t of targets) {
    if (t.metAt === null) {
      if (withdrawn) continue;
      nextDueAt = nextDueAt === null ? t.dueAt : Math.min(nextDueAt, t.dueAt);
      nextRiskAt = nextRiskAt === null ? t.riskAt : Math.min(nextRiskAt, t.riskAt);
    } else if (t.metAt > t.dueAt) {
      missed = true;
    }
  }
  return { nextDueAt, nextRiskAt, missed, hasTargets: targets.length > 0 };
}

/**
 * What a request needs now, for the dashboard's « À risque ou en retard maintenant »: "overdue" if
 * a target not met yet is past its due instant, "at-risk" if the earliest is in its risk window,
 * else null — a target met late is over and needs nothing (the SQL of `stateCondition`'s
 * "overdue-now" and "at-risk-now").
 */
export function liveState(facts: Pick<QueueFacts, "nextDueAt" | "nextRiskAt" | "hasTargets">, now: number): "overdue" | "at-risk" | null {
  if (!facts.hasTargets || facts.nextDueAt === null) return null;
  if (facts.nextDueAt < now) return "overdue";
  return facts.nextRiskAt !== null && facts.nextRiskAt <= now ? "at-risk" : null;
}

export type RequestTargetState = TargetStateName | "none";

/**
 * The state of a request as a whole, the worst of its targets: breached if one is overdue or was
 * met late, else at risk if one not met yet is at risk, else pending if one is not met yet, else
 * met ("none" without targets). The queue's SQL filter is this function written in SQL on the
 * columns of `queueFacts` (an integration test checks that both agree).
 */
export function requestTargetState(facts: QueueFacts, at: number): RequestTargetState {
  if (!facts.hasTargets) return "none";
  if (facts.missed || (facts.nextDueAt !== null && at > facts.nextDueAt)) return "breached";
  if (facts.nextRiskAt !== null && at >= facts.nextRiskAt) return "at-risk";
  if (facts.nextDueAt !== null) return "pending";
  return "met";
}

export type EvaluatedTarget = TargetFacts & TargetState & { metAt: number | null; withdrawn: boolean };

/** A target's state at `at`, in its own clock, given when it was met (withdrawn: a merged duplicate's). */
export function evaluateTarget(
  engine: Pick<CatalogueEngine, "targetState">,
  target: TargetFacts,
  metAt: number | null,
  at: number,
  withdrawn = false,
): EvaluatedTarget {
  const state = engine.targetState({ target, receivedAt: target.startsAt, dueAt: target.dueAt, metAt, at });
  return { ...target, ...state, metAt, withdrawn: withdrawn && metAt === null };
}

/** Each target's met instant (from the events) and state at `at`, in its own clock. */
export function evaluateTargets(
  engine: Pick<CatalogueEngine, "targetState">,
  targets: readonly TargetFacts[],
  events: readonly EventFact[],
  at: number,
  options: { withdrawn?: boolean } = {},
): EvaluatedTarget[] {
  return targets.map((t) => evaluateTarget(engine, t, metAtFromEvents(t, events), at, options.withdrawn));
}

/** Whether a text reads like it discloses information about a person's file (results, eligibility…). */
const DISCLOSURE_PATTERNS: readonly RegExp[] = [
  /\bvotre (candidature|résultat|note|rang|admissibilité|inscription|dossier) (a été|est|était|n'a pas|n'est pas|indique|montre|contient|comporte)/i,
  /\bvos (résultats|notes)\b/i,
  /\bvous (avez|n'avez pas) (été )?(réussi|échoué|obtenu|été retenu|été qualifié|été admis|été inscrit)/i,
  /\bvous (êtes|n'êtes pas|étiez) (admissible|qualifiée?|retenue?|inscrite?|déclarée?)/i,
  /\b(résultat|note) (de|à) (votre|l'|l’)?\s*(examen|évaluation|test)/i,
  /\byour (application|result|results|score|file|eligibility) (has|was|is|shows|indicates)/i,
  /\byou (have|were|are|have not|were not|are not) (been )?(qualified|selected|admitted|eligible|registered|passed|failed)/i,
];

export function disclosesFileInformation(text: string): boolean {
  return DISCLOSURE_PATTERNS.some((pattern) => pattern.test(text));
}

/**
 * The target a queue row shows: the first one not met yet, by due instant (the next commitment);
 * when all are met, the one met last (late if any was late).
 */
export function headlineTarget<T extends { dueAt: number; metAt: number | null; state: TargetStateName; withdrawn?: boolean }>(targets: readonly T[]): T | null {
  const live = targets.filter((t) => t.metAt === null && !t.withdrawn).sort((a, b) => a.dueAt - b.dueAt);
  if (live.length > 0) return live[0]!;
  const met = targets.filter((t) => t.metAt !== null).sort((a, b) => (b.state === "breached" ? 1 : 0) - (a.state === "breached" ? 1 : 0) || b.metAt! - a.metAt!);
  return met[0] ?? null;
}

/** "Marie-Ève Tremblay" → "M. T." — how a requester appears in lists. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  const initials = name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part.charAt(0).toUpperCase()}.`);
  return initials.slice(0, 3).join(" ");
}

/** "418 555-0123" → "•••0123": a caller's number as lists show it (the last four digits). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  return digits.length <= 4 ? "•••" : `•••${digits.slice(-4)}`;
}

/** "marie.tremblay@exemple.ca" → "m•••@exemple.ca". */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.indexOf("@");
  if (at < 1) return "•••";
  return `${email.charAt(0)}•••${email.slice(at)}`;
}
