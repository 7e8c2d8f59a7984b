"use client";
// A list of checkboxes in a console form (roles, groups, organizations, questions): its error is
// shown at the fieldset, and the boxes ticked are kept after a refusal (values one per line).
import { useFormField } from "./action-form";

export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  checked = [],
  columns = 1,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string; detail?: string }[];
  checked?: readonly string[];
  columns?: 1 | 2 | 3;
}) {
  const { value, error, errorId } = useFormField(name);
  const ticked = new Set(value !== undefined ? value.split("\n").filter(Boolean) : checked);
  const hintId = hint ? `${name}-hint` : undefined;
  const grid = columns === 3 ? "sm:grid-cols-2 xl:grid-cols-3" : columns === 2 ? "sm:grid-cols-2" : "";
  return (
    <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined} aria-invalid={error ? true : undefined} data-testid={`${name}-group`}>
      <legend className="font-semibold">{legend}</legend>
      {hint && <p id={hintId} className="text-sm text-slate-700">{hint}</p>}
      <div className={`mt-1 grid gap-x-6 gap-y-1 ${grid}`}>
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input type="checkbox" name={name} value={o.value} defaultChecked={ticked.has(o.value)} className="mt-1 h-4 w-4 shrink-0" />
            <span>
              {o.label}
              {o.detail && <span className="text-sm text-slate-700"> · {o.detail}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-1 font-semibold text-closed">
          {error}
        </p>
      )}
    </fieldset>
  );
}
