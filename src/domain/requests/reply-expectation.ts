// What a requester is told about the answer to their written request, from its targets: still
// expected (by the 10-business-day date), promised (an avis de délai moved it: the promised date
// wins), or given. Never the first date once an avis de délai or the answer has met it.

export type ReplyExpectation =
  | { kind: "expected"; dueAt: string }
  | { kind: "promised"; dueAt: string }
  | { kind: "given"; at: string }
  | { kind: "none" };

type Target = { metric: string; dueAt: string; metAt: string | null };

const REPLY_METRICS = new Set(["reply-or-delay-notice", "first-reply", "take-in-charge"]);

export function replyExpectation(targets: readonly Target[], status: string): ReplyExpectation {
  const promises = targets.filter((t) => t.metric === "promised-reply");
  // The latest promise is the one that counts (a second avis de délai replaces the first).
  const promise = promises.filter((t) => t.metAt === null).sort((a, b) => b.dueAt.localeCompare(a.dueAt))[0];
  if (promise && status !== "resolved" && status !== "closed") return { kind: "promised", dueAt: promise.dueAt };
  const replies = targets.filter((t) => REPLY_METRICS.has(t.metric));
  const pending = replies.filter((t) => t.metAt === null).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (pending && status !== "resolved" && status !== "closed") return { kind: "expected", dueAt: pending.dueAt };
  // Answered: the last reply or promise met (an avis de délai alone is no answer if its promise is open).
  const met = [...promises, ...replies].filter((t) => t.metAt !== null).sort((a, b) => b.metAt!.localeCompare(a.metAt!))[0];
  return met && promises.every((p) => p.metAt !== null) ? { kind: "given", at: met.metAt! } : { kind: "none" };
}
