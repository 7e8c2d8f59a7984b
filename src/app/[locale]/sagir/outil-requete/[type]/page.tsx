import { phoneText } from "@/i18n/phone";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { SagirRequestForm, type SagirFieldView } from "@/components/sagir-request-form";
import {
  formatIsoDate,
  MONTH_NAMES,
  SAGIR_CHOICE_LABELS,
  SAGIR_FIELD_HINTS,
  SAGIR_FIELD_LABELS,
  SAGIR_FORM_FIELDS,
  SAGIR_TYPE_DESCRIPTIONS,
  SAGIR_TYPE_LABELS,
  sagirTypeFromSlug,
} from "@/domain/requests/sagir-request";
import type { LocalizedText } from "@/domain/catalogue/service-profile";
import { formatDateTime } from "@/i18n/format";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { SuggestedGuides } from "@/components/suggested-guides";
import { getNow } from "@/server/clock";
import { departureLeadTimeAt } from "@/server/services/create-sagir-request";
import { getCatalogue } from "@/server/services/get-catalogue";
import { centrePageUser } from "../../../_centre/pages";
import { submitSagirRequest } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; type: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, type } = await params;
  const requestType = sagirTypeFromSlug(type);
  return { title: requestType ? SAGIR_TYPE_LABELS[requestType][locale] : "SAGIR", robots: { index: false } };
}

export default async function SagirFormPage({ params }: Props) {
  const { locale, type: slug } = await params;
  setRequestLocale(locale);
  const type = sagirTypeFromSlug(slug);
  if (!type) notFound();
  const t = await getTranslations("Sagir");
  const title = SAGIR_TYPE_LABELS[type][locale];
  const gate = await centrePageUser(locale, "sagir", title);
  if ("page" in gate) return gate.page;
  const fields: SagirFieldView[] = SAGIR_FORM_FIELDS[type].map((f) => ({
    name: f.name,
    kind: f.kind,
    required: f.required,
    maxLength: f.maxLength,
    label: SAGIR_FIELD_LABELS[f.name]?.[locale] ?? f.name,
    hint: SAGIR_FIELD_HINTS[f.name]?.[locale],
    options: f.choices?.values.map((value) => ({
      value,
      label: (SAGIR_CHOICE_LABELS[f.choices!.labels] as Record<string, LocalizedText>)[value]?.[locale] ?? value,
    })),
  }));
  const { profiles, engine } = await getCatalogue();
  const now = await getNow();
  const tm = await getTranslations("Metric");
  const due = engine.dueTargets("sagir", "sagir-user", "request-tool", now.getTime())[0]?.dueAt ?? null;
  const phone = profiles.find((p) => p.serviceId === "sagir")?.audiences[0]?.contacts.find((c) => c.kind === "phone")?.value ?? null;
  const phoneShown = phone === null ? null : phoneText(phone, locale);
  const lead = type === "departure" ? await departureLeadTimeAt(now) : null;
  return (
    <>
      <p>
        <Link href="/sagir/outil-requete" className="text-qc-blue underline">
          {t("toolTitle")}
        </Link>
      </p>
      <h1 className="mt-3 text-3xl font-bold text-qc-navy">{title}</h1>
      <p className="mt-3 max-w-2xl text-slate-700">{SAGIR_TYPE_DESCRIPTIONS[type][locale]}</p>
      {due && (
        <p className="mt-2 max-w-2xl font-semibold" data-testid="write-now">
          {tm("writeNow.take-in-charge", { moment: formatDateTime(due, locale) })}
        </p>
      )}
      <SagirRequestForm
        action={submitSagirRequest.bind(null, locale, type)}
        type={type}
        fields={fields}
        urgentPhone={phoneShown}
        departure={lead ? { earliest: lead.earliestOnTimeEntryDate, earliestLabel: formatIsoDate(lead.earliestOnTimeEntryDate, locale) } : null}
        months={[...MONTH_NAMES[locale]]}
        suggestions={<SuggestedGuides locale={locale} serviceId="sagir" audienceId="sagir-user" />}
      />
    </>
  );
}
