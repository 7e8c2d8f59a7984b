import { getLocale, getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { isLocale } from "@/i18n/routing";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  const locale = await getLocale();
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-4">
        <LocaleLink href="/" locale={isLocale(locale) ? locale : "fr"} className="text-qc-blue underline">
          {t("back")}
        </LocaleLink>
      </p>
    </>
  );
}
