import "server-only";
// A person's request about their information (Loi 25), answered by an admin: everything Guichet
// holds under an e-mail address, as JSON to hand over (their account, their requests with every
// message and the description of every file, the e-mails received from them) — nothing about
// anyone else: the centre's staff are « the centre », never named; other people's requests are not
// there. On a lawful request, the admin erases it: each closed request through the same database
// function as the retention job (rule `access_request`); an open request is named, to be closed
// first (its handling needs it). Both acts are audited, with no address kept in the log.
import { createHash } from "node:crypto";
import { requireAdmin } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { appendAudit } from "@/server/repositories/audit-repository";
import { findPersonData, type PersonData } from "@/server/repositories/person-data-repository";
import { eraseRequest } from "@/server/repositories/retention-repository";

/** What the audit log keeps of the address: a digest, enough to match two entries, not to read it. */
const addressDigest = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 16);

export type PersonSummary = {
  email: string;
  account: { name: string; role: string; organization: string | null; disabled: boolean } | null;
  requests: { number: string; serviceId: string; status: string; receivedAt: string; closedAt: string | null; erasedAt: string | null; messages: number; files: number }[];
};

function summaryOf(email: string, data: PersonData): PersonSummary {
  return {
    email,
    account: data.account ? { name: data.account.name, role: data.account.role, organization: data.account.organization?.name ?? null, disabled: data.account.disabledAt !== null } : null,
    requests: data.requests.map((r) => ({
      number: r.number,
      serviceId: r.serviceId,
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      erasedAt: r.personalDataErasedAt?.toISOString() ?? null,
      messages: r.messages.length,
      files: r.messages.reduce((n, m) => n + m.attachments.length, 0),
    })),
  };
}

/** What is held under the address, in short (the admin's page). */
export async function lookUpPerson({ user, email }: { user: CurrentUser | null; email: string }): Promise<PersonSummary> {
  requireAdmin(user);
  return summaryOf(email, await findPersonData(getDb(), email));
}

/** Everything held under the address, to hand over (JSON); the export is audited. */
export async function exportPerson({ user, email, now }: { user: CurrentUser | null; email: string; now: Date }) {
  const admin = requireAdmin(user);
  const data = await findPersonData(getDb(), email);
  await appendAudit(getDb(), { at: now, actorUserId: admin.id, action: "person_data_exported", data: { address: addressDigest(email), requests: data.requests.map((r) => r.number) } });
  return {
    exportedAt: now.toISOString(),
    email: email.trim().toLowerCase(),
    account: data.account && {
      name: data.account.name,
      email: data.account.email,
      role: data.account.role,
      organization: data.account.organization?.name ?? null,
      services: data.account.services.map((s) => s.serviceId),
      createdAt: data.account.createdAt.toISOString(),
      disabledAt: data.account.disabledAt?.toISOString() ?? null,
    },
    requests: data.requests.map(({ id: _id, personalData, messages, inboundEmails, satisfaction, ...r }) => ({
      ...r,
      receivedAt: r.receivedAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      personalDataErasedAt: r.personalDataErasedAt?.toISOString() ?? null,
      birth: personalData,
      messages: messages.map((m) => ({
        at: m.at.toISOString(),
        // The person, the centre (never a named agent), or the second level.
        from: m.authorKind === "requester" ? "requester" : m.authorKind === "agent" ? "centre" : m.authorKind,
        visibility: m.visibility,
        kind: m.replyKind ?? m.systemKind,
        body: m.body,
        quoted: m.quoted,
        attachments: m.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
      })),
      emailsReceived: inboundEmails.map((e) => ({ receivedAt: e.receivedAt.toISOString(), size: e.size, from: e.envelopeFrom })),
      satisfaction: satisfaction?.answeredAt ? { answeredAt: satisfaction.answeredAt.toISOString(), satisfied: satisfaction.satisfied, comment: satisfaction.comment } : null,
    })),
  };
}
export type PersonExport = Awaited<ReturnType<typeof exportPerson>>;

/** Erases what is held under the address (the closed requests; open ones are named, to close first); audited. */
export async function erasePerson({ user, email, now }: { user: CurrentUser | null; email: string; now: Date }): Promise<{ erased: string[]; open: string[] }> {
  const admin = requireAdmin(user);
  const db = getDb();
  const data = await findPersonData(db, email);
  const closed = data.requests.filter((r) => r.status === "closed" && !r.personalDataErasedAt);
  const open = data.requests.filter((r) => r.status !== "closed").map((r) => r.number);
  const erased: string[] = [];
  await db.$transaction(async (tx) => {
    for (const r of closed) if (await eraseRequest(tx, r.id, "access_request", admin.id, now)) erased.push(r.number);
    await appendAudit(tx, { at: now, actorUserId: admin.id, action: "person_data_erased", data: { address: addressDigest(email), erased, open } });
  }, { timeout: 60_000 });
  return { erased, open };
}
