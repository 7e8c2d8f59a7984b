import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { calendarLabel, describeTarget, targetName } from "@/components/catalogue/target-text";
import { ActionForm, CheckboxGroup, Field, SubmitButton } from "@/components/console/action-form";
import { ConfirmSubmitButton } from "@/components/console/confirm-submit";
import { targetLabel } from "@/components/dashboard/tables";
import { formatDateTime, formatIsoDate } from "@/i18n/format";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { readRetentions } from "@/server/services/retention";
import { readCatalogueHistory, readHolidaySets } from "@/server/services/edit-holidays";
import { canEditCalendar } from "@/server/services/edit-hours";
import { formatDayHours } from "@/domain/catalogue/hours-text";
import { targetSignature, WEEKDAY_FIELDS } from "@/schemas/catalogue-edit";
import { CLOCK_IDS, DURATION_UNITS } from "@/domain/catalogue/types";
import { calendarsOfService, channelsOfAudience, readEditableTargets } from "@/server/services/edit-targets";
import { getCatalogue } from "@/server/services/get-catalogue";
import { readEditableMailboxes, type MailboxEditorView } from "@/server/services/edit-mailboxes";
import { readEditableLines, type PhoneLineEditorView } from "@/server/services/edit-phone-lines";
import { addHolidayAction, deleteHolidayAction, deleteLineAction, deleteMailboxAction, generateYearAction, hoursAction, lineAction, mailboxAction, moveHolidayAction, targetAction, retentionAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Catalogue" }))("title"), robots: { index: false } };
}

/**
 * The catalogue's editor, each part for its editors (the admin; a manager of every service it
 * serves): weekly hours per calendar and commitments (allowed time, clock, calendar, channels),
 * each with a preview before → after; holidays (each year's list with move and delete, add, store
 * the next year by the rule, what a request received now would be due); the history.
 */
