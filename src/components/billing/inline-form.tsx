"use client";
// A one-field form that fits a table cell (a month's headcount, an invoice's payment date): its
// label is read by screen readers and shown as the field's title; the server's message and the
// field's error appear under it; what was typed is kept after a refusal.
import { ActionForm, SubmitButton, useFormField, type ConsoleFormState } from "@/components/console/action-form";

type Props = {
  action: (state: ConsoleFormState, form: FormData) => Promise<ConsoleFormState>;
  hidden: Record<string, string>;
  name: string;
  id: string;
  label: string;
  type: "text" | "date";
  defaultValue: string;
  button: string;
  inputMode?: "numeric";
};

export function InlineForm({ action, hidden, button, label, ...field }: Props) {
  return (
    <ActionForm action={action} className="flex flex-wrap items-start gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <InlineInput label={label} {...field} />
      <SubmitButton size="small" variant="secondary">
        {button}
      </SubmitButton>
    </ActionForm>
  );
}

function InlineInput({ name, id, label, type, defaultValue, inputMode }: Omit<Props, "action" | "hidden" | "button">) {
  const { value, error, errorId } = useFormField(name);
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        title={label}
        defaultValue={value ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={`w-36 rounded border border-slate-500 px-2 py-1 aria-[invalid=true]:border-closed aria-[invalid=true]:bg-closed-pale ${type === "text" ? "text-right tabular-nums" : ""}`}
      />
      {error && (
        <p id={errorId} className="mt-1 max-w-xs text-sm font-semibold text-closed">
          {error}
        </p>
      )}
    </div>
  );
}
