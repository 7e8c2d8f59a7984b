import "server-only";
// GET /api/v1/requests/{number}: a request for whoever may see it — staff of its service, the
// admin, users of its MO with access to its centre. Everyone else gets "not found", never
// "forbidden", so that numbers cannot be probed.
import type { Locale } from "@/i18n/routing";
import { messageText } from "@/i18n/system-messages";
import { keyReads, type ApiKeyPrincipal } from "@/server/auth/api-key-auth";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { findRequestByNumber, type ViewerRequestRow } from "@/server/repositories/request-repository";

const MO_ROLES = new Set(["mo_specialist", "sagir_user", "mo_pilot"]);

export function maySeeRequest(user: CurrentUser | null, row: Pick<ViewerRequestRow, "serviceId" | "organizationId">): boolean {
  if (!user) return false;
  if (user.role === "admin") return true;
  if (user.role === "agent" || user.role === "manager") return user.services.includes(row.serviceId);
  if (MO_ROLES.has(user.role)) {
    return (
      row.organizationId !== null &&
      row.organizationId === user.organization?.id &&
      user.organization.services.includes(row.serviceId) &&
      user.services.includes(row.serviceId)
    );
  }
  return false;
}

export type RequestDto = {
  number: string;
  service: string;
  audience: string;
  channel: string;
  type: string;
  status: string;
  urgent: boolean;
  subject: string;
  receivedAt: string;
  targets: { id: string; metric: string; dueAt: string; metAt: string | null }[];
  messages: { from: "requester" | "agent"; body: string; at: string }[];
};

/**
 * `locale`: the language system messages are written in (the API reads it from Accept-Language).
 * `key`: an integration's key instead of a person (the read-only requests API of one service).
 */
export async function getRequest({ user, key = null, number, locale = "fr" }: { user: CurrentUser | null; key?: ApiKeyPrincipal | null; number: string; locale?: Locale }): Promise<RequestDto> {
  const row = await findRequestByNumber(getDb(), number);
  if (!row || !(key ? keyReads(key, row.serviceId) : maySeeRequest(user, row))) throw new AppError("NOT_FOUND", "no such request for this viewer");
  return {
    number: row.number,
    service: row.serviceId,
    audience: row.audienceId,
    channel: row.channel,
    type: row.type,
    status: row.status,
    urgent: row.urgent,
    subject: row.subject,
    receivedAt: row.receivedAt.toISOString(),
    targets: row.targets.map((t) => ({ id: t.targetId, metric: t.metric, dueAt: t.dueAt.toISOString(), metAt: t.metAt?.toISOString() ?? null })),
    messages: row.messages.map((m) => ({ from: m.authorKind === "requester" ? "requester" : "agent", body: messageText({ ...m, authorName: m.author?.name }, row.number, locale), at: m.at.toISOString() })),
  };
}
