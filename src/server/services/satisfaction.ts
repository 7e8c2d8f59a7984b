import "server-only";
// « Êtes-vous satisfait de la réponse ? » — asked once, when a request is first resolved: on the
// requester's page (the tracking link, or their list when signed in) and in the resolution e-mail
// by a single-use link (256 random bits; only its SHA-256 is kept, like the tracking link), with
// no sign-in. Answered once: satisfied or not, an optional comment (personal information, erased
// with the request's). The answer is tied to the request (service, audience, channel) and to the
// agent who resolved it; the dashboard and the monthly report read the figures and the comments.
import type { TSatisfactionAnswer } from "@/schemas/guides";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Tx } from "@/server/repositories/request-repository";
import { satisfactionComments, satisfactionGroups, type SatisfactionScope } from "@/server/repositories/satisfaction-repository";
import { hashSecretToken, isWellFormedSecretToken, newSecretToken } from "@/server/secret-token";

/** How many comments the dashboard and the report list (the latest). */
export const SATISFACTION_COMMENTS_SHOWN = 100;

/** Asks the question for a request just resolved, once: the link's token, or null when it was already asked. */
export async function askSatisfaction(tx: Tx, { requestId, agentId, now }: { requestId: string; agentId: string | null; now: Date }): Promise<string | null> {
  const { token, hash } = newSecretToken();
  const { count } = await tx.requestSatisfaction.createMany({ data: [{ requestId, agentId, tokenHash: hash, askedAt: now }], skipDuplicates: true });
  return count === 1 ? token : null;
}

export type SatisfactionState = { asked: false } | { asked: true; answered: false } | { asked: true; answered: true; satisfied: boolean; answeredAt: Date };

function stateOf(row: { answeredAt: Date | null; satisfied: boolean | null } | null): SatisfactionState {
  if (!row) return { asked: false };
  return row.answeredAt ? { asked: true, answered: true, satisfied: row.satisfied ?? false, answeredAt: row.answeredAt } : { asked: true, answered: false };
}

/** Who answers: the e-mail's link, the candidate's tracking link, or the signed-in requester of a request. */
export type SatisfactionKey = { link: string } | { tracking: string } | { user: CurrentUser | null; number: string };

async function findRequestId(key: SatisfactionKey): Promise<string | null> {
  const db = getDb();
  if ("link" in key) {
    if (!isWellFormedSecretToken(key.link)) return null;
    return (await db.requestSatisfaction.findUnique({ where: { tokenHash: hashSecretToken(key.link) }, select: { requestId: true } }))?.requestId ?? null;
  }
  if ("tracking" in key) {
    if (!isWellFormedSecretToken(key.tracking)) return null;
    return (await db.request.findUnique({ where: { trackingTokenHash: hashSecretToken(key.tracking) }, select: { id: true } }))?.id ?? null;
  }
  if (!key.user) return null;
  const request = await db.request.findUnique({ where: { number: key.number }, select: { id: true, requesterUserId: true } });
  return request && request.requesterUserId === key.user.id ? request.id : null;
}

export type SatisfactionView = { number: string; serviceId: string; state: SatisfactionState };

/** The question as its requester sees it; "not found" for a link that is none. */
export async function readSatisfaction(key: SatisfactionKey): Promise<SatisfactionView> {
  const requestId = await findRequestId(key);
  const request = requestId
    ? await getDb().request.findUnique({ where: { id: requestId }, select: { number: true, serviceId: true, satisfaction: { select: { answeredAt: true, satisfied: true } } } })
    : null;
  if (!request || ("link" in key && !request.satisfaction)) throw new AppError("NOT_FOUND", "no such satisfaction question");
  return { number: request.number, serviceId: request.serviceId, state: stateOf(request.satisfaction) };
}

/** Records the answer, once: a second answer (the link used twice, or the page and the e-mail) is refused and changes nothing. */
export async function answerSatisfaction({ key, input, now }: { key: SatisfactionKey; input: TSatisfactionAnswer; now: Date }): Promise<void> {
  const requestId = await findRequestId(key);
  if (!requestId) throw new AppError("NOT_FOUND", "no such satisfaction question");
  const { count } = await getDb().requestSatisfaction.updateMany({ where: { requestId, answeredAt: null }, data: { answeredAt: now, satisfied: input.satisfied, comment: input.comment } });
  if (count === 0) {
    const asked = await getDb().requestSatisfaction.findUnique({ where: { requestId }, select: { requestId: true } });
    if (!asked) throw new AppError("NOT_FOUND", "not asked");
    throw new AppError("CONFLICT", "already answered", {}, { localized: { fr: "Vous avez déjà répondu à cette question : merci ! Votre réponse ne peut être changée.", en: "You have already answered this question: thank you! Your answer cannot be changed." } });
  }
}

export type SatisfactionLine = { key: string; asked: number; answered: number; satisfied: number; unsatisfied: number; shareSatisfied: number | null; responseRate: number | null };
export type SatisfactionFigures = {
  overall: SatisfactionLine;
  byAudience: SatisfactionLine[];
  byChannel: SatisfactionLine[];
  byAgent: (SatisfactionLine & { name: string | null })[];
  comments: { answeredAt: Date; number: string; audienceId: string; channel: string; agentName: string | null; satisfied: boolean; comment: string }[];
};

function line(key: string, rows: readonly { asked: number; answered: number; satisfied: number }[]): SatisfactionLine {
  const asked = rows.reduce((a, r) => a + r.asked, 0);
  const answered = rows.reduce((a, r) => a + r.answered, 0);
  const satisfied = rows.reduce((a, r) => a + r.satisfied, 0);
  return { key, asked, answered, satisfied, unsatisfied: answered - satisfied, shareSatisfied: answered ? satisfied / answered : null, responseRate: asked ? answered / asked : null };
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return groups;
}

/** The satisfaction of the requests of a service resolved (asked) in a period: together, per audience, channel and agent, with the comments. */
export async function satisfactionFigures(scope: SatisfactionScope): Promise<SatisfactionFigures> {
  const db = getDb();
  const [groups, comments] = await Promise.all([satisfactionGroups(db, scope), satisfactionComments(db, scope, SATISFACTION_COMMENTS_SHOWN)]);
  const per = (keyOf: (r: (typeof groups)[number]) => string) => [...groupBy(groups, keyOf)].map(([k, rows]) => line(k, rows)).sort((a, b) => b.asked - a.asked || a.key.localeCompare(b.key));
  const agents = groupBy(groups, (r) => r.agent_id ?? "");
  return {
    overall: line("all", groups),
    byAudience: per((r) => r.audience_id),
    byChannel: per((r) => r.channel),
    byAgent: [...agents].map(([k, rows]) => ({ ...line(k, rows), name: rows[0]!.agent_name })).sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "fr")),
    comments: comments.map((c) => ({ answeredAt: c.answered_at, number: c.number, audienceId: c.audience_id, channel: c.channel, agentName: c.agent_name, satisfied: c.satisfied, comment: c.comment })),
  };
}