export default async function CataloguePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const [catalogue, now, t, td] = await Promise.all([getCatalogue(), getNow(), getTranslations("Catalogue"), getTranslations("Dashboard")]);
  const [sets, targets, mail, phone] = await Promise.all([
    readHolidaySets(user, now),
    readEditableTargets(user),
    readEditableMailboxes(user).catch((): MailboxEditorView | null => null),
    readEditableLines(user).catch((): PhoneLineEditorView | null => null),
  ]);
  const calendars = catalogue.definition.calendars.filter((c) => canEditCalendar(user, catalogue, c.id));
  if (sets.length === 0 && calendars.length === 0 && targets.length === 0 && !mail) notFound();
  const [tw, troot] = await Promise.all([getTranslations("Weekday"), getTranslations()]);
  const trr = (key: string, values?: Record<string, string | number>) => troot(key as "Catalogue.title", values as never);
  const history = await readCatalogueHistory(user, 20);
  const retention = await readRetentions(user);
  const tr = (key: string, values?: Record<string, string | number>) => td(key as "title", values as never);
  const serviceName = (id: string) => catalogue.profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;

  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>

      <h2 className="mt-8 text-2xl font-semibold text-qc-navy">{t("hoursTitle")}</h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("hoursNote")}</p>
      {calendars.map((calendar) => {
        const users = calendarLabel(catalogue, calendar.id, locale);
        return (
          <section key={calendar.id} aria-labelledby={`cal-${calendar.id}`} className="mt-4 rounded border border-slate-300 p-4" data-testid={`calendar-${calendar.id}`}>
            <h3 id={`cal-${calendar.id}`} className="text-xl font-semibold">{users}</h3>
            <ActionForm action={hoursAction.bind(null, locale)} className="mt-2 space-y-3" label={t("hoursForm", { calendar: users })}>
              <input type="hidden" name="calendarId" value={calendar.id} />
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                {WEEKDAY_FIELDS.map((field) => (
                  <Field
                    key={field}
                    kind="input"
                    id={`${calendar.id}-${field}`}
                    name={field}
                    label={tw(field.slice(1) as "1")}
                    defaultValue={formatDayHours(calendar.week[Number(field.slice(1))]!)}
                    required={false}
                  />
                ))}
              </div>
              <PreviewSaveButtons preview={t("hoursPreview")} save={t("hoursSave")} question={t("saveQuestion")} confirm={t("confirm")} cancel={t("cancel")} />
            </ActionForm>
          </section>
        );
      })}

      {targets.length > 0 && (
        <>
          <h2 className="mt-8 text-2xl font-semibold text-qc-navy">{t("targetsTitle")}</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("targetsNote")}</p>
        </>
      )}
      {targets.map((target) => {
        const name = t("targetTitle", { target: targetName(target.id, catalogue, trr, locale), service: serviceName(target.serviceId) });
        return (
          <section key={target.id} aria-labelledby={`target-${target.id}`} className="mt-4 rounded border border-slate-300 p-4" data-testid={`target-${target.id}`}>
            <h3 id={`target-${target.id}`} className="text-xl font-semibold">{name}</h3>
            <p className="text-sm text-slate-700" data-testid="target-now">{t("targetNow", { definition: describeTarget(target, catalogue, trr, locale) })}</p>
            <ActionForm action={targetAction.bind(null, locale)} className="mt-2 space-y-3" label={t("targetForm", { target: name })}>
              <input type="hidden" name="targetId" value={target.id} />
              <input type="hidden" name="seen" value={targetSignature(target)} />
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                <Field kind="input" id={`${target.id}-amount`} name="amount" label={t("amount")} defaultValue={String(target.amount)} />
                <Field kind="select" id={`${target.id}-unit`} name="unit" label={t("unit")} defaultValue={target.unit} options={DURATION_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} />
                <Field kind="select" id={`${target.id}-clock`} name="clock" label={t("clock")} defaultValue={target.clock} options={CLOCK_IDS.map((c) => ({ value: c, label: t(`clocks.${c}`) }))} />
                <Field
                  kind="select"
                  id={`${target.id}-calendar`}
                  name="calendarId"
                  label={t("calendar")}
                  defaultValue={target.calendarId}
                  options={calendarsOfService(catalogue, target.serviceId).map((c) => ({ value: c, label: calendarLabel(catalogue, c, locale) }))}
                />
              </div>
              <CheckboxGroup
                name="channels"
                prefix="channel:"
                idPrefix={`${target.id}-channel`}
                legend={t("channels")}
                options={channelsOfAudience(catalogue, target).map((c) => ({ value: c, label: catalogue.channelLabels[c]?.[locale] ?? c }))}
                defaultChecked={target.channels}
              />
              <PreviewSaveButtons preview={t("hoursPreview")} save={t("targetSave")} question={t("saveQuestion")} confirm={t("confirm")} cancel={t("cancel")} />
            </ActionForm>
          </section>
        );
      })}

      {sets.map((set) => {
        return (
          <section key={set.id} aria-labelledby={`set-${set.id}`} className="mt-8" data-testid={`holiday-set-${set.id}`}>
            <h2 id={`set-${set.id}`} className="text-2xl font-semibold text-qc-navy">
              {t("setTitle", { services: set.services.map(serviceName).join(", ") })}
            </h2>

            <h3 className="mt-4 text-xl font-semibold">{t("preview")}</h3>
            <p className="text-sm text-slate-700">{t("previewNote")}</p>
            <ul className="mt-2 space-y-1" data-testid="due-preview">
              {set.preview.map(({ target, dueAt }) => (
                <li key={target.id} data-target={target.id}>
                  {targetLabel({ key: target.id }, catalogue, tr, locale)} : <strong>{formatDateTime(dueAt, locale)}</strong>
                </li>
              ))}
            </ul>

            {set.years.map(({ year: y, holidays }) => {
              return (
                <div key={y} className="mt-6">
                  <h3 className="text-xl font-semibold">{t("yearTitle", { year: y })}</h3>
                  <table className="mt-2 w-full border-collapse text-left" data-testid={`holidays-${y}`}>
                    <thead>
                      <tr className="border-b-2 border-qc-navy">
                        <th scope="col" className="py-2 pr-3">{t("date")}</th>
                        <th scope="col" className="py-2 pr-3">{t("name")}</th>
                        <th scope="col" className="py-2">{t("actions")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {holidays.map((h) => (
                        <tr key={h.date} className="border-b border-slate-200 align-top" data-date={h.date}>
                          <td className="py-2 pr-3">{formatIsoDate(h.date, locale)}</td>
                          <td className="py-2 pr-3">{locale === "fr" ? h.nameFr : h.nameEn}</td>
                          <td className="flex flex-wrap items-end gap-3 py-2">
                            <ActionForm action={moveHolidayAction.bind(null, locale)} className="flex items-end gap-2" label={t("moveLabel", { date: h.date })}>
                              <input type="hidden" name="holidaySetId" value={set.id} />
                              <input type="hidden" name="date" value={h.date} />
                              <Field kind="input" type="date" id={`to-${h.date}`} name="to" label={t("moveTo")} />
                              <SubmitButton variant="secondary">{t("move")}</SubmitButton>
                            </ActionForm>
                            <ActionForm action={deleteHolidayAction.bind(null, locale)} className="flex items-end" label={t("deleteLabel", { date: h.date })}>
                              <input type="hidden" name="holidaySetId" value={set.id} />
                              <input type="hidden" name="date" value={h.date} />
                              <ConfirmSubmitButton variant="secondary" question={t("deleteQuestion", { date: formatIsoDate(h.date, locale) })} confirm={t("confirm")} cancel={t("cancel")}>
                                {t("delete")}
                              </ConfirmSubmitButton>
                            </ActionForm>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })}

            <h3 className="mt-6 text-xl font-semibold">{t("addTitle")}</h3>
            <ActionForm action={addHolidayAction.bind(null, locale)} className="mt-2 grid max-w-3xl gap-3 sm:grid-cols-3" label={t("addTitle")}>
              <input type="hidden" name="holidaySetId" value={set.id} />
              <Field kind="input" type="date" id={`add-date-${set.id}`} name="date" label={t("date")} />
              <Field kind="input" id={`add-fr-${set.id}`} name="nameFr" label={t("nameFr")} />
              <Field kind="input" id={`add-en-${set.id}`} name="nameEn" label={t("nameEn")} />
              <div>
                <SubmitButton>{t("add")}</SubmitButton>
              </div>
            </ActionForm>

            <ActionForm action={generateYearAction.bind(null, locale)} className="mt-6" label={t("generate", { year: set.nextToStore })}>
              <input type="hidden" name="holidaySetId" value={set.id} />
              <input type="hidden" name="year" value={set.nextToStore} />
              <p className="text-sm text-slate-700">{t("generateNote")}</p>
              <SubmitButton variant="secondary">{t("generate", { year: set.nextToStore })}</SubmitButton>
            </ActionForm>
          </section>
        );
      })}

      {mail && (
        <section aria-labelledby="mailboxes" className="mt-8" data-testid="mailboxes">
          <h2 id="mailboxes" className="text-2xl font-semibold text-qc-navy">{t("mailboxesTitle")}</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("mailboxesNote")}</p>
          {[...mail.mailboxes, null].map((box) => {
            const key = box?.address ?? "new";
            const audienceOptions = mail.audiences.map((a) => ({ value: `${a.serviceId}/${a.audienceId}`, label: `${serviceName(a.serviceId)} — ${catalogue.audienceLabels[a.audienceId]?.[locale] ?? a.audienceId}` }));
            return (
              <div key={key} className="mt-4 rounded border border-slate-300 p-4" data-testid={`mailbox-${key}`}>
                <h3 className="text-xl font-semibold">{box ? box.address : t("mailboxNew")}</h3>
                <ActionForm action={mailboxAction.bind(null, locale)} className="mt-2 space-y-3" label={box ? t("mailboxForm", { address: box.address }) : t("mailboxNew")}>
                  {box ? <input type="hidden" name="address" value={box.address} /> : null}
                  <div className="grid gap-3 sm:grid-cols-2">
                    {!box && <Field kind="input" id="mailbox-new-address" name="address" label={t("mailboxAddress")} />}
                    <Field kind="select" id={`mailbox-${key}-audience`} name="serviceAudience" label={t("mailboxAudience")} defaultValue={box ? `${box.serviceId}/${box.audienceId}` : ""} options={[...(box ? [] : [{ value: "", label: "—" }]), ...audienceOptions]} />
                  </div>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="identifySenders" defaultChecked={box?.identifySenders ?? false} className="h-5 w-5" />
                    {t("identifySenders")}
                  </label>
                  <SubmitButton>{t("mailboxSave")}</SubmitButton>
                </ActionForm>
                {box && (
                  <ActionForm action={deleteMailboxAction.bind(null, locale)} className="mt-2" label={t("mailboxDelete", { address: box.address })}>
                    <input type="hidden" name="address" value={box.address} />
                    <ConfirmSubmitButton variant="secondary" question={t("mailboxDeleteQuestion", { address: box.address })} confirm={t("confirm")} cancel={t("cancel")}>
                      {t("mailboxDelete", { address: box.address })}
                    </ConfirmSubmitButton>
                  </ActionForm>
                )}
              </div>
            );
          })}
        </section>
      )}

      {phone && (
        <section aria-labelledby="lines" className="mt-8" data-testid="phone-lines">
          <h2 id="lines" className="text-2xl font-semibold text-qc-navy">{t("linesTitle")}</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("linesNote")}</p>
          <div className="mt-2 grid gap-4 xl:grid-cols-2">
            {[...phone.lines, null].map((line) => {
              const key = line?.id ?? "new";
              const audienceOptions = phone.audiences.map((a) => ({ value: `${a.serviceId}/${a.audienceId}`, label: `${serviceName(a.serviceId)} — ${catalogue.audienceLabels[a.audienceId]?.[locale] ?? a.audienceId}` }));
              return (
                <div key={key} className="rounded border border-slate-300 p-4" data-testid={`line-${key}`}>
                  <h3 className="text-xl font-semibold">{line ? line.id : t("lineNew")}</h3>
                  <ActionForm action={lineAction.bind(null, locale)} className="mt-2 space-y-3" label={line ? t("lineForm", { line: line.id }) : t("lineNew")}>
                    {line ? <input type="hidden" name="id" value={line.id} /> : null}
                    <div className="grid gap-3 sm:grid-cols-2">
                      {!line && <Field kind="input" id="line-new-id" name="id" label={t("lineId")} />}
                      <Field kind="select" id={`line-${key}-audience`} name="serviceAudience" label={t("lineAudience")} defaultValue={line ? `${line.serviceId}/${line.audienceId}` : ""} options={[...(line ? [] : [{ value: "", label: "—" }]), ...audienceOptions]} />
                      <Field kind="textarea" id={`line-${key}-numbers`} name="numbers" label={t("lineNumbers")} rows={2} required={false} defaultValue={line?.numbers.join("\n") ?? ""} />
                    </div>
                    <SubmitButton>{t("lineSave")}</SubmitButton>
                  </ActionForm>
                  {line && (
                    <ActionForm action={deleteLineAction.bind(null, locale)} className="mt-2" label={t("lineDelete", { line: line.id })}>
                      <input type="hidden" name="id" value={line.id} />
                      <ConfirmSubmitButton variant="secondary" question={t("lineDeleteQuestion", { line: line.id })} confirm={t("confirm")} cancel={t("cancel")}>
                        {t("lineDelete", { line: line.id })}
                      </ConfirmSubmitButton>
                    </ActionForm>
                  )}
                </div>
              );
            })}
          </div>
        </section>
      )}

      {retention.length > 0 && (
        <section aria-labelledby="retention" className="mt-8" data-testid="retention">
          <h2 id="retention" className="text-2xl font-semibold text-qc-navy">{t("retentionTitle")}</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("retentionNote")}</p>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            {retention.map((r) => (
              <ActionForm key={r.serviceId} action={retentionAction.bind(null, locale)} className="space-y-3 rounded border border-slate-300 p-4" label={t("retentionOf", { service: serviceName(r.serviceId) })}>
                <h3 className="text-xl font-semibold">{serviceName(r.serviceId)}</h3>
                <input type="hidden" name="serviceId" value={r.serviceId} />
                <Field kind="input" id={`retention-${r.serviceId}`} name="days" label={t("retentionDays")} hint={t("retentionHint")} defaultValue={String(r.days)} />
                <SubmitButton variant="secondary">{t("retentionSave")}</SubmitButton>
              </ActionForm>
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="history" className="mt-10">
        <h2 id="history" className="text-2xl font-semibold text-qc-navy">{t("history")}</h2>
        {history.length === 0 ? (
          <p className="mt-2">{t("noHistory")}</p>
        ) : (
          <ul className="mt-2 space-y-1" data-testid="catalogue-history">
            {history.map((entry) => {
              const data = entry.data as { date?: string; from?: string; to?: string; year?: number; nameFr?: string; calendarId?: string; targetId?: string; address?: string; line?: string };
              return (
                <li key={String(entry.id)}>
                  {formatDateTime(entry.at.getTime(), locale)} — {entry.actor?.name ?? "—"} — {t(`audit.${entry.action}` as "audit.catalogue_holiday_added", { date: data.date ?? data.from ?? "", to: data.to ?? "", year: data.year ?? "", name: data.nameFr ?? "", calendar: data.calendarId ? calendarLabel(catalogue, data.calendarId, locale) : "", target: data.targetId ? targetName(data.targetId, catalogue, trr, locale) : "", address: data.address ?? "", line: data.line ?? "" })}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

/** "Aperçu" (nothing saved) and the save button of one editing form (confirmed first): the `intent` field says which. */
function PreviewSaveButtons({ preview, save, question, confirm, cancel }: { preview: string; save: string; question: string; confirm: string; cancel: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" name="intent" value="preview" className="rounded border border-qc-blue bg-white px-4 py-2 font-semibold text-qc-blue hover:bg-qc-pale">
        {preview}
      </button>
      <ConfirmSubmitButton name="intent" value="save" question={question} confirm={confirm} cancel={cancel}>
        {save}
      </ConfirmSubmitButton>
    </div>
  );
}
