import "server-only";
// The telephone system's call events (POST /api/v1/calls/events, a key of the call_events scope):
// each is stored once per (call, event) — a retried webhook changes nothing — and the call is then
// recomputed from all its events, in order whatever order they came in (src/domain/telephony/
// call-events.ts). The call is a phone_call row like those agents log, so the dashboards' phone
// figures (answered, share answered in time, waits) come from the telephone system's own instants.
import { TIME_ZONE } from "@/domain/catalogue/default-catalogue";
import { getZone } from "@/domain/catalogue/zone";
import { ABANDON_THRESHOLD_MS, callState, type CallEventKind } from "@/domain/telephony/call-events";
import { clockDuration } from "@/domain/telephony/duration";
import { maskPhone } from "@/domain/requests/targets";
import { lineAnswerTarget, type PhoneLine } from "@/domain/telephony/lines";
import type { CatalogueEngine } from "@/domain/catalogue/engine";
import type { TCallEventInput } from "@/schemas/call-event";
import { isAgentOf, isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { isConnectionError } from "@/server/db/availability";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { type CurrentCallRow, insertCallEvent, linkCallRequest, listCallEvents, listUnsettledCalls, lockCall, readLineBoards, receiveEventsInSql, saveEventCall, type EventToReceive, type ReceivedEventRow } from "@/server/repositories/call-event-repository";
import { findAccountByEmail } from "@/server/repositories/user-repository";
import { getCatalogue } from "@/server/services/get-catalogue";
import { groupedCalls, type GroupAnswer } from "@/server/grouped-calls";
import { openRequestIn } from "@/server/services/open-request";
import { isUuid } from "@/server/validate";

/** How far ahead of the server's clock an event may be dated (the telephone system's clock may drift a little). */
const CLOCK_SKEW_MS = 5 * 60_000;

export type ReceivedCallEvent = {
  /** false when the call had this event already (nothing changed). */
  stored: boolean;
  call: { id: string; status: string; queuedAt: Date; answeredAt: Date | null; waitSeconds: number | null; dueAt: Date | null; met: boolean | null };
  /** The written request a voicemail opened (on a line whose audience has the voicemail channel). */
  request: { number: string } | null;
};

const fieldError = (field: string, fr: string, en: string) => new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } });

