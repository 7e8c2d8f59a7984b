"use client";
// A labelled form control with its hint and error, wired for screen readers (aria-invalid,
// aria-describedby). The visible "(obligatoire)" is hidden from them: `required` already says it.
import { useFormText } from "@/components/form-text";
import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded border border-slate-500 px-3 py-2 text-base aria-[invalid=true]:border-closed aria-[invalid=true]:bg-closed-pale";

type ControlProps = {
  id: string;
  name: string;
  required: boolean;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
};

export function FormField({
  name,
  label,
  error,
  hint,
  required = true,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (props: ControlProps) => ReactNode;
}) {
  const text = useFormText();
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {label}{" "}
        <span aria-hidden="true" className="text-sm font-normal text-slate-700">
          ({required ? text.required : text.optional})
        </span>
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children({ id: name, name, required, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: inputClass })}
      {error && (
        <p id={`${name}-error`} className="mt-1 font-semibold text-closed">
          {error}
        </p>
      )}
    </div>
  );
}

/** The summary at the top of a form that failed validation, linking to each field (named when its label is given). */
export function ErrorSummary({ title, errors, labels = {} }: { title: string; errors: Record<string, string>; labels?: Record<string, string> }) {
  // French puts a space before the colon.
  const { separator } = useFormText();
  return (
    <div role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc pl-6">
        {Object.entries(errors).map(([name, message]) => (
          <li key={name}>
            <a href={`#${name}`} className="underline">
              {labels[name] ? `${labels[name]}${separator}${message}` : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
