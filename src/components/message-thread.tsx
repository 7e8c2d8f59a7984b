import { AttachmentList, type AttachmentLink } from "@/components/attachment-list";
import { formatDateTime } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";

export type ThreadMessage = { id?: string; from: "requester" | "agent"; body: string; at: string; attachments?: AttachmentLink[] };

/** A request's public thread, oldest first; the centre's messages stand out. */
export function MessageThread({
  messages,
  locale,
  labels,
  attachmentHref,
}: {
  messages: ThreadMessage[];
  locale: Locale;
  labels: { requester: string; agent: string; attachments?: string };
  /** Where a file of the thread is downloaded (by the reader's own right to the request). */
  attachmentHref?: (id: string) => string;
}) {
  return (
    <ol className="mt-3 space-y-4" data-testid="thread">
      {messages.map((m, i) => (
        <li key={m.id ?? i} className={`max-w-2xl rounded-lg border p-4 ${m.from === "agent" ? "border-qc-blue bg-qc-pale" : "border-slate-200"}`}>
          <p className="text-sm font-semibold">
            {m.from === "agent" ? labels.agent : labels.requester} · <time dateTime={m.at}>{formatDateTime(Date.parse(m.at), locale)}</time>
          </p>
          <p className="mt-2 whitespace-pre-line">{m.body}</p>
          {attachmentHref && m.attachments && <AttachmentList files={m.attachments} hrefOf={attachmentHref} label={labels.attachments ?? ""} locale={locale} />}
        </li>
      ))}
    </ol>
  );
}
