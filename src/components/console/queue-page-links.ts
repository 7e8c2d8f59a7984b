// The agent's queue is paged by cursor (the last row seen), which cannot count backwards: the
// cursors of the pages before are carried in the link, so « Page précédente » returns to them.
import { QUEUE_BACK_PAGES, queueFilterParams, type QueueQuery } from "@/schemas/console";

/**
 * The queue's page links, keeping the filters: the first page, the previous one (the cursor the
 * agent came from, kept in `back`), the next one. Query strings, or null when there is none.
 */
export function queuePageLinks(query: QueueQuery, nextCursor: string | null): { first: string | null; previous: string | null; next: string | null } {
  const filters = queueFilterParams(query);
  const withPage = (after: string | null, back: string[]) => {
    const params = new URLSearchParams(filters);
    if (after) params.set("after", after);
    if (back.length > 0) params.set("back", back.join("."));
    return params.toString();
  };
  const back = query.back ? query.back.split(".").filter(Boolean) : [];
  const here = query.after ?? "0";
  const previousAfter = back.at(-1);
  // The page the agent came from ("0": the first). None remembered (a link given from elsewhere,
  // or more pages back than kept): only « Début de la file ».
  const previous = query.after && previousAfter !== undefined ? withPage(previousAfter === "0" ? null : previousAfter, back.slice(0, -1)) : null;
  const first = query.after ? withPage(null, []) : null;
  return {
    // Not twice the same link: on page 2, « Page précédente » is the start.
    first: first !== previous ? first : null,
    previous,
    next: nextCursor ? withPage(nextCursor, [...back, here].slice(-QUEUE_BACK_PAGES)) : null,
  };
}

