import "server-only";
// A service's canned replies, kept by its managers (the admin too): French and English, with
// placeholders the catalogue fills when an agent uses one ({numero}, {telephones}, {heures}, and
// {date} in a delay notice) — so no hours or phone number is typed into a reply, where it went
// stale when a manager edited the hours. A reply is withdrawn, never deleted (the seed would add
// a deleted one back). Each save is audited with the texts before and after.
import { randomUUID } from "node:crypto";
import { fillCannedReply } from "@/domain/requests/canned-replies";
import type { TCannedReplyInput } from "@/schemas/canned-reply";
import { isManagerOf } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import { insertCannedReply, listCannedReplies, updateCannedReply } from "@/server/repositories/console-repository";
import { cannedValuesFor, getCatalogue } from "@/server/services/get-catalogue";

function requireManager(user: CurrentUser | null, serviceId: string): CurrentUser {
  if (!isManagerOf(user, serviceId)) throw new AppError("NOT_FOUND", "not a manager of this service");
  return user;
}

/** The number shown in previews: the service's prefix, this year, an example. */
const EXAMPLE_NUMBER = { "ca-dotation": "CAD-2026-000123", sagir: "SAG-2026-000123" } as Record<string, string>;

export type CannedReplyView = {
  id: string;
  kind: string;
  title: { fr: string; en: string };
  body: { fr: string; en: string };
  active: boolean;
  /** The texts as an agent would insert them for a request of the service's first audience. */
  preview: { fr: string; en: string };
};

export async function readCannedReplies({ user, serviceId }: { user: CurrentUser | null; serviceId: string }): Promise<{ replies: CannedReplyView[]; previewAudience: string }> {
  requireManager(user, serviceId);
  const [rows, catalogue] = await Promise.all([listCannedReplies(getDb(), serviceId, { withDisabled: true }), getCatalogue()]);
  const audience = catalogue.profiles.find((p) => p.serviceId === serviceId)?.audiences[0];
  if (!audience) throw new AppError("NOT_FOUND", "no such service");
  const values = cannedValuesFor(catalogue, serviceId, audience.audienceId, EXAMPLE_NUMBER[serviceId] ?? "ABC-2026-000123");
  return {
    previewAudience: audience.audienceId,
    replies: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: { fr: r.titleFr, en: r.titleEn },
      body: { fr: r.bodyFr, en: r.bodyEn },
      active: r.disabledAt === null,
      preview: { fr: fillCannedReply(r.bodyFr, values.fr), en: fillCannedReply(r.bodyEn, values.en) },
    })),
  };
}

/** Creates (no id) or replaces a canned reply of the service; returns its id. */
export async function saveCannedReply({ user, serviceId, input, now }: { user: CurrentUser | null; serviceId: string; input: TCannedReplyInput; now: Date }): Promise<string> {
  const manager = requireManager(user, serviceId);
  const facts = { kind: input.kind, titleFr: input.titleFr, titleEn: input.titleEn, bodyFr: input.bodyFr, bodyEn: input.bodyEn, disabledAt: input.active ? null : now };
  const texts = (f: { kind: string; titleFr: string; titleEn: string; bodyFr: string; bodyEn: string; active: boolean }) => f;
  let before: ReturnType<typeof texts> | null = null;
  let id = input.id;
  if (id) {
    const current = (await listCannedReplies(getDb(), serviceId, { withDisabled: true })).find((r) => r.id === id);
    if (!current) throw new AppError("NOT_FOUND", "no such canned reply");
    before = texts({ kind: current.kind, titleFr: current.titleFr, titleEn: current.titleEn, bodyFr: current.bodyFr, bodyEn: current.bodyEn, active: current.disabledAt === null });
    // A withdrawn reply keeps the instant it was withdrawn.
    if (!input.active && current.disabledAt) facts.disabledAt = current.disabledAt;
    await updateCannedReply(getDb(), serviceId, id, facts, now);
  } else {
    id = `${serviceId}-${randomUUID().slice(0, 8)}`;
    await insertCannedReply(getDb(), serviceId, id, facts, now);
  }
  const after = texts({ kind: input.kind, titleFr: input.titleFr, titleEn: input.titleEn, bodyFr: input.bodyFr, bodyEn: input.bodyEn, active: input.active });
  await appendAudit(getDb(), { at: now, actorUserId: manager.id, action: "canned_reply_saved", data: { serviceId, replyId: id, name: input.titleFr, before, after } });
  return id;
}
