import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { Shortcuts } from "@/components/console/shortcuts";
import { AUDIENCE_LABELS, TIME_ZONE } from "@/domain/catalogue/default-catalogue";
import { instantToLocalDateTime } from "@/domain/catalogue/zone";
import { clockDuration, spokenDuration } from "@/domain/telephony/duration";
import { formatShortDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { CALL_CHANNELS, CALL_OUTCOMES } from "@/schemas/console";
import type { CurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { readCallToSettle } from "@/server/services/call-events";
import { listServiceOrganizations } from "@/server/services/agent-console";
import { getCatalogue } from "@/server/services/get-catalogue";
import { CALL_TYPES_BY_AUDIENCE } from "@/server/services/log-call";
import { logCallAction, settleCallAction } from "../../actions";
import { consoleAgent } from "../../gate";
import { requestTypeText } from "../../labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Console" }))("logCall"), robots: { index: false } };
}

export default async function LogCallPage({ params, searchParams }: Props) {
  const { locale, service } = await params;
  setRequestLocale(locale);
  const agent = await consoleAgent(locale, service);
  const t = await getTranslations("Console");
  const { appel } = await searchParams;
  // From the screen pop: a call the telephone system reported, settled with its own instants.
  if (typeof appel === "string") return <SettleCall locale={locale} service={service} agent={agent} callId={appel} />;
  const [catalogue, now, organizations] = await Promise.all([
    getCatalogue(),
    getNow(),
    listServiceOrganizations({ user: agent, serviceId: service }),
  ]);
  const audiences = catalogue.engine.getService(service).audiences;
  const channels = CALL_CHANNELS.filter((c) => audiences.some((a) => a.channels.includes(c)));
  const nowText = instantToLocalDateTime(now.getTime(), TIME_ZONE);
  return (
    <>
      <Shortcuts title={t("shortcuts")} closeLabel={t("close")} shortcuts={[{ key: "g", label: t("keys.queue"), href: `/${locale}/console/${service}` }]} />
      <p>
        <Link href={`/console/${service}`} className="text-qc-blue underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">{t("call.title")}</h1>
      <ActionForm action={logCallAction.bind(null, locale, service)} className="mt-4 max-w-2xl space-y-4" label={t("call.title")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field kind="select" name="channel" label={t("call.channel")} options={channels.map((c) => ({ value: c, label: t(`call.channels.${c}`) }))} />
          <Field kind="select" name="audienceId" label={t("call.audience")} options={audiences.map((a) => ({ value: a.id, label: AUDIENCE_LABELS[a.id]?.[locale] ?? a.id }))} />
          <Field kind="input" type="datetime-local" name="receivedAt" label={t("call.receivedAt")} defaultValue={nowText} />
          <Field kind="input" type="datetime-local" name="answeredAt" label={t("call.answeredAt")} hint={t("call.answeredHint")} defaultValue={nowText} required={false} />
          <Field kind="select" name="outcome" label={t("call.outcome")} hint={t("call.opensHint")} options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`call.outcomes.${o}`) }))} />
          <UrgentBox label={t("call.urgent")} />
        </div>
        {/* A phone call settled during the call opens no request: its fields are hidden (without
            JavaScript: the form's own state). A voicemail, fax or e-mail always opens one. */}
        <fieldset
          data-testid="opens-request"
          className="space-y-4 rounded border border-slate-300 p-3 [form:has(#outcome_option[value=settled]:checked):has(#channel_option[value=phone]:checked)_&]:hidden"
        >
          <RequestFields
            t={t}
            types={audiences.flatMap((a) => (CALL_TYPES_BY_AUDIENCE[a.id] ?? []).map((type) => ({ value: type, label: `${AUDIENCE_LABELS[a.id]?.[locale] ?? a.id} — ${requestTypeText(service, type, locale)}` })))}
            organizations={organizations}
          />
        </fieldset>
        <SubmitButton>{t("call.submit")}</SubmitButton>
      </ActionForm>
    </>
  );
}

