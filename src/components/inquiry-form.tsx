"use client";
// The candidate's written inquiry. The topic comes first: a nominative or out-of-mandate topic
// shows, before anything is typed, what to do instead (the server refuses it as well). Values
// survive every failed submission.
import { useActionState, useState, type ReactNode } from "react";
import { FileField } from "@/components/file-field";
import { ErrorSummary, FormField } from "@/components/form-field";
import type { InquiryFormText } from "@/components/inquiry-form-text";
import type { ActionFailure } from "@/server/http/server-action";

export type InquiryFormState = { values: Record<string, string>; failure: ActionFailure | null };

export type TopicOption = {
  value: string;
  label: string;
  guard: { kind: "accepted" } | { kind: "nominative" } | { kind: "out-of-scope"; message: string };
};

type Props = {
  text: InquiryFormText;
  action: (state: InquiryFormState, form: FormData) => Promise<InquiryFormState>;
  topics: TopicOption[];
  phones: string[];
  lineStatus: string;
  /** Articles suggested while the subject is typed (src/components/guide-suggestions.tsx). */
  suggestions?: ReactNode;
};

export function InquiryForm({ text, action, topics, phones, lineStatus, suggestions }: Props) {
  const t = (key: keyof InquiryFormText) => text[key];
  const [state, formAction, pending] = useActionState(action, { values: {}, failure: null });
  const [topic, setTopic] = useState(state.values.topic ?? "");
  const guard = topics.find((o) => o.value === topic)?.guard ?? { kind: "accepted" as const };
  const errors = state.failure?.fieldErrors ?? {};
  const refused = state.failure?.code === "REFUSED" ? state.failure : null;

  return (
    <form action={formAction} className="mt-6 max-w-2xl space-y-5" noValidate data-testid="inquiry-form">
      {state.failure && state.failure.code === "INVALID_PARAMETER" && <ErrorSummary title={t("errorSummary")} errors={errors} />}
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

      <FormField name="topic" label={t("topic")} error={errors.topic}>
        {(props) => (
          // Remounted with the kept value: React's form reset would otherwise empty it.
          <select key={`topic-${state.values.topic ?? ""}`} {...props} defaultValue={state.values.topic ?? ""} onChange={(e) => setTopic(e.target.value)}>
            <option value="">{t("topicPlaceholder")}</option>
            {topics.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FormField>

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
          <FormField name="name" label={t("name")} error={errors.name}>
            {(props) => <input {...props} type="text" autoComplete="name" defaultValue={state.values.name} maxLength={120} />}
          </FormField>
          <FormField name="email" label={t("email")} error={errors.email} hint={t("emailHint")}>
            {(props) => <input {...props} type="email" autoComplete="email" defaultValue={state.values.email} maxLength={254} />}
          </FormField>
          <FormField name="subject" label={t("subject")} error={errors.subject}>
            {(props) => <input {...props} type="text" defaultValue={state.values.subject} maxLength={150} />}
          </FormField>
          {suggestions}
          <FormField name="message" label={t("message")} error={errors.message} hint={t("messageHint")}>
            {(props) => <textarea {...props} rows={8} defaultValue={state.values.message} maxLength={5000} />}
          </FormField>
          <FileField label={t("files")} hint={t("filesHint")} error={errors.files} />
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
