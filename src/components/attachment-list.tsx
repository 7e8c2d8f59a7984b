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
              <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-none stroke-current" strokeWidth="1.5"><path d="M11 5.5 6.2 10.3a1.4 1.4 0 0 0 2 2l5-5a2.8 2.8 0 0 0-4-4l-5 5a4.2 4.2 0 0 0 6 6l4.3-4.3" /></svg>
              {f.filename} <span className="text-slate-700 no-underline">({sizeText(f.size, locale)})</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
