import "server-only";
// A person's information (Loi 25, a request of access or erasure): everything Guichet holds under
// one e-mail address — their account, the requests they made (as a guest or signed in) with their
// messages, files' descriptions, e-mails received from them — and nothing about anyone else (the
// centre's staff are « the centre », never named).
import type { Db } from "@/server/db/client";

const requestSelect = {
  id: true,
  number: true,
  serviceId: true,
  audienceId: true,
  channel: true,
  type: true,
  status: true,
  subject: true,
  requesterName: true,
  requesterEmail: true,
  details: true,
  language: true,
  receivedAt: true,
  closedAt: true,
  personalDataErasedAt: true,
  personalData: { select: { birthDay: true, birthMonth: true } },
  messages: {
    orderBy: { at: "asc" },
    select: {
      at: true,
      authorKind: true,
      visibility: true,
      replyKind: true,
      systemKind: true,
      body: true,
      quoted: true,
      attachments: { select: { filename: true, contentType: true, size: true, sha256: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  },
  inboundEmails: { select: { receivedAt: true, size: true, envelopeFrom: true }, orderBy: { id: "asc" } },
  // Their answer to the satisfaction question (never the agent it concerns).
  satisfaction: { select: { answeredAt: true, satisfied: true, comment: true } },
} as const;

export async function findPersonData(db: Db, email: string) {
  const address = email.trim().toLowerCase();
  const account = await db.user.findUnique({
    where: { email: address },
    select: { id: true, name: true, email: true, role: true, createdAt: true, disabledAt: true, organization: { select: { name: true } }, services: { select: { serviceId: true } } },
  });
  // By the address as any case wrote it (the expression index request_requester_email_idx), or the account.
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM request WHERE lower(requester_email) = ${address}
    UNION SELECT id::text FROM request WHERE requester_user_id = ${account?.id ?? null}::uuid`;
  const requests = await db.request.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: requestSelect,
    orderBy: { receivedAt: "asc" },
  });
  return { account, requests };
}
export type PersonData = Awaited<ReturnType<typeof findPersonData>>;
