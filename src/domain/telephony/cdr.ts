// Call detail records (CDR) for telephone systems without webhooks: each record becomes the events
// the system would have sent (queued, then answered, abandoned or voicemail, then ended), so an
// imported call is the same call as one received live — and importing it twice adds nothing (the
// events are unique per call). Two layouts:
//
// - `asterisk`: Asterisk's Master.csv (cdr_csv), no header, the fields in Asterisk's order:
//   accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer,
//   end, duration, billsec, disposition, amaflags[, uniqueid[, userfield]]. The call's id is its
//   uniqueid (loguniqueid=yes), else a digest of start, channel and src. Its caller is src; who
//   answered, dstchannel (« SIP/2231-0000a1 » → « SIP/2231 »); disposition ANSWERED with an answer
//   instant is answered, anything else (NO ANSWER, BUSY, FAILED) is abandoned at its end.
//   Optionally only the records whose dst is the line's number.
// - `generic`: a header row, then one call a row, its columns named by the manager (defaults:
//   call_id, caller, queued_at, answered_at, ended_at, agent, outcome). `outcome` is optional:
//   answered when answered_at is set, else abandoned; `voicemail` for a message left (at ended_at).
//
// Instants: ISO 8601 with an offset or Z as given; `YYYY-MM-DD HH:MM[:SS]` without one is local
// time in the centres' zone (Asterisk writes local time unless `usegmtime`). Pure: no clock, no database.
import { createHash } from "node:crypto";
import { localDateTimeToInstant } from "../catalogue/zone";
import type { CallEventKind } from "./call-events";

export const CDR_LAYOUTS = ["asterisk", "generic"] as const;
export type CdrLayout = (typeof CDR_LAYOUTS)[number];

export const GENERIC_COLUMNS = ["callId", "caller", "queuedAt", "answeredAt", "endedAt", "agent", "outcome"] as const;
export type GenericColumn = (typeof GENERIC_COLUMNS)[number];
export const GENERIC_DEFAULT_NAMES: Record<GenericColumn, string> = {
  callId: "call_id",
  caller: "caller",
  queuedAt: "queued_at",
  answeredAt: "answered_at",
  endedAt: "ended_at",
  agent: "agent",
  outcome: "outcome",
};
/** Columns a generic file must have (the others may be absent or empty). */
const REQUIRED_GENERIC: readonly GenericColumn[] = ["callId", "queuedAt"];

const ASTERISK = { src: 1, dst: 2, channel: 5, dstchannel: 6, start: 9, answer: 10, end: 11, disposition: 14, uniqueid: 16 } as const;

export type CdrCall = {
  callId: string;
  caller: string | null;
  queuedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  outcome: "answered" | "abandoned" | "voicemail";
  agent: string | null;
};

export type CdrProblem = { row: number; field: string; fr: string; en: string };

export type CdrReading = {
  calls: CdrCall[];
  /** Rows that could not be read, numbered as a spreadsheet shows them (1 = the file's first line). */
  problems: CdrProblem[];
  /** Asterisk records of other numbers than the line's (when filtered by the dialed number). */
  otherNumbers: number;
};

export type CdrOptions = { layout: "asterisk"; dialed?: string | null } | { layout: "generic"; columns: Record<GenericColumn, string> };

const CALL_ID = /^[A-Za-z0-9._:@-]{1,100}$/;
const CALLER = /^\+?[0-9 ()./-]{3,32}$/;
const LOCAL = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)(?::(\d\d))?$/;

/** An instant of a CDR field: null when empty; NaN when unreadable. */
export function cdrInstant(text: string, timeZone: string): number | null {
  const value = text.trim();
  if (!value) return null;
  const local = LOCAL.exec(value);
  if (local) {
    // The zone's wall time to the minute (a time in a spring-forward gap moves forward, as the zone
    // module does everywhere), then the seconds.
    const minute = localDateTimeToInstant(`${local[1]}T${local[2]}`, timeZone);
    const seconds = Number(local[3] ?? 0);
    return minute === null || seconds > 59 ? Number.NaN : minute + seconds * 1000;
  }
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value)) return Date.parse(value);
  return Number.NaN;
}

