import "server-only";
// An agent's saved queue views: a name and the queue's filters. The filters are read back through
// the queue's own schema, so a view never holds more than the queue understands; paging is not kept.
import { queueFilterParams, SAVED_VIEWS_MAX, ZQueueQuery, type TSavedViewInput } from "@/schemas/console";
import { requireAgentOf } from "@/server/services/agent-console";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { countSavedViews, deleteSavedView, listSavedViews, upsertSavedView, type SavedViewRow } from "@/server/repositories/saved-view-repository";

/** The filters of a queue query string, normalized (known filters only, no paging), as a query string. */
export function viewQuery(query: string): string {
  return new URLSearchParams(queueFilterParams(ZQueueQuery.parse(Object.fromEntries(new URLSearchParams(query))))).toString();
}

export async function readSavedViews({ user, serviceId }: { user: CurrentUser | null; serviceId: string }): Promise<SavedViewRow[]> {
  const agent = requireAgentOf(user, serviceId);
  return listSavedViews(getDb(), agent.id, serviceId);
}

export async function saveView({ user, serviceId, input }: { user: CurrentUser | null; serviceId: string; input: TSavedViewInput }): Promise<{ query: string }> {
  const agent = requireAgentOf(user, serviceId);
  const db = getDb();
  const query = viewQuery(input.query);
  const existing = (await listSavedViews(db, agent.id, serviceId)).some((v) => v.name === input.name);
  if (!existing && (await countSavedViews(db, agent.id)) >= SAVED_VIEWS_MAX) {
    throw new AppError("INVALID_PARAMETER", "too many views", { name: { fr: `Vous avez déjà ${SAVED_VIEWS_MAX} vues : supprimez-en une d'abord.`, en: `You already have ${SAVED_VIEWS_MAX} views: delete one first.` } });
  }
  await upsertSavedView(db, { userId: agent.id, serviceId, name: input.name, query });
  return { query };
}

export async function removeView({ user, serviceId, id }: { user: CurrentUser | null; serviceId: string; id: string }): Promise<void> {
  const agent = requireAgentOf(user, serviceId);
  if ((await deleteSavedView(getDb(), agent.id, id)) === 0) throw new AppError("NOT_FOUND", "no such view");
}