export async function receiveCallEvent({ input, now }: { input: TCallEventInput; now: Date }): Promise<ReceivedCallEvent> {
  const catalogue = await getCatalogue();
  const { engine } = catalogue;
  const line = catalogue.lines.find((l) => l.id === input.line);
  if (!line) throw fieldError("line", `Ligne inconnue : « ${input.line} » (les lignes sont dans le catalogue).`, `Unknown line: "${input.line}" (the lines are in the catalogue).`);
  if (input.at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw fieldError("at", "L'événement est daté dans le futur.", "The event is dated in the future.");
  if (input.voicemail && input.event !== "voicemail") throw fieldError("voicemail", "Seul un événement « voicemail » décrit un message vocal.", "Only a voicemail event describes a voicemail.");
  if (input.event !== "voicemail") return receiveInOneTrip(input, line, engine, now);
  // A voicemail may open a written request: the event, the call and the request in one transaction.
  return getDb().$transaction(async (tx) => {
    await lockCall(tx, input.callId);
    const before = await listCallEvents(tx, input.callId);
    if (before.length && before[0]!.lineId !== line.id) {
      throw fieldError("line", `Cet appel est déjà sur la ligne « ${before[0]!.lineId} ».`, `This call is already on line "${before[0]!.lineId}".`);
    }
    const stored = await insertCallEvent(tx, {
      externalId: input.callId,
      kind: input.event,
      lineId: line.id,
      at: input.at,
      agentRef: input.agent ?? null,
      callerNumber: input.caller ?? null,
      details: input.voicemail ? { durationSeconds: input.voicemail.durationSeconds, recordingUrl: input.voicemail.recordingUrl ?? null } : {},
      receivedAt: now,
    });
    const events = stored ? await listCallEvents(tx, input.callId) : before;
    // The line's answer target (an elapsed clock from the queue's entry), when its audience has one.
    const target = lineAnswerTarget(engine, line, now.getTime());
    const state = callState(
      events.map((e) => ({ kind: e.kind as CallEventKind, at: e.at.getTime(), agentRef: e.agentRef, callerNumber: e.callerNumber })),
      target?.ms ?? null,
    );
    const agent = state.agentRef?.includes("@") ? await findAccountByEmail(tx, state.agentRef) : null;
    const agentId = agent && agent.role === "agent" && !agent.disabledAt && agent.services.some((s) => s.serviceId === line.serviceId) ? agent.id : null;
    const { id } = await saveEventCall(tx, input.callId, {
      serviceId: line.serviceId,
      audienceId: line.audienceId,
      lineId: line.id,
      receivedAt: new Date(state.queuedAt),
      answeredAt: state.answeredAt === null ? null : new Date(state.answeredAt),
      abandonedAt: state.abandonedAt === null ? null : new Date(state.abandonedAt),
      endedAt: state.endedAt === null ? null : new Date(state.endedAt),
      callStatus: state.status,
      targetId: state.dueAt !== null ? target!.id : null,
      dueAt: state.dueAt === null ? null : new Date(state.dueAt),
      agentId,
      agentRef: state.agentRef,
      callerNumber: state.callerNumber,
    });
    // A voicemail opens a written request with the voicemail channel's targets (SAGIR: taken in
    // charge within 24 business-day hours) — the agent's callback task. Once: only when this event
    // is new. A line whose audience has no voicemail channel (CA-dotation's) keeps the call only.
    let request: { number: string } | null = null;
    const audience = engine.getService(line.serviceId).audiences.find((a) => a.id === line.audienceId);
    if (stored && input.event === "voicemail" && audience?.channels.includes("voicemail")) {
      const seconds = input.voicemail?.durationSeconds ?? null;
      const opened = await openRequestIn(
        tx,
        {
          serviceId: line.serviceId,
          audienceId: line.audienceId,
          channel: "voicemail",
          type: "voicemail",
          // Language-neutral, and masked as lists show it: the number's last digits and the length
          // (the whole number is in the request's details; the words are the system message).
          subject: `☎ ${maskPhone(state.callerNumber) ?? "—"}${seconds === null ? "" : ` · ${clockDuration(seconds)}`}`,
          body: "",
          urgent: false,
          receivedAt: input.at,
          details: { callerNumber: state.callerNumber, voicemailSeconds: seconds, recordingUrl: input.voicemail?.recordingUrl ?? null },
          requester: { kind: "phone-system", systemMessage: "voicemail_received" },
          acknowledge: false,
        },
        catalogue,
      );
      await linkCallRequest(tx, id, opened.id);
      request = { number: opened.number };
    }
    return {
      stored,
      request,
      call: {
        id,
        status: state.status,
        queuedAt: new Date(state.queuedAt),
        answeredAt: state.answeredAt === null ? null : new Date(state.answeredAt),
        waitSeconds: state.waitMs === null ? null : Math.round(state.waitMs / 1000),
        dueAt: state.dueAt === null ? null : new Date(state.dueAt),
        met: state.met,
      },
    };
  });
}

/**
 * Every event but a voicemail: stored and its call recomputed by the database in one round trip
 * (receiveEventsInSql, the same rule as callState — tested against it), so that a busy line's events
 * do not hold a connection through an interactive transaction. Events arriving while earlier ones
 * are being written go together, in one statement and one commit (groupedCalls): a telephone system
 * sends hundreds a second, and one commit each was the limit (bench:calls).
 */
async function receiveInOneTrip(input: TCallEventInput, line: PhoneLine, engine: CatalogueEngine, now: Date): Promise<ReceivedCallEvent> {
  const target = lineAnswerTarget(engine, line, now.getTime());
  const row = await receiveEvent({
    externalId: input.callId,
    kind: input.event,
    lineId: line.id,
    serviceId: line.serviceId,
    audienceId: line.audienceId,
    at: input.at,
    agentRef: input.agent ?? null,
    callerNumber: input.caller ?? null,
    receivedAt: now,
    targetId: target?.id ?? null,
    targetMs: target?.ms ?? null,
    abandonThresholdMs: ABANDON_THRESHOLD_MS,
  });
  if (row.otherLine !== null) throw fieldError("line", `Cet appel est déjà sur la ligne « ${row.otherLine} ».`, `This call is already on line "${row.otherLine}".`);
  return {
    stored: row.stored,
    request: null,
    call: { id: row.callId!, status: row.status!, queuedAt: row.queuedAt!, answeredAt: row.answeredAt, waitSeconds: row.waitMs === null ? null : Math.round(row.waitMs / 1000), dueAt: row.dueAt, met: row.met },
  };
}

/**
 * Events written together (receiveEventsInSql). A group the database refuses as a whole (one event
 * it refuses) is written again event by event, so that a refusal is that event's alone; a lost
 * connection is every event's (503: the telephone system sends them again).
 */
export async function receiveEventGroup(events: readonly EventToReceive[]): Promise<GroupAnswer<ReceivedEventRow>[]> {
  try {
    return (await receiveEventsInSql(getDb(), events)).map((value) => ({ value }));
  } catch (error) {
    if (events.length === 1 || isConnectionError(error)) throw error;
    return Promise.all(events.map((event) => receiveEventsInSql(getDb(), [event]).then(([value]) => ({ value: value! }), (refusal: unknown) => ({ error: refusal }))));
  }
}

/**
 * At most 2 groups at once, of at most 50 events. bench:calls at 1,000 events/s (with the key read
 * once for the requests asking at once, api-key-auth.ts): an event a statement and a commit, p95
 * 68 ms; in groups, 30 ms (1 at once: 29 ms). More groups at once were slower (4: 66 ms, 10: 74 ms,
 * measured before the key's single reading): a call's events, sent one after the other, landed in
 * different groups, and each waited for the other group's commit on the call's lock.
 */
const receiveEvent = groupedCalls(receiveEventGroup, { maxGroup: 50, concurrency: 2 });

export type LineBoard = {
  lineId: string;
  audienceId: string;
  /** The line's answer target in minutes (null: its audience has none). */
  targetMinutes: number | null;
  waiting: number;
  /** How long the caller waiting longest has waited, in seconds (null: nobody waits). */
  longestWaitSeconds: number | null;
  answered: number;
  abandoned: number;
  /** Share of today's calls counted for the target that were answered in time (null: none yet). */
  shareInTime: number | null;
  onCall: number;
};

/** A waiting call older than this is one whose end the telephone system never sent: not shown as waiting. */
const STALE_WAIT_MS = 4 * 60 * 60_000;

/** The wallboard of a service's lines (/console/<service>/ligne): its agents and managers, the admin. */
export async function readWallboard({ user, serviceId, now }: { user: CurrentUser | null; serviceId: string; now: Date }): Promise<LineBoard[]> {
  if (!isAgentOf(user, serviceId) && !isManagerOf(user, serviceId)) throw new AppError("NOT_FOUND", "no wallboard for this person");
  const { engine, lines: all } = await getCatalogue();
  const lines = all.filter((l) => l.serviceId === serviceId);
  if (!lines.length) throw new AppError("NOT_FOUND", "no phone line");
  const zone = getZone(TIME_ZONE);
  const dayStart = new Date(zone.midnight(zone.dayOf(now.getTime())));
  const rows = new Map((await readLineBoards(getDb(), lines.map((l) => l.id), dayStart, new Date(now.getTime() - STALE_WAIT_MS))).map((r) => [r.lineId, r]));
  return lines.map((line) => {
    const target = lineAnswerTarget(engine, line, now.getTime());
    const row = rows.get(line.id);
    return {
      lineId: line.id,
      audienceId: line.audienceId,
      targetMinutes: target ? Math.round(target.ms / 60_000) : null,
      waiting: row?.waiting ?? 0,
      longestWaitSeconds: row?.oldestWaitingAt ? Math.max(0, Math.floor((now.getTime() - row.oldestWaitingAt.getTime()) / 1000)) : null,
      answered: row?.answered ?? 0,
      abandoned: row?.abandoned ?? 0,
      shareInTime: row && row.counted > 0 ? row.within / row.counted : null,
      onCall: row?.onCall ?? 0,
    };
  });
}

/** A call answered by the agent and not yet settled, as the screen pop shows it. */
export type CurrentCall = {
  id: string;
  serviceId: string;
  audienceId: string;
  /** The caller's number masked (•••0123), as lists show it; null when the system did not give it. */
  caller: string | null;
  queuedAt: Date;
  answeredAt: Date;
  /** Still on the line (the system has not sent `ended`). */
  ongoing: boolean;
  waitSeconds: number;
  /** Answered within the line's target (null: the line has none). */
  met: boolean | null;
  pastRequests: { number: string; subject: string; status: string; type: string; receivedAt: Date }[];
};

/** How long an answered call stays on an agent's screen pop unsettled (a workday's calls). */
const POP_WINDOW_MS = 10 * 60 * 60_000;

/**
 * The screen pop (« Appel en cours »): the calls the telephone system says this agent answered in
 * the last hours and that they have not settled (those still on the line first), with the caller's
 * latest requests of the service, and how many more there are than are listed.
 * Nobody else's: the agent named in `answered` is the one who settles the call.
 */
export async function readCurrentCalls({ user, now }: { user: CurrentUser | null; now: Date }): Promise<{ calls: CurrentCall[]; more: number }> {
  if (!user || user.role !== "agent") return { calls: [], more: 0 };
  const rows = await listUnsettledCalls(getDb(), user.id, user.services, new Date(now.getTime() - POP_WINDOW_MS));
  return { calls: rows.map(currentCall), more: rows.length ? rows[0]!.total - rows.length : 0 };
}


function currentCall(r: CurrentCallRow): CurrentCall {
  return {
    id: r.id,
    serviceId: r.serviceId,
    audienceId: r.audienceId,
    caller: maskPhone(r.callerNumber),
    queuedAt: r.receivedAt,
    answeredAt: r.answeredAt,
    ongoing: r.endedAt === null,
    waitSeconds: Math.max(0, Math.round((r.answeredAt.getTime() - r.receivedAt.getTime()) / 1000)),
    met: r.dueAt === null ? null : r.answeredAt.getTime() <= r.dueAt.getTime(),
    pastRequests: r.pastRequests,
  };
}

/** A system call an agent is settling (the « Appel en cours » form), or null when it is not theirs to settle (any more). */
export async function readCallToSettle({ user, serviceId, callId }: { user: CurrentUser | null; serviceId: string; callId: string }): Promise<CurrentCall | null> {
  if (!isAgentOf(user, serviceId) || !isUuid(callId)) return null;
  const [row] = await listUnsettledCalls(getDb(), user.id, [serviceId], new Date(0), callId);
  return row ? currentCall(row) : null;
}
