import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MoRequestForm } from "@/components/mo-request-form";
import { MO_FUNCTION_LABELS, MO_FUNCTIONS, MO_NATURE_LABELS, MO_NATURES } from "@/domain/requests/mo-request";
import type { Locale } from "@/i18n/routing";
import { SuggestedGuides } from "@/components/suggested-guides";
import { centrePageUser } from "../../_centre/pages";
import { submitMoRequest } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "MoRequest" }))("title") };
}

export default async function NewMoRequestPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("MoRequest");
  const gate = await centrePageUser(locale, "ca-dotation", t("title"));
  if ("page" in gate) return gate.page;
  const { user } = gate;
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3 max-w-2xl text-slate-700">{t("intro")}</p>
      <MoRequestForm
        action={submitMoRequest.bind(null, locale)}
        functions={MO_FUNCTIONS.map((value) => ({ value, label: MO_FUNCTION_LABELS[value][locale] }))}
        natures={MO_NATURES.map((value) => ({ value, label: MO_NATURE_LABELS[value][locale] }))}
        emergencyPhone={user.organization.emergencyPhone}
        suggestions={<SuggestedGuides locale={locale} serviceId="ca-dotation" audienceId="mo-specialist" />}
      />
    </>
  );
}
