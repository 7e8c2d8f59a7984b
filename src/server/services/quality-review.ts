import "server-only";
// Quality review before the return to the client (SAGIR's « assurance-qualité … avant le retour de
// la requête au client »). Where a service asks for it (`service.review_resolutions`, set by its
// managers), an answer that resolves the request is not sent: it waits, visible to the staff only,
// until a second agent of the service approves it — then it goes out as written, its commitments
// met at that instant — or returns it with a comment, and the author writes again. The author never
// reviews their own answer.
import { recipientsOf } from "@/domain/notifications/notifications";
import type { ReplyInput } from "@/schemas/console";
import type { TReviewDecisionInput } from "@/schemas/second-level";
import { isAgentOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import { insertNotifications } from "@/server/repositories/notification-repository";
import { appendEvent, findRequestForHandling, updateRequestAtVersion, type HandlingRequestRow, type Tx } from "@/server/repositories/request-repository";
import { decideReview, findPendingReview, findReviewMessage, findServiceReviewSetting, insertReview, setMessageVisibility, setServiceReviewSetting } from "@/server/repositories/second-level-repository";
import { requireManagerOf } from "@/server/services/dashboard";
import { recordGuideCitations } from "@/server/services/guides";
import { queueReplyMail } from "@/server/services/request-mail";
import { refreshTargets } from "@/server/services/request-targets";
import { refused } from "@/server/services/handling-errors";

/** Whether this reply is held for review: an answer that resolves a request of a service that asks for it. */
export async function needsReview(tx: Tx, serviceId: string, input: Pick<ReplyInput, "kind" | "statusAfter">): Promise<boolean> {
  return input.kind === "answer" && input.statusAfter === "resolved" && (await findServiceReviewSetting(tx, serviceId));
}

/** Holds the reply (its message already written with visibility `review`) for a second agent. */
export async function submitForReview(tx: Tx, row: HandlingRequestRow, agentId: string, messageId: string, input: Pick<ReplyInput, "kind" | "statusAfter">, now: Date): Promise<void> {
  if (await findPendingReview(tx, row.id)) {
    throw refused(
      "Une réponse de cette requête attend déjà sa révision : attendez la décision avant d'en soumettre une autre.",
      "An answer of this request already waits for its review: wait for the decision before submitting another.",
    );
  }
  await insertReview(tx, { requestId: row.id, messageId, authorId: agentId, submittedAt: now, replyKind: input.kind, statusAfter: input.statusAfter });
  await appendEvent(tx, { requestId: row.id, kind: "review_submitted", actorKind: "agent", actorUserId: agentId, at: now });
}

async function reviewable(tx: Tx, user: CurrentUser | null, number: string) {
  const row = await findRequestForHandling(tx, number);
  if (!row || !isAgentOf(user, row.serviceId)) throw new AppError("NOT_FOUND", "no such request for this agent");
  const review = await findPendingReview(tx, row.id);
  if (!review) throw refused("Aucune réponse de cette requête n'attend de révision.", "No answer of this request waits for review.");
  if (review.author?.id === user.id) {
    throw refused("Un autre agent doit réviser votre réponse : on ne révise pas la sienne.", "Another agent must review your answer: nobody reviews their own.");
  }
  return { reviewer: user, row, review };
}

const conflict = () =>
  new AppError("CONFLICT", "request changed meanwhile", {}, {
    localized: {
      fr: "Quelqu'un d'autre vient de modifier cette requête. Son état actuel est affiché : relisez la réponse avant de décider.",
      en: "Someone else has just changed this request. Its current state is shown: read the answer again before deciding.",
    },
  });

/** The reviewer's decision: approved, the answer goes out now; returned, its author is told why. */
export async function decideResolution({ user, number, input, now }: { user: CurrentUser | null; number: string; input: TReviewDecisionInput; now: Date }): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const { reviewer, row, review } = await reviewable(tx, user, number);
    if (row.status === "closed") throw refused("Cette requête est fermée.", "This request is closed.");
    const approved = input.decision === "approved";
    const status = approved ? (review.statusAfter as HandlingRequestRow["status"]) : row.status;
    if (!(await updateRequestAtVersion(tx, row.id, input.expectedVersion, approved ? { status } : {}))) throw conflict();
    if (!(await decideReview(tx, review.id, { reviewerId: reviewer.id, decidedAt: now, decision: input.decision, comment: input.comment }))) throw conflict();
    if (approved) {
      // Sent now, as written: the message's instant is the sending's (the thread and the targets read it).
      await setMessageVisibility(tx, review.messageId, "public", now);
      const { body, files } = await findReviewMessage(tx, review.messageId);
      await queueReplyMail(tx, { requestId: row.id, now, kind: review.replyKind, body, promisedDate: null, resolved: status === "resolved", messageRef: files.length ? review.messageId : null, attachmentNames: files, agentId: review.author?.id ?? reviewer.id });
      await recordGuideCitations(tx, { requestId: row.id, body, agentId: review.author?.id ?? reviewer.id, now });
      await appendEvent(tx, { requestId: row.id, kind: "public_reply", actorKind: "agent", actorUserId: review.author?.id ?? reviewer.id, at: now, data: { replyKind: review.replyKind, reviewedBy: reviewer.id } });
      await appendEvent(tx, { requestId: row.id, kind: "review_approved", actorKind: "agent", actorUserId: reviewer.id, at: now });
      if (status !== row.status) await appendEvent(tx, { requestId: row.id, kind: "status_changed", actorKind: "agent", actorUserId: reviewer.id, at: now, data: { from: row.status, to: status } });
      await refreshTargets(tx, row.id);
    } else {
      await setMessageVisibility(tx, review.messageId, "returned");
      await appendEvent(tx, { requestId: row.id, kind: "review_returned", actorKind: "agent", actorUserId: reviewer.id, at: now });
      // Its author hears of it (in the console's notifications), in their open hours or not: it is their work.
      if (review.author) {
        const author = recipientsOf(review.author.id, [review.author.id]);
        await insertNotifications(tx, author.map((userId) => ({ userId, requestId: row.id, targetId: `review:${review.id}`, state: "review-returned", dueAt: now, createdAt: now })));
      }
    }
    return { version: input.expectedVersion + 1 };
  });
}

/** A manager turns the review of resolutions on or off for their service. */
export async function changeReviewSetting({ user, serviceId, value, now }: { user: CurrentUser | null; serviceId: string; value: boolean; now: Date }): Promise<void> {
  const manager = requireManagerOf(user, serviceId);
  await getDb().$transaction(async (tx) => {
    if ((await findServiceReviewSetting(tx, serviceId)) === value) return;
    await setServiceReviewSetting(tx, serviceId, value);
    await appendAudit(tx, { at: now, actorUserId: manager.id, action: "review_setting_changed", data: { serviceId, reviewResolutions: value } });
  });
}

export async function readReviewSetting({ user, serviceId }: { user: CurrentUser | null; serviceId: string }): Promise<boolean> {
  requireManagerOf(user, serviceId);
  return findServiceReviewSetting(getDb(), serviceId);
}