const digits = (text: string) => text.replace(/\D/g, "").slice(-10);

function problem(row: number, field: string, fr: string, en: string): CdrProblem {
  return { row, field, fr, en };
}

/** The records of a file (rows already split into fields by a CSV parser) as calls, and what could not be read. */
export function readCdr(rows: readonly (readonly string[])[], options: CdrOptions, timeZone: string): CdrReading {
  return options.layout === "asterisk" ? readAsterisk(rows, options.dialed ?? null, timeZone) : readGeneric(rows, options.columns, timeZone);
}

function readAsterisk(rows: readonly (readonly string[])[], dialed: string | null, timeZone: string): CdrReading {
  const calls: (CdrCall | null)[] = [];
  const problems: CdrProblem[] = [];
  let otherNumbers = 0;
  const line = dialed ? digits(dialed) : null;
  rows.forEach((fields, index) => {
    const row = index + 1;
    if (fields.length < 16) {
      problems.push(problem(row, "row", `${fields.length} champs : Master.csv en a au moins 16.`, `${fields.length} fields: Master.csv has at least 16.`));
      return;
    }
    const field = (i: number) => (fields[i] ?? "").trim();
    if (line && digits(field(ASTERISK.dst)) !== line) {
      otherNumbers += 1;
      return;
    }
    const start = cdrInstant(field(ASTERISK.start), timeZone);
    const answer = cdrInstant(field(ASTERISK.answer), timeZone);
    const end = cdrInstant(field(ASTERISK.end), timeZone);
    for (const [name, value] of [["start", start], ["answer", answer], ["end", end]] as const) {
      if (Number.isNaN(value)) {
        problems.push(problem(row, name, `« ${name} » n'est pas une date et une heure.`, `"${name}" is not a date and time.`));
        return;
      }
    }
    if (start === null) {
      problems.push(problem(row, "start", "« start » est vide.", `"start" is empty.`));
      return;
    }
    const uniqueid = field(ASTERISK.uniqueid);
    const callId = CALL_ID.test(uniqueid)
      ? `ast-${uniqueid}`
      : `ast-${createHash("sha256").update(`${field(ASTERISK.start)}|${field(ASTERISK.channel)}|${field(ASTERISK.src)}`).digest("hex").slice(0, 24)}`;
    const answered = field(ASTERISK.disposition).toUpperCase() === "ANSWERED" && answer !== null;
    const src = field(ASTERISK.src);
    const agent = field(ASTERISK.dstchannel).replace(/-[0-9a-f]+(;\d+)?$/i, "");
    calls.push(
      checked({ callId, caller: CALLER.test(src) ? src : null, queuedAt: start, answeredAt: answered ? answer : null, endedAt: end, outcome: answered ? "answered" : "abandoned", agent: agent || null }, row, problems),
    );
  });
  return { calls: calls.filter((c): c is CdrCall => c !== null), problems, otherNumbers };
}

