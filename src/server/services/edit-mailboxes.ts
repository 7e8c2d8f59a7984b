import "server-only";
// The centres' mailboxes, edited where the catalogue's contacts are: each address opens requests of
// one service and audience (src/server/services/receive-email.ts). Its editors are the admin and the
// managers of its service (of both, when a mailbox moves to another service); each change audited
// with before and after, listed in the catalogue's history.
import type { MailboxDelete, MailboxEdit } from "@/schemas/catalogue-edit";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { insertCatalogueAudit } from "@/server/repositories/catalogue-edit-repository";
import { deleteMailbox, findMailbox, listMailboxes, upsertMailbox, type MailboxRow } from "@/server/repositories/mail-repository";
import { mayEditFor } from "@/server/services/catalogue-editors";
import { getCatalogue } from "@/server/services/get-catalogue";

export type MailboxEditorView = { mailboxes: MailboxRow[]; audiences: { serviceId: string; audienceId: string }[] };

/** The mailboxes of the services the user manages, and the audiences a mailbox may serve; NOT_FOUND for anyone else. */
export async function readEditableMailboxes(user: CurrentUser | null): Promise<MailboxEditorView> {
  const catalogue = await getCatalogue();
  const audiences = catalogue.definition.services.flatMap((s) => (mayEditFor(user, [s.id]) ? s.audiences.map((a) => ({ serviceId: s.id, audienceId: a.id })) : []));
  if (audiences.length === 0) throw new AppError("NOT_FOUND", "not a mailbox editor");
  const mailboxes = (await listMailboxes(getDb())).filter((m) => mayEditFor(user, [m.serviceId]));
  return { mailboxes, audiences };
}

function invalid(field: string, fr: string, en: string): AppError {
  return new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } });
}

export async function saveMailbox({ user, input, now }: { user: CurrentUser | null; input: MailboxEdit; now: Date }): Promise<void> {
  const [serviceId, audienceId] = input.serviceAudience.split("/") as [string, string];
  const catalogue = await getCatalogue();
  if (!catalogue.definition.services.some((s) => s.id === serviceId && s.audiences.some((a) => a.id === audienceId))) {
    throw invalid("serviceAudience", "Choisissez le service et la clientèle de cette boîte.", "Choose the service and audience of this mailbox.");
  }
  await getDb().$transaction(async (tx) => {
    const before = await findMailbox(tx, input.address);
    if (!mayEditFor(user, [serviceId]) || (before && !mayEditFor(user, [before.serviceId]))) throw new AppError("NOT_FOUND", "not an editor of this mailbox");
    const after = { address: input.address, serviceId, audienceId, identifySenders: input.identifySenders };
    if (before && before.serviceId === after.serviceId && before.audienceId === after.audienceId && before.identifySenders === after.identifySenders) return;
    await upsertMailbox(tx, after);
    await insertCatalogueAudit(tx, { actorUserId: user!.id, action: "catalogue_mailbox_saved", at: now, data: { address: input.address, before: before ? { ...before } : null, after } });
  });
}

export async function removeMailbox({ user, input, now }: { user: CurrentUser | null; input: MailboxDelete; now: Date }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await findMailbox(tx, input.address);
    if (!before || !mayEditFor(user, [before.serviceId])) throw new AppError("NOT_FOUND", "no such mailbox for this editor");
    await deleteMailbox(tx, input.address);
    await insertCatalogueAudit(tx, { actorUserId: user!.id, action: "catalogue_mailbox_deleted", at: now, data: { address: input.address, before: { ...before } } });
  });
}
