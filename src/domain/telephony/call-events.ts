// A call as the telephone system reports it: one event per state change — `queued` (the caller
// enters the line's queue: the clock starts), `answered` (by an agent), `abandoned` (the caller
// hung up while waiting), `voicemail` (a message left), `ended`. Events may come late, twice or out
// of order: the call is always recomputed from all its events, put back in order (by instant, then
// by the order a call goes through). Pure: no clock, no database.

export const CALL_EVENT_KINDS = ["queued", "answered", "abandoned", "voicemail", "ended"] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

const RANK: Record<CallEventKind, number> = { queued: 0, answered: 1, abandoned: 2, voicemail: 2, ended: 3 };

export type CallEvent = { kind: CallEventKind; at: number; agentRef?: string | null; callerNumber?: string | null };

/**
 * An abandoned call counts against the answer target once the caller had waited this long: shorter,
 * it is a wrong number or a change of mind (the usual contact-centre threshold), counted as
 * abandoned but left out of the share answered in time.
 */
export const ABANDON_THRESHOLD_MS = 30_000;

export type CallStatus = "waiting" | "answered" | "abandoned" | "voicemail";

export type CallState = {
  status: CallStatus;
  /** When it entered the queue (the first event's instant when `queued` is missing). */
  queuedAt: number;
  answeredAt: number | null;
  abandonedAt: number | null;
  voicemailAt: number | null;
  endedAt: number | null;
  agentRef: string | null;
  callerNumber: string | null;
  /** Waiting time until answered, abandoned or voicemail; null while waiting. */
  waitMs: number | null;
  /**
   * The answer target's due instant, once the call is settled and counts for it: answered, or
   * abandoned after the threshold; null while waiting, for a short abandon and for a voicemail (a
   * written request with its own targets).
   */
  dueAt: number | null;
  /** Whether it was answered in time (null when it does not count). */
  met: boolean | null;
};

export function orderEvents<T extends CallEvent>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.at - b.at || RANK[a.kind] - RANK[b.kind]);
}

/**
 * The call from its events (at least one), with its answer target of `targetMs` (5 or 15 minutes;
 * null for a line whose audience has none: no call of it counts for a target).
 */
export function callState(events: readonly CallEvent[], targetMs: number | null): CallState {
  const ordered = orderEvents(events);
  const first = (kind: CallEventKind) => ordered.find((e) => e.kind === kind) ?? null;
  const queued = first("queued");
  const queuedAt = queued?.at ?? ordered[0]!.at;
  const answered = first("answered");
  // What happened first decides: an answer before a hang-up is an answered call.
  const settling = ordered.find((e) => e.kind === "answered" || e.kind === "abandoned" || e.kind === "voicemail") ?? null;
  const status: CallStatus = settling === null ? "waiting" : settling.kind === "answered" ? "answered" : settling.kind === "abandoned" ? "abandoned" : "voicemail";
  const waitMs = settling === null ? null : Math.max(0, settling.at - queuedAt);
  const due = queuedAt + (targetMs ?? 0);
  const counts = targetMs !== null && (status === "answered" || (status === "abandoned" && waitMs! >= ABANDON_THRESHOLD_MS));
  return {
    status,
    queuedAt,
    answeredAt: status === "answered" ? settling!.at : null,
    abandonedAt: status === "abandoned" ? settling!.at : null,
    voicemailAt: first("voicemail")?.at ?? null,
    endedAt: first("ended")?.at ?? null,
    agentRef: answered?.agentRef ?? null,
    callerNumber: ordered.find((e) => e.callerNumber)?.callerNumber ?? null,
    waitMs,
    dueAt: counts ? due : null,
    met: counts ? status === "answered" && settling!.at <= due : null,
  };
}
