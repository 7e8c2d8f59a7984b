import "server-only";
// The telephone lines of the catalogue (/gestion/catalogue, « Lignes téléphoniques »): each line the
// telephone system names in its events (`line`) serves one service and audience, whose phone target
// its calls are measured against. Edited like the mailboxes: by the admin and the managers of its
// service (of both, when it moves), each change audited with before and after, in the catalogue's
// history. A line with calls is kept (their history names it); it may be moved, not removed.
import type { PhoneLine } from "@/domain/telephony/lines";
import type { PhoneLineDelete, PhoneLineEdit } from "@/schemas/catalogue-edit";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { insertCatalogueAudit } from "@/server/repositories/catalogue-edit-repository";
import { mayEditFor } from "@/server/services/catalogue-editors";
import { forgetCatalogue, getCatalogue } from "@/server/services/get-catalogue";

export type PhoneLineEditorView = { lines: PhoneLine[]; audiences: { serviceId: string; audienceId: string }[] };

/** The lines of the services the user manages, and the audiences a line may serve; NOT_FOUND for anyone else. */
export async function readEditableLines(user: CurrentUser | null): Promise<PhoneLineEditorView> {
  const catalogue = await getCatalogue();
  const audiences = catalogue.definition.services.flatMap((s) => (mayEditFor(user, [s.id]) ? s.audiences.map((a) => ({ serviceId: s.id, audienceId: a.id })) : []));
  if (audiences.length === 0) throw new AppError("NOT_FOUND", "not a line editor");
  const lines = await getDb().phoneLine.findMany({ orderBy: { id: "asc" }, select: { id: true, serviceId: true, audienceId: true, numbers: true } });
  return { lines: lines.filter((l) => mayEditFor(user, [l.serviceId])), audiences };
}

const invalid = (field: string, fr: string, en: string) => new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } });

export async function savePhoneLine({ user, input, now }: { user: CurrentUser | null; input: PhoneLineEdit; now: Date }): Promise<void> {
  const [serviceId, audienceId] = input.serviceAudience.split("/") as [string, string];
  const catalogue = await getCatalogue();
  if (!catalogue.definition.services.some((s) => s.id === serviceId && s.audiences.some((a) => a.id === audienceId))) {
    throw invalid("serviceAudience", "Choisissez le service et la clientèle de cette ligne.", "Choose the service and audience of this line.");
  }
  const changed = await getDb().$transaction(async (tx) => {
    const before = await tx.phoneLine.findUnique({ where: { id: input.id }, select: { id: true, serviceId: true, audienceId: true, numbers: true } });
    if (!mayEditFor(user, [serviceId]) || (before && !mayEditFor(user, [before.serviceId]))) throw new AppError("NOT_FOUND", "not an editor of this line");
    const after = { id: input.id, serviceId, audienceId, numbers: input.numbers };
    if (before && before.serviceId === serviceId && before.audienceId === audienceId && before.numbers.join("|") === input.numbers.join("|")) return false;
    await tx.phoneLine.upsert({ where: { id: input.id }, create: after, update: { serviceId, audienceId, numbers: input.numbers }, select: { id: true } });
    await insertCatalogueAudit(tx, { actorUserId: user!.id, action: "catalogue_line_saved", at: now, data: { line: input.id, before: before ? { ...before } : null, after } });
    return true;
  });
  if (changed) forgetCatalogue();
}

export async function removePhoneLine({ user, input, now }: { user: CurrentUser | null; input: PhoneLineDelete; now: Date }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.phoneLine.findUnique({ where: { id: input.id }, select: { id: true, serviceId: true, audienceId: true, numbers: true } });
    if (!before || !mayEditFor(user, [before.serviceId])) throw new AppError("NOT_FOUND", "no such line for this editor");
    if (await tx.phoneCall.findFirst({ where: { lineId: input.id }, select: { id: true } })) {
      throw new AppError("CONFLICT", "line has calls", {}, {
        localized: { fr: "Cette ligne a des appels : elle reste pour leur historique (vous pouvez changer son service ou ses numéros).", en: "This line has calls: it stays for their history (you may change its service or numbers)." },
      });
    }
    await tx.phoneLine.delete({ where: { id: input.id } });
    await insertCatalogueAudit(tx, { actorUserId: user!.id, action: "catalogue_line_deleted", at: now, data: { line: input.id, before: { ...before } } });
  });
  forgetCatalogue();
}
