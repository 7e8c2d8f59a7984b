import { getTranslations } from "next-intl/server";
import type { MoCentre } from "@/domain/requests/mo-request";
import type { Locale } from "@/i18n/routing";
import type { CentreAccess } from "@/server/auth/authorize";
import { phoneText } from "@/i18n/phone";
import { audiencePhones, getCatalogue } from "@/server/services/get-catalogue";

/**
 * What an MO user sees instead of a centre's form or list: for SAGIR, an MO that has not adhered
 * is told so, with the prerequisites of the SAGIR document — a clear refusal, not a form.
 */
export async function CentreRefusal({ locale, centre, access }: { locale: Locale; centre: MoCentre; access: Exclude<CentreAccess, "granted"> }) {
  const t = await getTranslations("Centre");
  const catalogue = await getCatalogue();
  const prerequisites = catalogue.profiles.find((p) => p.serviceId === centre)?.prerequisites ?? [];
  // The number to call meanwhile: the catalogue's, for this centre's MO users.
  const phones = audiencePhones(catalogue, centre, centre === "sagir" ? "sagir-user" : "mo-specialist").map((p) => phoneText(p, locale));
  const key = centre === "sagir" ? "sagir" : "dotation";
  return (
    <section className="mt-4 max-w-2xl rounded-lg border-l-4 border-closed bg-closed-pale p-4" data-testid="refusal" data-reason={access}>
      <h2 className="text-xl font-semibold text-qc-navy">{t(`${access}.${key}.title`)}</h2>
      <p className="mt-2">{t(`${access}.${key}.body`)}</p>
      {access === "not-adhered" && prerequisites.length > 0 && (
        <>
          <p className="mt-3 font-semibold">{t("prerequisites")}</p>
          <ul className="mt-1 list-disc pl-6">
            {prerequisites.map((p) => (
              <li key={p.fr}>{p[locale]}</li>
            ))}
          </ul>
        </>
      )}
      {access === "not-adhered" && (
        <p className="mt-3" data-testid="refusal-phone">
          {t("adhesion", { phone: phones.join(locale === "fr" ? " ou au " : " or ") || "—" })}
        </p>
      )}
    </section>
  );
}
