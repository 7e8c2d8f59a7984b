"use client";
// The agent's public reply: its kind, a canned reply to start from, the promised date of an
// avis de délai, the status after sending; a live warning when the text reads like file
// information and the requester's identity is not validated yet (the server asks the same).
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { disclosesFileInformation, REPLY_KINDS } from "@/domain/requests/targets";
import { STATUS_AFTER_REPLY } from "@/schemas/console";
import { FileField } from "@/components/file-field";
import { GuideInserter } from "./guide-inserter";
import { ActionForm, FieldError, SubmitButton, fieldClass, useFormField, type ConsoleFormState } from "./action-form";

type Canned = { id: string; kind: string; title: string; body: string };

function ReplyFields({ canned, version, identityPending, number, serviceId }: { canned: readonly Canned[]; version: number; identityPending: boolean; number: string; serviceId: string }) {
  const t = useTranslations("Console");
  const locale = useLocale();
  const body = useFormField("body");
  const kindField = useFormField("kind");
  const promised = useFormField("promisedDate");
  const status = useFormField("statusAfter");
  const files = useFormField("files");
  const [kind, setKind] = useState(kindField.value ?? "answer");
  const [text, setText] = useState(body.value ?? "");
  const warn = identityPending && disclosesFileInformation(text);
  return (
    <>
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="reply-kind" className="block font-semibold">
            {t("actions.kind")}
          </label>
          <select id="reply-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={fieldClass}>
            {REPLY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`replyKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="reply-canned" className="block font-semibold">
            {t("actions.canned")}
          </label>
          <select
            id="reply-canned"
            defaultValue=""
            className={fieldClass}
            onChange={(e) => {
              const chosen = canned.find((c) => c.id === e.target.value);
              if (!chosen) return;
              setKind(chosen.kind);
              setText(chosen.body.replaceAll("{numero}", number));
            }}
          >
            <option value="">{t("actions.cannedNone")}</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {kind === "delay_notice" && (
        <div>
          <label htmlFor="promisedDate" className="block font-semibold">
            {t("actions.promisedDate")}
          </label>
          <p id="promisedDate-hint" className="text-sm text-slate-700">
            {t("actions.promisedDateHint", { date: "{date}" })}
          </p>
          <input
            id="promisedDate"
            name="promisedDate"
            type="date"
            required
            defaultValue={promised.value ?? ""}
            aria-invalid={promised.error ? true : undefined}
            aria-describedby={["promisedDate-hint", promised.errorId].filter(Boolean).join(" ")}
            className={`${fieldClass} max-w-xs`}
          />
          <FieldError name="promisedDate" />
        </div>
      )}
      <div>
        <label htmlFor="reply-body" className="block font-semibold">
          {t("actions.body")}
        </label>
        <textarea
          id="reply-body"
          name="body"
          rows={7}
          maxLength={5000}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={body.error ? true : undefined}
          aria-describedby={[body.errorId, warn ? "disclosure-warning" : null].filter(Boolean).join(" ") || undefined}
          className={fieldClass}
        />
        <FieldError name="body" />
      </div>
      <GuideInserter serviceId={serviceId} locale={locale} onInsert={(inserted) => setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${inserted}` : inserted))} />
      {warn && (
        <div id="disclosure-warning" role="alert" className="rounded border-l-4 border-amber-700 bg-amber-100 p-3 text-amber-900" data-testid="disclosure-warning">
          <p className="font-semibold">{t("actions.disclosureWarning")}</p>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" name="acknowledgeDisclosure" className="h-5 w-5" />
            {t("actions.acknowledge")}
          </label>
        </div>
      )}
      <FieldError name="acknowledgeDisclosure" />
      <FileField label={t("actions.files")} hint={t("actions.filesHint")} error={files.error} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="statusAfter" className="block font-semibold">
            {t("actions.statusAfter")}
          </label>
          <select id="statusAfter" name="statusAfter" defaultValue={status.value ?? "keep"} className={fieldClass}>
            {STATUS_AFTER_REPLY.map((s) => (
              <option key={s} value={s}>
                {s === "keep" ? t("actions.statusKeep") : t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton id="reply-send">{t("actions.send")}</SubmitButton>
      </div>
    </>
  );
}

export function ConsoleReplyForm(props: {
  action: (state: ConsoleFormState, form: FormData) => Promise<ConsoleFormState>;
  canned: readonly Canned[];
  version: number;
  identityPending: boolean;
  number: string;
  serviceId: string;
}) {
  const { action, ...rest } = props;
  return (
    <ActionForm action={action} id="reply-form">
      <ReplyFields {...rest} />
    </ActionForm>
  );
}