function readGeneric(rows: readonly (readonly string[])[], columns: Record<GenericColumn, string>, timeZone: string): CdrReading {
  const problems: CdrProblem[] = [];
  const [header, ...records] = rows;
  if (!header) return { calls: [], problems: [problem(1, "row", "Le fichier est vide.", "The file is empty.")], otherNumbers: 0 };
  const names = header.map((h) => h.trim().toLowerCase());
  const position = Object.fromEntries(GENERIC_COLUMNS.map((c) => [c, names.indexOf(columns[c].trim().toLowerCase())])) as Record<GenericColumn, number>;
  const missing = REQUIRED_GENERIC.filter((c) => position[c] < 0);
  if (missing.length) {
    const list = missing.map((c) => `« ${columns[c]} »`).join(", ");
    return { calls: [], problems: [problem(1, missing[0]!, `Colonne absente de la ligne d'en-tête : ${list}.`, `Column missing from the header row: ${list.replaceAll("«", '"').replaceAll("»", '"')}.`)], otherNumbers: 0 };
  }
  const calls: (CdrCall | null)[] = [];
  records.forEach((fields, index) => {
    const row = index + 2;
    const value = (c: GenericColumn) => (position[c] >= 0 ? (fields[position[c]] ?? "").trim() : "");
    const callId = value("callId");
    if (!CALL_ID.test(callId)) {
      problems.push(problem(row, "callId", "Identifiant d'appel absent ou invalide (lettres, chiffres, . _ : @ -, 100 au plus).", "Call id missing or invalid (letters, digits, . _ : @ -, at most 100)."));
      return;
    }
    const instants = { queuedAt: cdrInstant(value("queuedAt"), timeZone), answeredAt: cdrInstant(value("answeredAt"), timeZone), endedAt: cdrInstant(value("endedAt"), timeZone) };
    for (const [name, instant] of Object.entries(instants)) {
      if (Number.isNaN(instant)) {
        problems.push(problem(row, name, `« ${columns[name as GenericColumn]} » n'est pas une date et une heure.`, `"${columns[name as GenericColumn]}" is not a date and time.`));
        return;
      }
    }
    if (instants.queuedAt === null) {
      problems.push(problem(row, "queuedAt", `« ${columns.queuedAt} » est vide.`, `"${columns.queuedAt}" is empty.`));
      return;
    }
    const stated = value("outcome").toLowerCase();
    if (stated && !["answered", "abandoned", "voicemail"].includes(stated)) {
      problems.push(problem(row, "outcome", `« ${stated} » : answered, abandoned ou voicemail.`, `"${stated}": answered, abandoned or voicemail.`));
      return;
    }
    const outcome = (stated || (instants.answeredAt !== null ? "answered" : "abandoned")) as CdrCall["outcome"];
    if (outcome === "answered" && instants.answeredAt === null) {
      problems.push(problem(row, "answeredAt", "Un appel répondu a une heure de réponse.", "An answered call has an answer time."));
      return;
    }
    const caller = value("caller");
    if (caller && !CALLER.test(caller)) {
      problems.push(problem(row, "caller", "Numéro de l'appelant invalide.", "Invalid caller number."));
      return;
    }
    calls.push(
      checked(
        { callId, caller: caller || null, queuedAt: instants.queuedAt, answeredAt: outcome === "answered" ? instants.answeredAt : null, endedAt: instants.endedAt, outcome, agent: value("agent") || null },
        row,
        problems,
      ),
    );
  });
  return { calls: calls.filter((c): c is CdrCall => c !== null), problems, otherNumbers: 0 };
}

/** A call whose instants go backwards is a problem, not a call. */
function checked(call: CdrCall, row: number, problems: CdrProblem[]): CdrCall | null {
  if ((call.answeredAt !== null && call.answeredAt < call.queuedAt) || (call.endedAt !== null && call.endedAt < (call.answeredAt ?? call.queuedAt))) {
    problems.push(problem(row, "row", "Les heures ne se suivent pas (entrée, réponse, fin).", "The times are out of order (queued, answered, ended)."));
    return null;
  }
  return call;
}

/** The events the telephone system would have sent for the call, in order. */
export function cdrEvents(call: CdrCall): { kind: CallEventKind; at: number; agent?: string | null }[] {
  const events: { kind: CallEventKind; at: number; agent?: string | null }[] = [{ kind: "queued", at: call.queuedAt }];
  if (call.outcome === "answered") events.push({ kind: "answered", at: call.answeredAt!, agent: call.agent });
  else events.push({ kind: call.outcome, at: call.endedAt ?? call.queuedAt });
  if (call.outcome === "answered" && call.endedAt !== null) events.push({ kind: "ended", at: call.endedAt });
  return events;
}
