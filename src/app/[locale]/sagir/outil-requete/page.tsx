import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SAGIR_REQUEST_TYPES, SAGIR_TYPE_DESCRIPTIONS, SAGIR_TYPE_LABELS, SAGIR_TYPE_SLUGS } from "@/domain/requests/sagir-request";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { centrePageUser } from "../../_centre/pages";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Sagir" }))("toolTitle"), robots: { index: false } };
}

/** SAGIR's Outil Requête: the person picks the kind of request; each has its own form. */
export default async function SagirToolPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Sagir");
  const gate = await centrePageUser(locale, "sagir", t("toolTitle"));
  if ("page" in gate) return gate.page;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-qc-navy">{t("toolTitle")}</h1>
        <Link href="/sagir/requetes" className="rounded border border-qc-blue px-4 py-2 font-semibold text-qc-blue">
          {t("listTitle")}
        </Link>
      </div>
      <p className="mt-3 max-w-3xl text-slate-700">{t("toolIntro")}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2" data-testid="sagir-types">
        {SAGIR_REQUEST_TYPES.map((type) => (
          <li key={type} className="rounded-lg border border-slate-300 p-4">
            <h2 className="text-lg font-semibold">
              <Link href={`/sagir/outil-requete/${SAGIR_TYPE_SLUGS[type]}`} className="text-qc-blue underline">
                {SAGIR_TYPE_LABELS[type][locale]}
              </Link>
            </h2>
            <p className="mt-1 text-slate-700">{SAGIR_TYPE_DESCRIPTIONS[type][locale]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
