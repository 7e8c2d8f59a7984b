import "server-only";
// The managers' commitment editing: a target's allowed time, clock, calendar and channels, with the
// impact shown before it is saved ("a request received now would be due … — after the change: …").
// A saved change applies to requests received after it: a request's targets are copied at receipt
// (request_target keeps its own clock, duration and due instant), and promises are their own
// targets — neither is rewritten. Each change is audited. Editors: the admin, or a manager of the
// target's service. A save refuses a target changed by someone else since the editor read it.
import { createCatalogueEngine } from "@/domain/catalogue/engine";
import type { ChannelId, TargetDefinition } from "@/domain/catalogue/types";
import { targetSignature, type TargetEdit } from "@/schemas/catalogue-edit";
import { localizeValidationMessage } from "@/schemas/messages";
import type { CurrentUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { insertCatalogueAudit, lockTarget, updateTarget } from "@/server/repositories/catalogue-edit-repository";
import { mayEditFor } from "@/server/services/catalogue-editors";
import { forgetCatalogue, getCatalogue, type Catalogue } from "@/server/services/get-catalogue";

export function canEditTarget(user: CurrentUser | null, target: Pick<TargetDefinition, "serviceId">): user is CurrentUser {
  return mayEditFor(user, [target.serviceId]);
}

/** The calendars a target of this service may count on: those of the service's audiences. */
export function calendarsOfService(catalogue: Catalogue, serviceId: string): string[] {
  const service = catalogue.definition.services.find((s) => s.id === serviceId);
  return [...new Set(service?.audiences.map((a) => a.calendarId) ?? [])];
}

/** The channels a target may apply to: those its audience is received by. */
export function channelsOfAudience(catalogue: Catalogue, target: Pick<TargetDefinition, "serviceId" | "audienceId">): readonly ChannelId[] {
  return catalogue.definition.services.find((s) => s.id === target.serviceId)?.audiences.find((a) => a.id === target.audienceId)?.channels ?? [];
}

/** The targets this person may edit, in the catalogue's order. */
export async function readEditableTargets(user: CurrentUser | null): Promise<TargetDefinition[]> {
  const catalogue = await getCatalogue();
  return catalogue.definition.targets.filter((t) => canEditTarget(user, t));
}

export type TargetImpact = {
  /** For a request received now (through the target's channels): due and at-risk instants, before and after. */
  dueAt: { before: number; after: number };
  riskAt: { before: number; after: number };
  /** Channels whose requests gain or lose the commitment. */
  channelsAdded: ChannelId[];
  channelsRemoved: ChannelId[];
};

export function targetImpact(catalogue: Catalogue, before: TargetDefinition, after: TargetDefinition, now: Date): TargetImpact {
  const edited = createCatalogueEngine({ ...catalogue.definition, targets: catalogue.definition.targets.map((t) => (t.id === after.id ? after : t)) });
  const at = now.getTime();
  const due = { before: catalogue.engine.addClockTime(before, at), after: edited.addClockTime(after, at) };
  return {
    dueAt: due,
    riskAt: { before: catalogue.engine.atRiskAt(before, at, due.before), after: edited.atRiskAt(after, at, due.after) },
    channelsAdded: after.channels.filter((c) => !before.channels.includes(c)),
    channelsRemoved: before.channels.filter((c) => !after.channels.includes(c)),
  };
}

const fieldError = (field: string, key: string) => new AppError("INVALID_PARAMETER", `invalid ${field}`, { [field]: localizeValidationMessage(key) });

/** Previews, or saves (intent "save"), a target's new definition; the impact either way. */
export async function editTarget({ user, input, now }: { user: CurrentUser | null; input: TargetEdit; now: Date }): Promise<{ saved: boolean; unchanged: boolean; target: TargetDefinition; impact: TargetImpact }> {
  const catalogue = await getCatalogue();
  const before = catalogue.definition.targets.find((t) => t.id === input.targetId);
  if (!before || !canEditTarget(user, before)) throw new AppError("NOT_FOUND", "no such target for this user");
  if (!calendarsOfService(catalogue, before.serviceId).includes(input.calendarId)) throw fieldError("calendarId", "target.calendar");
  const allowed = channelsOfAudience(catalogue, before);
  if (input.channels.some((c) => !allowed.includes(c))) throw fieldError("channels", "target.channel");
  const after: TargetDefinition = { ...before, amount: input.amount, unit: input.unit, clock: input.clock, calendarId: input.calendarId, channels: allowed.filter((c) => input.channels.includes(c)) };
  const impact = targetImpact(catalogue, before, after, now);
  const unchanged = targetSignature(before) === targetSignature(after);
  if (input.intent !== "save") return { saved: false, unchanged, target: after, impact };

  const saved = await getDb().$transaction(async (tx) => {
    const stored = await lockTarget(tx, before.id);
    if (!stored) throw new AppError("NOT_FOUND", "target gone");
    if (targetSignature(stored) !== input.seen) {
      throw new AppError("CONFLICT", "target changed meanwhile", {}, {
        details: { current: stored },
        localized: {
          fr: "Cet engagement a été modifié entre-temps par quelqu'un d'autre. Vos valeurs sont gardées : vérifiez-les, puis enregistrez de nouveau.",
          en: "This commitment was changed meanwhile by someone else. Your values are kept: check them, then save again.",
        },
      });
    }
    // Saving what is already in force writes nothing (no audit entry without a change).
    if (targetSignature(stored) === targetSignature(after)) return false;
    await updateTarget(tx, after.id, after);
    await insertCatalogueAudit(tx, {
      actorUserId: user.id,
      action: "catalogue_target_changed",
      at: now,
      data: {
        targetId: after.id,
        before: { amount: stored.amount, unit: stored.unit, clock: stored.clock, calendarId: stored.calendarId, channels: stored.channels },
        after: { amount: after.amount, unit: after.unit, clock: after.clock, calendarId: after.calendarId, channels: [...after.channels] },
      },
    });
    return true;
  });
  if (saved) forgetCatalogue();
  return { saved, unchanged: !saved, target: after, impact };
}
