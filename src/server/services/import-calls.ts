import "server-only";
// Call detail records (CDR) imported by a manager, for telephone systems without webhooks
// (/gestion/appels): the file is read and previewed — how many calls, answered, answered within
// the line's target, the rows that could not be read — and kept until the manager commits it; the
// commit plays each call's events through the same path as the live API (receiveCallEvent), so an
// imported call is the same record as one received live, and a file imported twice adds nothing.
import { parse } from "csv-parse/sync";
import { TIME_ZONE } from "@/domain/catalogue/default-catalogue";
import { callState } from "@/domain/telephony/call-events";
import { cdrEvents, readCdr, type CdrCall, type CdrOptions, type CdrProblem } from "@/domain/telephony/cdr";
import { lineAnswerTarget, type PhoneLine } from "@/domain/telephony/lines";
import type { CallImportInput } from "@/schemas/call-import";
import { isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import { receiveCallEvent } from "@/server/services/call-events";
import { getCatalogue } from "@/server/services/get-catalogue";

/** The largest file read (a month of a busy line's Master.csv is a few megabytes). */
export const CDR_MAX_BYTES = 10 * 1024 * 1024;
/** The rows a preview lists among those that could not be read (the count is always whole). */
const PROBLEMS_SHOWN = 100;
/** An uploaded file not committed within a day is deleted (it holds callers' numbers). */
const PENDING_MS = 24 * 60 * 60_000;
/** Calls played at once at commit (each call's events one after the other). */
const PARALLEL_CALLS = 4;

export type ImportSummary = {
  calls: number;
  answered: number;
  abandoned: number;
  voicemail: number;
  /** Calls that count for the line's answer target, and those answered within it. */
  counted: number;
  withinTarget: number;
  /** Calls of the file Guichet has already (received live or imported before): they add nothing. */
  known: number;
  otherNumbers: number;
  problemCount: number;
  problems: CdrProblem[];
  /** Set at commit: events stored (new) — 0 when the same file is imported again. */
  eventsStored?: number;
};

export type CallImportView = {
  id: string;
  lineId: string;
  layout: string;
  filename: string;
  createdAt: Date;
  createdByName: string;
  committedAt: Date | null;
  summary: ImportSummary;
};

const fieldError = (field: string, fr: string, en: string) => new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } });

/** The lines a person may import calls for: those of the services they manage. */
export async function importableLines(user: CurrentUser | null): Promise<PhoneLine[]> {
  return (await getCatalogue()).lines.filter((l) => isManagerOf(user, l.serviceId));
}

async function lineOf(id: string): Promise<PhoneLine | null> {
  return (await getCatalogue()).lines.find((l) => l.id === id) ?? null;
}

function optionsOf(input: Pick<CallImportInput, "layout" | "dialed" | "columns">): CdrOptions {
  return input.layout === "asterisk" ? { layout: "asterisk", dialed: input.dialed } : { layout: "generic", columns: input.columns };
}

function rowsOf(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, trim: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fieldError("file", `Ce fichier n'est pas un CSV lisible${line ? ` (ligne ${line})` : ""}.`, `This file is not a readable CSV${line ? ` (line ${line})` : ""}.`);
  }
}

/** What the file holds for the line, and how its calls meet the line's answer target. */
async function summarize(line: PhoneLine, calls: readonly CdrCall[], problems: readonly CdrProblem[], otherNumbers: number): Promise<ImportSummary> {
  const { engine } = await getCatalogue();
  const summary: ImportSummary = { calls: calls.length, answered: 0, abandoned: 0, voicemail: 0, counted: 0, withinTarget: 0, known: 0, otherNumbers, problemCount: problems.length, problems: problems.slice(0, PROBLEMS_SHOWN) };
  for (const call of calls) {
    const state = callState(cdrEvents(call), lineAnswerTarget(engine, line, call.queuedAt)?.ms ?? null);
    if (state.status !== "waiting") summary[state.status] += 1;
    if (state.met !== null) summary.counted += 1;
    if (state.met) summary.withinTarget += 1;
  }
  const ids = calls.map((c) => c.callId);
  for (let i = 0; i < ids.length; i += 5000) {
    summary.known += await getDb().phoneCall.count({ where: { externalId: { in: ids.slice(i, i + 5000) } } });
  }
  return summary;
}

/** The calls of a file, and the rows that are not calls (a call dated in the future among them). */
function readFile(text: string, options: CdrOptions, now: Date) {
  const reading = readCdr(rowsOf(text), options, TIME_ZONE);
  const future = reading.calls.filter((c) => Math.max(c.queuedAt, c.answeredAt ?? 0, c.endedAt ?? 0) > now.getTime());
  const seen = new Set<string>();
  const duplicates = reading.calls.filter((c) => (seen.has(c.callId) ? true : (seen.add(c.callId), false)));
  const refused = new Set([...future, ...duplicates]);
  return {
    calls: reading.calls.filter((c) => !refused.has(c)),
    problems: [
      ...reading.problems,
      ...future.map((c) => ({ row: 0, field: "row", fr: `Appel ${c.callId} daté dans le futur.`, en: `Call ${c.callId} dated in the future.` })),
      ...duplicates.map((c) => ({ row: 0, field: "callId", fr: `Appel ${c.callId} en double dans le fichier.`, en: `Call ${c.callId} twice in the file.` })),
    ],
    otherNumbers: reading.otherNumbers,
  };
}

