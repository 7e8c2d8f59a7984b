import "server-only";
// The outgoing mail, for the admin: what Guichet sent or will send, with its state. Without
// SMTP_URL (development, a demo) nothing leaves the machine and this is where a person reads each
// message whole; with a mail server configured, only the facts are shown (the bodies carry the
// requesters' words, and the mail server has the copy).
import { maskEmail } from "@/domain/requests/targets";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { listRecentOutbox } from "@/server/repositories/mail-repository";

export type OutboxEntry = {
  id: string;
  kind: string;
  locale: string;
  number: string | null;
  to: string | null;
  subject: string;
  body: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
};

export function isMailCaught(): boolean {
  return !process.env.SMTP_URL;
}

export async function readOutbox(user: CurrentUser | null, take = 100): Promise<{ caught: boolean; entries: OutboxEntry[] }> {
  if (user?.role !== "admin") throw new AppError("NOT_FOUND", "the outbox is for the admin");
  const caught = isMailCaught();
  const rows = await listRecentOutbox(getDb(), take);
  return {
    caught,
    entries: rows.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      locale: r.locale,
      number: r.number,
      to: caught ? r.to : maskEmail(r.to),
      subject: r.subject,
      body: caught ? r.body : null,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      attempts: r.attempts,
      lastError: r.last_error,
    })),
  };
}
