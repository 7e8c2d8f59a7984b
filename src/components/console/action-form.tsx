"use client";
// A console form bound to a server action: the server's message and field errors, the values
// typed kept after a failure (a conflict, a refused reply), and a pending state on its button.
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionFailure } from "@/server/http/server-action";

export type ConsoleFormState = {
  seq: number;
  ok: boolean;
  /** What was submitted, given back so that nothing typed is lost on a failure. */
  values: Record<string, string>;
  failure: ActionFailure | null;
  /** A message to show after success. */
  notice: string | null;
  /** "warning": done, but something went wrong to know (a call answered late) — not a green box. */
  tone?: "success" | "warning";
  link?: { href: string; label: string } | null;
};

export const INITIAL_FORM_STATE: ConsoleFormState = { seq: 0, ok: false, values: {}, failure: null, notice: null };

const FormContext = createContext<ConsoleFormState>(INITIAL_FORM_STATE);

export function useFormField(name: string): { value: string | undefined; error: string | undefined; errorId: string | undefined } {
  const state = useContext(FormContext);
  const error = state.failure?.fieldErrors[name];
  return { value: state.ok ? undefined : state.values[name], error, errorId: error ? `${name}-error` : undefined };
}

export function useFormState(): ConsoleFormState {
  return useContext(FormContext);
}

export function ActionForm({
  action,
  children,
  className,
  id,
  label,
}: {
  action: (state: ConsoleFormState, form: FormData) => Promise<ConsoleFormState>;
  children: ReactNode;
  className?: string;
  id?: string;
  label?: string;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <FormContext.Provider value={state}>
      <form key={state.seq} id={id} action={formAction} noValidate className={className ?? "space-y-3"} aria-label={label}>
        {state.failure && (
          <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3 font-semibold text-closed" data-testid="form-failure">
            {state.failure.message}
          </p>
        )}
        {state.notice && (
          <p
            role="status"
            className={`whitespace-pre-line rounded border-l-4 p-3 ${state.tone === "warning" ? "border-amber-700 bg-amber-100 text-amber-950" : "border-ok bg-ok-pale"}`}
            data-testid="form-notice"
            data-tone={state.tone ?? "success"}
          >
            {state.notice}
            {state.link && (
              <>
                {" "}
                <a href={state.link.href} className="font-semibold text-qc-blue underline">
                  {state.link.label}
                </a>
              </>
            )}
          </p>
        )}
        {children}
      </form>
    </FormContext.Provider>
  );
}

export function FieldError({ name }: { name: string }) {
  const { error, errorId } = useFormField(name);
  if (!error) return null;
  return (
    <p id={errorId} className="mt-1 font-semibold text-closed">
      {error}
    </p>
  );
}

export function SubmitButton({
  children,
  variant = "primary",
  id,
  size = "normal",
  name,
  value,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary";
  id?: string;
  size?: "normal" | "small";
  /** A form with two buttons (approve, return): the one pressed is sent as name=value. */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const style =
    variant === "primary"
      ? "bg-qc-blue text-white hover:bg-qc-navy"
      : "border border-qc-blue bg-white text-qc-blue hover:bg-qc-pale";
  return (
    <button id={id} type="submit" name={name} value={value} disabled={pending} className={`rounded font-semibold disabled:opacity-60 ${size === "small" ? "px-3 py-1" : "px-4 py-2"} ${style}`}>
      {children}
    </button>
  );
}

export const fieldClass = "mt-1 block w-full rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-closed aria-[invalid=true]:bg-closed-pale";

type FieldProps = {
  name: string;
  /** When two forms of a page have a field of the same name. */
  id?: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
} & (
  | { kind: "textarea"; rows?: number; maxLength?: number }
  | { kind: "select"; options: readonly { value: string; label: string }[] }
  | { kind: "input"; type?: "text" | "date" | "month" | "datetime-local" | "email"; autoComplete?: string; inputMode?: "decimal" | "numeric" }
  /** A file to upload (chosen again after a refusal: a browser does not let a page refill it). */
  | { kind: "file"; accept: string }
);

/** A labelled control whose value survives a failed submission and whose error is announced. */
export function Field(props: FieldProps) {
  const { name, label, hint, required = true } = props;
  const { value, error, errorId } = useFormField(name);
  const id = props.id ?? name;
  const hintId = hint ? `${id}-hint` : undefined;
  const common = {
    id,
    name,
    required,
    defaultValue: value ?? props.defaultValue ?? "",
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    className: fieldClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {props.kind === "textarea" && <textarea {...common} rows={props.rows ?? 5} maxLength={props.maxLength ?? 5000} />}
      {props.kind === "select" && (
        // Keyed by the value the page gives: when another form's action changes it (« Prendre en
        // charge » sets the status and the assignee), the select shows the new value, not the old one.
        <select key={common.defaultValue} {...common}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {props.kind === "input" && <input {...common} type={props.type ?? "text"} inputMode={props.inputMode} autoComplete={props.autoComplete ?? "off"} />}
      {props.kind === "file" && <input {...common} defaultValue={undefined} type="file" accept={props.accept} className={`${fieldClass} bg-white`} />}
      <FieldError name={name} />
    </div>
  );
}

/** A compact select with its label on the same line (the queue's bulk bar); its value survives a refusal. */
export function InlineSelect({ id, name, label, options }: { id: string; name: string; label: string; options: readonly { value: string; label: string }[] }) {
  const { value, error, errorId } = useFormField(name);
  return (
    <span className="inline-flex items-center gap-1">
      <label htmlFor={id}>{label}</label>
      <select key={value ?? ""} id={id} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={errorId} className="rounded border border-slate-500 px-1.5 py-0.5 aria-[invalid=true]:border-closed">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * Checkboxes named `<prefix><value>`, one per option, in a fieldset whose error is the group's
 * field `name`: after a refusal or a preview, the boxes ticked are those submitted.
 */
export function CheckboxGroup({ name, prefix, legend, options, defaultChecked, idPrefix }: { name: string; prefix: string; legend: string; options: readonly { value: string; label: string }[]; defaultChecked: readonly string[]; idPrefix: string }) {
  const state = useFormState();
  const { errorId } = useFormField(name);
  const submitted = state.seq > 0 && !state.ok;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="font-semibold">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} htmlFor={`${idPrefix}-${o.value}`} className="flex items-center gap-2">
            <input
              id={`${idPrefix}-${o.value}`}
              type="checkbox"
              name={`${prefix}${o.value}`}
              defaultChecked={submitted ? state.values[`${prefix}${o.value}`] !== undefined : defaultChecked.includes(o.value)}
              className="h-5 w-5"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError name={name} />
    </fieldset>
  );
}