/** « Régler un appel reçu »: the call's facts from the telephone system, then how it was settled. */
async function SettleCall({ locale, service, agent, callId }: { locale: Locale; service: string; agent: CurrentUser; callId: string }) {
  const t = await getTranslations("Console");
  const [call, organizations] = await Promise.all([readCallToSettle({ user: agent, serviceId: service, callId }), listServiceOrganizations({ user: agent, serviceId: service })]);
  const back = (
    <p>
      <Link href={`/console/${service}`} className="text-qc-blue underline">
        {t("back")}
      </Link>
    </p>
  );
  if (!call) {
    return (
      <>
        {back}
        <h1 className="mt-2 text-3xl font-bold text-qc-navy">{t("settle.title")}</h1>
        <p className="mt-4" role="status">{t("settle.gone")}</p>
      </>
    );
  }
  const facts: [string, ReactNode][] = [
    [t("settle.line"), AUDIENCE_LABELS[call.audienceId]?.[locale] ?? call.audienceId],
    [t("settle.caller"), call.caller ?? t("pop.unknownCaller")],
    [t("settle.queuedAt"), formatShortDateTime(call.queuedAt.getTime(), locale)],
    [t("settle.answeredAt"), formatShortDateTime(call.answeredAt.getTime(), locale)],
    [
      t("settle.wait"),
      <>
        <span aria-hidden="true">{clockDuration(call.waitSeconds)}</span>
        <span className="sr-only">{spokenDuration(call.waitSeconds)}</span>
        {call.met !== null && <span className="ml-2 font-semibold">{call.met ? t("pop.met") : t("pop.missed")}</span>}
      </>,
    ],
  ];
  return (
    <>
      <Shortcuts title={t("shortcuts")} closeLabel={t("close")} shortcuts={[{ key: "g", label: t("keys.queue"), href: `/${locale}/console/${service}` }]} />
      {back}
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">{t("settle.title")}</h1>
      <p className="mt-1 text-slate-700">{t("settle.intro")}</p>
      <dl className="mt-4 grid max-w-4xl gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-5" data-testid="call-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <ActionForm action={settleCallAction.bind(null, locale, service)} className="mt-4 max-w-2xl space-y-4" label={t("settle.title")}>
        <input type="hidden" name="callId" value={call.id} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field kind="select" name="outcome" label={t("call.outcome")} options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`call.outcomes.${o}`) }))} />
          <UrgentBox label={t("call.urgent")} />
        </div>
        <fieldset data-testid="opens-request" className="space-y-4 rounded border border-slate-300 p-3 [form:has(#outcome_option[value=settled]:checked)_&]:hidden">
          <RequestFields
            t={t}
            types={(CALL_TYPES_BY_AUDIENCE[call.audienceId] ?? []).map((type) => ({ value: type, label: requestTypeText(service, type, locale) }))}
            organizations={call.audienceId === "candidate" ? [] : organizations}
          />
        </fieldset>
        <SubmitButton>{t("settle.submit")}</SubmitButton>
      </ActionForm>
    </>
  );
}

function UrgentBox({ label }: { label: string }) {
  return (
    <div className="flex items-end gap-2 pb-2">
      <input id="urgent" name="urgent" type="checkbox" className="h-5 w-5" />
      <label htmlFor="urgent" className="font-semibold">
        {label}
      </label>
    </div>
  );
}

/** What an agent writes of a request opened from a call (both forms: logged by hand, settled from the pop). */
function RequestFields({ t, types, organizations }: { t: (key: string) => string; types: { value: string; label: string }[]; organizations: { id: string; name: string }[] }) {
  return (
    <>
      <legend className="px-1 font-semibold">{t("call.outcomes.request_opened")}</legend>
      <Field kind="select" name="type" label={t("call.type")} required={false} options={[{ value: "", label: t("call.none") }, ...types]} />
      <Field kind="input" name="subject" label={t("call.subject")} required={false} />
      <Field kind="textarea" name="summary" label={t("call.summary")} rows={4} required={false} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field kind="input" name="requesterName" label={t("call.requesterName")} required={false} />
        <Field kind="input" type="email" name="requesterEmail" label={t("call.requesterEmail")} required={false} />
      </div>
      {organizations.length > 0 && (
        <Field kind="select" name="organizationId" label={t("call.organization")} required={false} options={[{ value: "", label: t("call.none") }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]} />
      )}
    </>
  );
}
