import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, CheckboxGroup, Field, SubmitButton } from "@/components/console/action-form";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCatalogue } from "@/server/services/get-catalogue";
import { readReviewSetting } from "@/server/services/quality-review";
import { readContacts } from "@/server/services/second-level";
import { managerOf } from "../../gate";
import { addContactAction, reviewSettingAction, updateContactAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Console" }))("secondLevel.manageTitle"), robots: { index: false } };
}

/** A service's second-level parties (« l'intervenant concerné », the DGGIR pilots) and its quality review, managed by its managers. */
export default async function SecondLevelPage({ params }: Props) {
  const { locale, service } = await params;
  setRequestLocale(locale);
  const { user, services } = await managerOf(locale, service);
  const t = await getTranslations("Console.secondLevel");
  const [contacts, review, catalogue] = await Promise.all([readContacts({ user, serviceId: service }), readReviewSetting({ user, serviceId: service }), getCatalogue()]);
  const serviceName = (id: string) => catalogue.profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("manageTitleOf", { service: serviceName(service) })}</h1>
      {services.length > 1 && (
        <nav aria-label={t("services")} className="mt-3 flex flex-wrap gap-2">
          {services.map((s) => (
            <Link key={s} href={`/gestion/second-niveau/${s}`} aria-current={s === service ? "page" : undefined} className="rounded border border-qc-blue px-3 py-1 aria-[current=page]:bg-qc-blue aria-[current=page]:text-white">
              {serviceName(s)}
            </Link>
          ))}
        </nav>
      )}
      <p className="mt-2 max-w-4xl text-slate-700">{t("manageIntro")}</p>

      <div className="mt-6 grid gap-8 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="contacts-h">
          <h2 id="contacts-h" className="text-2xl font-semibold text-qc-navy">{t("contacts")}</h2>
          {contacts.length === 0 ? (
            <p className="mt-3" data-testid="no-contacts">{t("noContactsYet")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200" data-testid="contacts">
              {contacts.map((c) => (
                <li key={c.id} className="py-3" data-testid="contact" data-active={c.disabledAt ? "no" : "yes"}>
                  <ActionForm action={updateContactAction.bind(null, locale, service)} label={t("editOf", { name: c.name })} className="grid items-end gap-3 md:grid-cols-[1fr_1fr_1.5fr_auto_auto]">
                    <input type="hidden" name="id" value={c.id} />
                    <Field kind="input" id={`name-${c.id}`} name="name" label={t("name")} defaultValue={c.name} />
                    <Field kind="input" type="email" id={`email-${c.id}`} name="email" label={t("email")} defaultValue={c.email} />
                    <Field kind="input" id={`role-${c.id}`} name="role" label={t("role")} defaultValue={c.role} required={false} />
                    <CheckboxGroup name="active" prefix="" legend={t("status")} idPrefix={`active-${c.id}`} options={[{ value: "active", label: t("active") }]} defaultChecked={c.disabledAt ? [] : ["active"]} />
                    <SubmitButton variant="secondary">{t("save")}</SubmitButton>
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-6 text-xl font-semibold text-qc-navy">{t("add")}</h3>
          <ActionForm action={addContactAction.bind(null, locale, service)} label={t("add")} className="mt-2 grid items-end gap-3 md:grid-cols-[1fr_1fr_1.5fr_auto]">
            <Field kind="input" id="new-name" name="name" label={t("name")} />
            <Field kind="input" type="email" id="new-email" name="email" label={t("email")} />
            <Field kind="input" id="new-role" name="role" label={t("role")} hint={t("roleHint")} required={false} />
            <SubmitButton>{t("addButton")}</SubmitButton>
          </ActionForm>
        </section>

        <section aria-labelledby="review-h">
          <h2 id="review-h" className="text-2xl font-semibold text-qc-navy">{t("reviewTitle")}</h2>
          <p className="mt-2 text-sm text-slate-700">{t("reviewIntro")}</p>
          <ActionForm action={reviewSettingAction.bind(null, locale, service)} label={t("reviewTitle")} className="mt-3 space-y-3">
            <CheckboxGroup name="reviewResolutions" prefix="" legend={t("reviewLegend")} idPrefix="review" options={[{ value: "reviewResolutions", label: t("reviewRequired") }]} defaultChecked={review ? ["reviewResolutions"] : []} />
            <SubmitButton variant="secondary">{t("save")}</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
