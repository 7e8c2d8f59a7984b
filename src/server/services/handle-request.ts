import "server-only";
// An agent's first actions on a request: take it in charge (assign to me, acknowledge — the
// SAGIR *prise en charge*, which meets the take-in-charge target), change its status (closing
// erases its personal information: a database trigger does it and logs the erasure), and read
// the personal information only the handling agent may see (each view audited). Every change
// is made at the version the agent saw: a concurrent change gives CONFLICT, never a lost update.
// The agent console (issue 4) builds its pages on these.
import { isAgentOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import {
  appendAgentMessage,
  appendEvent,
  findPersonalData,
  findRequestForHandling,
  markTargetsMet,
  updateRequestAtVersion,
  type HandlingRequestRow,
  type Tx,
} from "@/server/repositories/request-repository";

export const REQUEST_STATUSES = ["new", "in_progress", "waiting_requester", "resolved", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

function conflict(): AppError {
  return new AppError("CONFLICT", "request changed meanwhile", {}, {
    localized: {
      fr: "Quelqu'un d'autre vient de modifier cette requête. Rechargez-la pour voir son état actuel : rien n'a été enregistré.",
      en: "Someone else has just changed this request. Reload it to see its current state: nothing was saved.",
    },
  });
}

/** The request, if the user is an agent of its service; otherwise "not found" (numbers cannot be probed). */
async function requestForAgent(tx: Tx, user: CurrentUser | null, number: string): Promise<{ agent: CurrentUser; row: HandlingRequestRow }> {
  const row = await findRequestForHandling(tx, number);
  if (!row || !isAgentOf(user, row.serviceId)) throw new AppError("NOT_FOUND", "no such request for this agent");
  return { agent: user, row };
}

function refuseIfClosed(row: HandlingRequestRow): void {
  if (row.status === "closed") {
    throw new AppError("REFUSED", "request closed", {}, { localized: { fr: "Cette requête est fermée.", en: "This request is closed." } });
  }
}

export type HandlingOptions = { user: CurrentUser | null; number: string; expectedVersion: number; now: Date };

/** Assigns the request to the agent, acknowledges it to the requester and meets the take-in-charge target. */
export async function takeInCharge({ user, number, expectedVersion, now }: HandlingOptions): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    refuseIfClosed(row);
    const status = row.status === "new" ? "in_progress" : row.status;
    if (!(await updateRequestAtVersion(tx, row.id, expectedVersion, { assigneeId: agent.id, status }))) throw conflict();
    await appendEvent(tx, { requestId: row.id, kind: "taken_in_charge", actorKind: "agent", actorUserId: agent.id, at: now, data: { assigneeId: agent.id } });
    if (status !== row.status) {
      await appendEvent(tx, { requestId: row.id, kind: "status_changed", actorKind: "agent", actorUserId: agent.id, at: now, data: { from: row.status, to: status } });
    }
    await appendAgentMessage(tx, row.id, `Votre requête ${row.number} a été prise en charge par ${agent.name}.`, now, agent.id, "public");
    await markTargetsMet(tx, row.id, ["take-in-charge"], now);
    return { version: expectedVersion + 1 };
  });
}

/** Moves the request to another status; closing it erases its personal information. */
export async function changeRequestStatus({ user, number, expectedVersion, now, status }: HandlingOptions & { status: RequestStatus }): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    refuseIfClosed(row);
    if (row.status === status) return { version: row.version };
    const closedAt = status === "closed" ? now : null;
    if (!(await updateRequestAtVersion(tx, row.id, expectedVersion, { status, closedAt }))) throw conflict();
    await appendEvent(tx, { requestId: row.id, kind: "status_changed", actorKind: "agent", actorUserId: agent.id, at: now, data: { from: row.status, to: status } });
    return { version: expectedVersion + 1 };
  });
}

/**
 * The day and month of birth of a departure notice, for the agent handling it (its assignee)
 * only; each view is written to the audit log. Null once erased (the request was closed).
 */
export async function revealPersonalData({ user, number, now }: Omit<HandlingOptions, "expectedVersion">): Promise<{ birthDay: number; birthMonth: number } | null> {
  return getDb().$transaction(async (tx) => {
    const { agent, row } = await requestForAgent(tx, user, number);
    if (row.assigneeId !== agent.id) {
      throw new AppError("FORBIDDEN", "not the handling agent", {}, {
        localized: {
          fr: "Seul l'agent qui traite cette requête peut voir ces renseignements personnels. Prenez-la en charge d'abord.",
          en: "Only the agent handling this request may see this personal information. Take it in charge first.",
        },
      });
    }
    const data = await findPersonalData(tx, row.id);
    if (data) await appendAudit(tx, { at: now, actorUserId: agent.id, action: "personal_data_viewed", requestId: row.id, data: { fields: ["birthDay", "birthMonth"] } });
    return data;
  });
}
