import type { Locale } from "@/i18n/routing";

export type AttachmentLink = { id: string; filename: string; size: number };

function sizeText(bytes: number, locale: Locale): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, locale === "fr" ? "o" : "B");
  if (bytes < 1024 * 1024) return format(bytes / 1024, locale === "fr" ? "Ko" : "KB");
  return format(bytes / 1024 / 1024, locale === "fr" ? "Mo" : "MB");
}

/** A message's files, each a download link (served as an attachment, never shown inline). */
export function AttachmentList({ files, hrefOf, label, locale }: { files: readonly AttachmentLink[]; hrefOf: (id: string) => string; label: string; locale: Locale }) {
  if (files.length === 0) return null;
  return (
    <div className="mt-2">
      <p className="text-sm font-semibold">{label}</p>
      <ul className="mt-1 flex flex-wrap gap-2" data-testid="attachments">
        {files.map((f) => (
          <li key={f.id}>
            <a href={hrefOf(f.id)} download className="inline-flex items-center gap-1 rounded border border-slate-400 px-2 py-1 text-sm text-qc-blue underline">
              <span aria-hidden="true">📎</span> {f.filename} <span className="text-slate-700 no-underline">({sizeText(f.size, locale)})</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