/** Reads an uploaded file and keeps it for the manager's commit; returns the preview's id. */
export async function previewCallImport({ user, input, file, now }: { user: CurrentUser | null; input: CallImportInput; file: { name: string; bytes: Uint8Array } | null; now: Date }): Promise<{ id: string }> {
  if (!(await importableLines(user)).length) throw new AppError("NOT_FOUND", "not a manager");
  const line = await lineOf(input.line);
  if (!line || !isManagerOf(user, line.serviceId)) throw fieldError("line", "Choisissez une ligne d'un service que vous gérez.", "Choose a line of a service you manage.");
  if (!file || file.bytes.length === 0) throw fieldError("file", "Choisissez le fichier des appels (CSV).", "Choose the calls' file (CSV).");
  if (file.bytes.length > CDR_MAX_BYTES) throw fieldError("file", "Le fichier dépasse 10 Mo : importez-le en plusieurs parties (par mois, par exemple).", "The file is over 10 MB: import it in parts (by month, for instance).");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    // Older systems write Latin-1 (Windows-1252): read as such rather than refused.
    text = new TextDecoder("windows-1252").decode(file.bytes);
  }
  const options = optionsOf(input);
  const { calls, problems, otherNumbers } = readFile(text, options, now);
  if (calls.length === 0 && problems.length === 0) throw fieldError("file", "Aucun appel dans ce fichier pour cette ligne.", "No call in this file for this line.");
  const summary = await summarize(line, calls, problems, otherNumbers);
  const db = getDb();
  // A file not committed within a day goes (it holds callers' numbers).
  await db.callImport.deleteMany({ where: { committedAt: null, createdAt: { lt: new Date(now.getTime() - PENDING_MS) } } });
  const { id } = await db.callImport.create({
    data: { lineId: line.id, layout: input.layout, options: options as object, filename: file.name.slice(0, 200) || "appels.csv", content: text, summary, createdById: user!.id, createdAt: now },
    select: { id: true },
  });
  return { id };
}

const notFound = () => new AppError("NOT_FOUND", "no such call import", {}, { localized: { fr: "Cet import n'existe pas ou n'est plus en attente.", en: "This import does not exist or is no longer pending." } });

/** Plays the previewed file's calls as their events; once: a committed import is not played again. */
export async function commitCallImport({ user, importId, now }: { user: CurrentUser | null; importId: string; now: Date }): Promise<ImportSummary> {
  const db = getDb();
  const pending = await db.callImport.findUnique({ where: { id: importId } });
  const line = pending ? await lineOf(pending.lineId) : null;
  if (!pending || !line || !isManagerOf(user, line.serviceId)) throw notFound();
  // Claimed by one commit only (two clicks, two tabs): the content is taken as the row is marked.
  const claimed = await db.callImport.updateMany({ where: { id: importId, committedAt: null }, data: { committedAt: now, content: "" } });
  if (claimed.count === 0) throw notFound();
  const { calls } = readFile(pending.content, pending.options as CdrOptions, now);
  let eventsStored = 0;
  const queue = [...calls];
  await Promise.all(
    Array.from({ length: PARALLEL_CALLS }, async () => {
      for (let call = queue.shift(); call; call = queue.shift()) {
        for (const event of cdrEvents(call)) {
          const received = await receiveCallEvent({
            input: { callId: call.callId, event: event.kind, line: line.id, at: new Date(event.at), caller: call.caller, agent: event.agent ?? null, voicemail: null },
            now,
          });
          if (received.stored) eventsStored += 1;
        }
      }
    }),
  );
  // Calls from a file were settled when they happened: none waits on an agent's screen pop.
  const ids = calls.map((c) => c.callId);
  for (let i = 0; i < ids.length; i += 5000) {
    await db.phoneCall.updateMany({ where: { externalId: { in: ids.slice(i, i + 5000) }, callStatus: "answered", outcome: "answered" }, data: { outcome: "settled" } });
  }
  const summary = { ...(pending.summary as ImportSummary), eventsStored };
  await db.callImport.update({ where: { id: importId }, data: { summary } });
  await appendAudit(db, {
    at: now,
    actorUserId: user!.id,
    action: "calls_imported",
    data: { serviceId: line.serviceId, lineId: line.id, filename: pending.filename, calls: summary.calls, eventsStored, problems: summary.problemCount },
  });
  return summary;
}

/** Drops a previewed file without importing it. */
export async function discardCallImport({ user, importId }: { user: CurrentUser | null; importId: string }): Promise<void> {
  const db = getDb();
  const pending = await db.callImport.findUnique({ where: { id: importId }, select: { lineId: true, committedAt: true } });
  const line = pending ? await lineOf(pending.lineId) : null;
  if (!pending || !line || !isManagerOf(user, line.serviceId) || pending.committedAt) throw notFound();
  await db.callImport.delete({ where: { id: importId } });
}

/** The imports of the lines this person manages, latest first (the page's history), and the one previewed. */
export async function readCallImports({ user, previewId }: { user: CurrentUser | null; previewId?: string | undefined }): Promise<{ recent: CallImportView[]; preview: CallImportView | null }> {
  const lines = (await importableLines(user)).map((l) => l.id);
  if (!lines.length) throw new AppError("NOT_FOUND", "not a manager");
  const rows = await getDb().callImport.findMany({
    where: { lineId: { in: lines }, OR: [{ committedAt: { not: null } }, ...(previewId && /^[0-9a-f-]{36}$/i.test(previewId) ? [{ id: previewId }] : [])] },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, lineId: true, layout: true, filename: true, createdAt: true, committedAt: true, summary: true, createdBy: { select: { name: true } } },
  });
  const views = rows.map((r) => ({ id: r.id, lineId: r.lineId, layout: r.layout, filename: r.filename, createdAt: r.createdAt, createdByName: r.createdBy.name, committedAt: r.committedAt, summary: r.summary as ImportSummary }));
  return { recent: views.filter((v) => v.committedAt !== null), preview: views.find((v) => v.id === previewId && v.committedAt === null) ?? null };
}
