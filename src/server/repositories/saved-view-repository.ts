import "server-only";
// An agent's saved queue views (named sets of filters), per service.
import type { Db } from "@/server/db/client";

export type SavedViewRow = { id: string; name: string; query: string };

export async function listSavedViews(db: Db, userId: string, serviceId: string): Promise<SavedViewRow[]> {
  return db.savedView.findMany({ where: { userId, serviceId }, select: { id: true, name: true, query: true }, orderBy: { name: "asc" } });
}

export async function countSavedViews(db: Db, userId: string): Promise<number> {
  return db.savedView.count({ where: { userId } });
}

/** Saves the view under its name, replacing the agent's view of that name in this service. */
export async function upsertSavedView(db: Db, view: { userId: string; serviceId: string; name: string; query: string }): Promise<void> {
  await db.savedView.upsert({
    where: { userId_serviceId_name: { userId: view.userId, serviceId: view.serviceId, name: view.name } },
    create: view,
    update: { query: view.query },
    select: { id: true },
  });
}

/** Deletes one of the agent's own views (another agent's id deletes nothing). */
export async function deleteSavedView(db: Db, userId: string, id: string): Promise<number> {
  return (await db.savedView.deleteMany({ where: { id, userId } })).count;
}
