import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export default function NotFound() {
  const t = useTranslations("NotFound");
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-4">
        <Link href="/" className="text-qc-blue underline">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
