// A console form's files already attached (a guide's version, a communiqué's draft): each one
// downloadable, with a box that removes it when the form is saved (`remove-<id>`, read by the
// action). Nothing when there is none.
export function AttachedFilesField({
  legend,
  removeLabel,
  files,
  downloadPath,
  testId,
}: {
  legend: string;
  removeLabel: string;
  files: { id: string; filename: string }[];
  /** The files' download route, e.g. `/api/v1/guides/attachments`. */
  downloadPath: string;
  testId: string;
}) {
  if (files.length === 0) return null;
  return (
    <fieldset>
      <legend className="font-semibold">{legend}</legend>
      <ul className="mt-1 space-y-1" data-testid={testId}>
        {files.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center gap-3">
            <a href={`${downloadPath}/${f.id}`} download className="text-qc-blue underline">{f.filename}</a>
            <label htmlFor={`remove-${f.id}`} className="flex items-center gap-1 text-sm">
              <input id={`remove-${f.id}`} type="checkbox" name={`remove-${f.id}`} className="h-4 w-4" />
              {removeLabel}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
