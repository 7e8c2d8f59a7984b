"use client";
// The candidate's written inquiry. The topic comes first: a nominative or out-of-mandate topic
// shows, before anything is typed, what to do instead (the server refuses it as well). Values
// survive every failed submission.
import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactNode } from "react";
import type { ActionFailure } from "@/server/http/server-action";

export type InquiryFormState = { values: Record<string, string>; failure: ActionFailure | null };

export type TopicOption = {
  value: string;
  label: string;
  guard: { kind: "accepted" } | { kind: "nominative" } | { kind: "out-of-scope"; message: string };
};

type Props = {
  action: (state: InquiryFormState, form: FormData) => Promise<InquiryFormState>;
  topics: TopicOption[];
  phones: string[];
  lineStatus: string;
};

const inputClass =
  "mt-1 block w-full rounded border border-slate-500 px-3 py-2 text-base aria-[invalid=true]:border-closed aria-[invalid=true]:bg-closed-pale";

export function InquiryForm({ action, topics, phones, lineStatus }: Props) {
  const t = useTranslations("Inquiry");
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null });
  const [topic, setTopic] = useState(state.values.topic ?? "");
  const guard = topics.find((o) => o.value === topic)?.guard ?? { kind: "accepted" as const };
  const errors = state.failure?.fieldErrors ?? {};
  const refused = state.failure?.code === "REFUSED" ? state.failure : null;

  const field = (name: string, label: string, input: (props: Record<string, unknown>) => ReactNode, hint?: string) => {
    const error = errors[name];
    const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
    return (
      <div>
        <label htmlFor={name} className="block font-semibold">
          {label}{" "}
          <span aria-hidden="true" className="text-sm font-normal text-slate-700">
            ({t("required")})
          </span>
        </label>
        {hint && (
          <p id={`${name}-hint`} className="text-sm text-slate-700">
            {hint}
          </p>
        )}
        {input({ id: name, name, required: true, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: inputClass })}
        {error && (
          <p id={`${name}-error`} className="mt-1 font-semibold text-closed">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form action={formAction} className="mt-6 max-w-2xl space-y-5" noValidate data-testid="inquiry-form">
      {state.failure && state.failure.code === "INVALID_PARAMETER" && (
        <div role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
          <p className="font-semibold">{t("errorSummary")}</p>
          <ul className="mt-1 list-disc pl-6">
            {Object.entries(errors).map(([name, message]) => (
              <li key={name}>
                <a href={`#${name}`} className="underline">
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {refused && (
        <div role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="refusal">
          <p className="font-semibold">{t("refusedTitle")}</p>
          <p className="mt-1">{refused.message}</p>
        </div>
      )}
      {state.failure && !refused && state.failure.code !== "INVALID_PARAMETER" && (
        <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3">
          {state.failure.code === "RATE_LIMITED" ? state.failure.message : t("unexpected")}
        </p>
      )}

      {field("topic", t("topic"), (props) => (
        <select {...props} defaultValue={state.values.topic ?? ""} onChange={(e) => setTopic(e.target.value)}>
          <option value="">{t("topicPlaceholder")}</option>
          {topics.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ))}

      {guard.kind === "nominative" && (
        <div className="rounded border-l-4 border-qc-blue bg-qc-pale p-4" aria-live="polite" data-testid="guard-nominative">
          <p className="font-semibold">{t("nominativeTitle")}</p>
          <p className="mt-1">{t("nominativeBody")}</p>
          <ul className="mt-2">
            {phones.map((p) => (
              <li key={p}>
                <a className="text-lg text-qc-blue underline" href={`tel:+1${p.replace(/\D/g, "").replace(/^1/, "")}`}>
                  {p}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-2">{lineStatus}</p>
        </div>
      )}
      {guard.kind === "out-of-scope" && (
        <div className="rounded border-l-4 border-qc-blue bg-qc-pale p-4" aria-live="polite" data-testid="guard-out-of-scope">
          <p className="font-semibold">{t("outOfScopeTitle")}</p>
          <p className="mt-1">{guard.message}</p>
        </div>
      )}

      {guard.kind === "accepted" && (
        <>
          {field("name", t("name"), (props) => <input {...props} type="text" autoComplete="name" defaultValue={state.values.name} maxLength={120} />)}
          {field(
            "email",
            t("email"),
            (props) => <input {...props} type="email" autoComplete="email" defaultValue={state.values.email} maxLength={254} />,
            t("emailHint"),
          )}
          {field("subject", t("subject"), (props) => <input {...props} type="text" defaultValue={state.values.subject} maxLength={150} />)}
          {field(
            "message",
            t("message"),
            (props) => <textarea {...props} rows={8} defaultValue={state.values.message} maxLength={5000} />,
            t("messageHint"),
          )}
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-qc-blue px-5 py-3 font-semibold text-white hover:bg-qc-navy disabled:opacity-60"
          >
            {pending ? t("sending") : t("submit")}
          </button>
        </>
      )}
    </form>
  );
}
